package cn.perfledger.app.command;

import java.util.List;

/** Metadata keys the ledger puts on commands and, through correlation, on every event they produce. */
public final class LedgerMetadata {

    /** Where the command came from: {@link ClientKind}. */
    public static final String CLIENT = "client";
    /** Who sent it ({@code anonymous} until sign-in exists). */
    public static final String USER = "user";
    /** The sender's role ({@code none} until sign-in exists). */
    public static final String ROLE = "role";
    /** True for generated demo data (e.g. synthetic vouchers spread to match published totals). */
    public static final String SYNTHETIC = "synthetic";
    /** Groups the commands of one request or import; given by the client or generated. */
    public static final String CORRELATION_ID = "correlationId";
    /** The id of the command message that produced the event. */
    public static final String CAUSATION_ID = "causationId";
    public static final String TRACE_ID = "traceId";

    static final List<String> SENT = List.of(CLIENT, USER, ROLE, SYNTHETIC, CORRELATION_ID);
    /** Keys copied from a command into its events. */
    public static final List<String> PROPAGATED = SENT;

    private LedgerMetadata() {
    }
}
