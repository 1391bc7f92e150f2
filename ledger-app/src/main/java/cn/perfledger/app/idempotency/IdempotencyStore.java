package cn.perfledger.app.idempotency;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The table {@code idempotency_record} (Flyway V4). Every statement runs in its own (auto-committed)
 * transaction, outside Axon's unit of work: the claim is visible to a concurrent request before the command runs,
 * and the completion is stored after the command's events were committed.
 */
@Repository
public class IdempotencyStore {

    /** A stored key: {@code status} is null while the first request is still in progress. */
    public record Entry(String key, String requestHash, String method, String path, Integer status,
            String contentType, byte[] body) {

        public boolean completed() {
            return status != null;
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public IdempotencyStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<Entry> find(String key) {
        List<Entry> rows = jdbc.query("SELECT idempotency_key, request_hash, http_method, request_path, status,"
                + " content_type, response_body FROM idempotency_record WHERE idempotency_key = ?",
                (rs, i) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        (Integer) rs.getObject(5, Integer.class), rs.getString(6), rs.getBytes(7)), key);
        return rows.stream().findFirst();
    }

    /** Claims {@code key} for a request; false when another request holds or held it (unique constraint). */
    public boolean claim(String key, String requestHash, String method, String path) {
        try {
            jdbc.update("INSERT INTO idempotency_record (idempotency_key, request_hash, http_method, request_path,"
                    + " created_at) VALUES (?, ?, ?, ?, ?)", key, requestHash, method, truncate(path, 2000),
                    clock.instant().toString());
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Stores the response of the request that claimed {@code key}. */
    public void complete(String key, int status, String contentType, byte[] body) {
        jdbc.update("UPDATE idempotency_record SET status = ?, content_type = ?, response_body = ?, completed_at = ?"
                + " WHERE idempotency_key = ? AND status IS NULL", status, truncate(contentType, 200), body,
                clock.instant().toString(), key);
    }

    /** Gives up a claim whose request was refused (nothing was written): the key may be used again. */
    public void release(String key) {
        jdbc.update("DELETE FROM idempotency_record WHERE idempotency_key = ? AND status IS NULL", key);
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
