package cn.perfledger.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The answer to a command: the aggregate it addressed, whether events were recorded (false for a reported
 * no-op such as an identical resubmission), the aggregate's outcome record if it returns one (e.g. the batch
 * outcome), the correlation id found in the metadata of the events, and warnings (e.g. an indicator no rubric item
 * scores), omitted when there are none.
 */
public record CommandResult(String id, boolean recorded, Object outcome, String correlationId,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> warnings) {

    public CommandResult {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public CommandResult(String id, boolean recorded, Object outcome, String correlationId) {
        this(id, recorded, outcome, correlationId, List.of());
    }

    /** The same answer with warnings the user should read (what was recorded stands). */
    public CommandResult withWarnings(List<String> more) {
        List<String> all = new java.util.ArrayList<>(warnings);
        all.addAll(more);
        return new CommandResult(id, recorded, outcome, correlationId, all);
    }
}
