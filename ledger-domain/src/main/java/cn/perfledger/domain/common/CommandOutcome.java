package cn.perfledger.domain.common;

/**
 * What a command handler answers when "nothing recorded" is a possible, reported success (an identical voucher
 * resubmitted, a file imported before): the caller learns from it whether events were recorded. Handlers that
 * always record or refuse answer nothing (or, creating an aggregate, its id).
 */
public interface CommandOutcome {

    /** Whether the command recorded at least one event. */
    boolean eventsRecorded();
}
