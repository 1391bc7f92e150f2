package cn.perfledger.app.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stored form of a chunked snapshot, on a table in memory (the SQL is exercised by the scenario tests). */
class SnapshotChunksTest {

    private static final String TYPE = Year.class.getName();

    private final MemoryTable table = new MemoryTable();
    private final SnapshotChunks chunks = new SnapshotChunks(table, Map.of(Year.class, List.of("book", "chunks")));

    /** Stands for the snapshotted class: only its name is used. */
    private static final class Year {
    }

    @Test
    void everyChunkButTheLast_isStoredOnce_andNamedByItsHash_andJoinGivesTheSnapshotBack() {
        String whole = snapshot(3);
        byte[] stored = chunks.split("A", TYPE, bytes(whole));

        String row = new String(stored, StandardCharsets.UTF_8);
        assertThat(table.rows).containsOnlyKeys(0, 1);
        assertThat(row).doesNotContain("\"voucherNo\":\"v0\"").doesNotContain("\"voucherNo\":\"v1\"")
                .contains("\"voucherNo\":\"v2\"")
                .contains(SnapshotChunks.sha256Hex(table.rows.get(0))).contains("\"other\":{\"n\":1.50}");
        assertThat(new String(chunks.join("A", TYPE, stored), StandardCharsets.UTF_8)).isEqualTo(whole);
    }

    @Test
    void aLaterSnapshot_writesOnlyTheChunksFilledSince() {
        chunks.split("A", TYPE, bytes(snapshot(3)));
        table.writes.clear();

        byte[] stored = chunks.split("A", TYPE, bytes(snapshot(5)));

        assertThat(table.writes).containsExactly("insert 2", "insert 3");
        assertThat(new String(chunks.join("A", TYPE, stored), StandardCharsets.UTF_8)).isEqualTo(snapshot(5));
    }

    @Test
    void aChunkOfAnotherHistoryUnderTheSameNumber_isReplaced() {
        table.rows.put(0, bytes("{\"vouchers\":[\"x\"]}"));
        table.hashes.put(0, SnapshotChunks.sha256Hex(table.rows.get(0)));

        byte[] stored = chunks.split("A", TYPE, bytes(snapshot(2)));

        assertThat(table.writes).containsExactly("update 0");
        assertThat(new String(chunks.join("A", TYPE, stored), StandardCharsets.UTF_8)).isEqualTo(snapshot(2));
    }

    @Test
    void aMissingOrEditedChunk_makesTheSnapshotUnusable() {
        byte[] stored = chunks.split("A", TYPE, bytes(snapshot(3)));
        table.rows.put(1, bytes(new String(table.rows.get(1), StandardCharsets.UTF_8).replace("v1", "v9")));
        assertThatThrownBy(() -> chunks.join("A", TYPE, stored)).isInstanceOf(SnapshotChunks.Unusable.class)
                .hasMessageContaining("chunk 1").hasMessageContaining("edited");
        table.rows.remove(1);
        assertThatThrownBy(() -> chunks.join("A", TYPE, stored)).isInstanceOf(SnapshotChunks.Unusable.class)
                .hasMessageContaining("chunk 1 is missing");
    }

    @Test
    void aTypeWithoutAChunkList_orASnapshotWithOneChunk_isStoredWhole() {
        byte[] other = bytes("{\"book\":{\"chunks\":[{\"vouchers\":[\"v0\"]},{\"vouchers\":[\"v1\"]}]}}");
        assertThat(chunks.split("A", "some.Other", other)).isSameAs(other);
        assertThat(new String(chunks.split("A", TYPE, bytes(snapshot(1))), StandardCharsets.UTF_8))
                .isEqualTo(snapshot(1));
        assertThat(table.rows).isEmpty();
    }

    /** A snapshot JSON with {@code n} chunks of one voucher each, and fields around the list. */
    private static String snapshot(int n) {
        List<String> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add("{\"vouchers\":[{\"voucherNo\":\"v" + i + "\",\"amountFen\":" + (100 + i) + "}]}");
        }
        return "{\"id\":\"A\",\"book\":{\"before\":[1,2],\"chunks\":[" + String.join(",", list)
                + "],\"reversedFen\":{\"v0\":5}},\"other\":{\"n\":1.50}}";
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The chunk table of one aggregate, in memory. */
    private static final class MemoryTable extends EventTable {

        final Map<Integer, byte[]> rows = new HashMap<>();
        final Map<Integer, String> hashes = new HashMap<>();
        final List<String> writes = new ArrayList<>();

        MemoryTable() {
            super(null);
        }

        @Override
        public Map<Integer, String> snapshotChunkHashes(String aggregateId) {
            return new HashMap<>(hashes);
        }

        @Override
        public Map<Integer, byte[]> snapshotChunks(String aggregateId) {
            return new HashMap<>(rows);
        }

        @Override
        public void insertSnapshotChunk(String aggregateId, int number, String sha256, byte[] payload) {
            writes.add("insert " + number);
            rows.put(number, payload);
            hashes.put(number, sha256);
        }

        @Override
        public void updateSnapshotChunk(String aggregateId, int number, String sha256, byte[] payload) {
            writes.add("update " + number);
            rows.put(number, payload);
            hashes.put(number, sha256);
        }
    }
}
