package cn.perfledger.app.command;

/**
 * A read model that lags the event store (a tracking processor) and must not show a user the state from before his
 * own write: after a command it cares about has been handled, {@link CommandDispatcher} lets it catch up first.
 */
public interface ReadAfterWrite {

    /** Called after {@code command} was handled and its events are stored; returns once the read model has them. */
    void caughtUpWith(Object command);
}
