package cn.perfledger.app.api;

/**
 * The answer to a command: the aggregate it addressed, whether events were recorded (false for a reported
 * no-op such as an identical resubmission), the aggregate's outcome record if it returns one (e.g. the batch
 * outcome) and the correlation id found in the metadata of the events.
 */
public record CommandResult(String id, boolean recorded, Object outcome, String correlationId) {
}
