package cn.perfledger.app.eventstore;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One raw row of {@code DomainEventEntry} (or {@code SnapshotEventEntry}, whose rows have no global index: -1),
 * exactly as stored.
 *
 * @param metaData the stored metadata bytes (JSON), null if none
 * @param payload  the stored payload bytes (JSON)
 */
public record StoredEvent(long globalIndex, String aggregateIdentifier, long sequenceNumber, String type,
        String eventIdentifier, byte[] metaData, byte[] payload, String payloadRevision, String payloadType,
        String timeStamp) {

    static final String COLUMNS = "aggregateIdentifier, sequenceNumber, type, eventIdentifier,"
            + " metaData, payload, payloadRevision, payloadType, timeStamp";

    static StoredEvent read(ResultSet rs, boolean withGlobalIndex) throws SQLException {
        return new StoredEvent(withGlobalIndex ? rs.getLong("globalIndex") : -1, rs.getString("aggregateIdentifier"),
                rs.getLong("sequenceNumber"), rs.getString("type"), rs.getString("eventIdentifier"),
                rs.getBytes("metaData"), rs.getBytes("payload"), rs.getString("payloadRevision"),
                rs.getString("payloadType"), rs.getString("timeStamp"));
    }

    /** The simple name of the payload type ({@code BudgetEvent$ExpenditureRecorded} → ExpenditureRecorded). */
    public String simpleType() {
        return simpleName(payloadType);
    }

    /** The simple name of a stored payload type. */
    public static String simpleName(String payloadType) {
        int cut = Math.max(payloadType.lastIndexOf('$'), payloadType.lastIndexOf('.'));
        return payloadType.substring(cut + 1);
    }
}
