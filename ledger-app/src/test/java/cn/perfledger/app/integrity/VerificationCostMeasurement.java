package cn.perfledger.app.integrity;

import cn.perfledger.app.eventstore.StoredEvent;
import cn.perfledger.app.json.LedgerJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The CPU cost of the keyed chain, measured as thread CPU time (robust on a busy shared machine): verifying
 * 100,000 stored rows as EventHistory does on a cold read, against deserializing their payloads (the work the
 * cold read did before), and the hashing one append adds. A measurement, not a test: it runs only with
 * {@code -Dledger.measure=true} and asserts nothing about time.
 */
@EnabledIfSystemProperty(named = "ledger.measure", matches = "true")
class VerificationCostMeasurement {

    private static final int EVENTS = 100_000;

    @Test
    void cpuCostOfTheKeyedChain() throws Exception {
        ObjectMapper json = LedgerJson.newObjectMapper();
        IntegrityKeys keys = IntegrityKeys.of("k1", Map.of("k1", new byte[32]));
        List<StoredEvent> rows = new ArrayList<>(EVENTS);
        String prev = ChainHash.GENESIS;
        for (int i = 0; i < EVENTS; i++) {
            byte[] payload = ("{\"fiscalYearId\":\"PERF/2021\",\"voucherNo\":\"记-" + i + "\",\"lineId\":\"L" + (i % 40)
                    + "\",\"amount\":\"" + (1000 + i % 997) + ".25\",\"effectiveDate\":\"2021-" + String.format("%02d",
                    1 + i % 12) + "-15\",\"payee\":\"某某科技有限公司\",\"summary\":\"办公用品采购\",\"batchId\":\"b-" + i / 2000
                    + "\",\"correctionOf\":null}").getBytes(StandardCharsets.UTF_8);
            ObjectNode metaData = json.createObjectNode().put("client", "IMPORT").put("user", "clerk")
                    .put("role", "CLERK").put("synthetic", "false").put("correlationId", UUID.randomUUID().toString())
                    .put("traceId", UUID.randomUUID().toString());
            String id = UUID.randomUUID().toString();
            ChainHash.EventFields fields = new ChainHash.EventFields(id, "PERF/2021", i, "BudgetLedger",
                    "cn.perfledger.domain.budget.BudgetEvent$ExpenditureRecorded", null, "2021-03-01T08:00:00.123Z");
            String hash = ChainHash.keyedEventHash(keys, "k1", prev, fields, ChainHash.sha256Hex(payload),
                    ChainHash.sha256Hex(ChainHash.canonicalMetadata(metaData).getBytes(StandardCharsets.UTF_8)));
            metaData.put(ChainHash.CHAIN_PREV, prev).put(ChainHash.CHAIN_HASH, hash).put(ChainHash.CHAIN_KEY, "k1");
            rows.add(new StoredEvent(i + 1, "PERF/2021", i, "BudgetLedger", id, json.writeValueAsBytes(metaData), payload,
                    null, fields.payloadType(), fields.timestamp()));
            prev = hash;
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        double[] verify = new double[5];
        double[] deserialize = new double[5];
        for (int round = 0; round < 5; round++) {
            long start = cpu.getCurrentThreadCpuTime();
            StreamWalk walk = new StreamWalk("PERF/2021", keys, -1, -1);
            rows.forEach(walk::accept);
            verify[round] = (cpu.getCurrentThreadCpuTime() - start) / 1e6;
            if (walk.broken()) {
                throw new AssertionError(walk.problems());
            }
            start = cpu.getCurrentThreadCpuTime();
            long fields = 0;
            for (StoredEvent row : rows) {
                fields += json.readTree(row.payload()).size() + json.readTree(row.metaData()).size();
            }
            deserialize[round] = (cpu.getCurrentThreadCpuTime() - start) / 1e6;
            if (fields == 0) {
                throw new AssertionError();
            }
        }
        java.util.Arrays.sort(verify);
        java.util.Arrays.sort(deserialize);
        // one append: serialize nothing extra (the payload bytes are hashed as serialized), hash payload and
        // canonical metadata, one HMAC
        long start = cpu.getCurrentThreadCpuTime();
        StoredEvent sample = rows.get(0);
        for (int i = 0; i < 10_000; i++) {
            ChainHash.keyedEventHash(keys, "k1", ChainHash.GENESIS, new ChainHash.EventFields(sample.eventIdentifier(),
                    "PERF/2021", i, "BudgetLedger", sample.payloadType(), null, sample.timeStamp()),
                    ChainHash.sha256Hex(sample.payload()), ChainHash.sha256Hex(ChainHash.canonicalMetadata(
                            Map.of("client", "API", "user", "clerk", "role", "CLERK", "correlationId", "x"))
                            .getBytes(StandardCharsets.UTF_8)));
        }
        double perAppendMicros = (cpu.getCurrentThreadCpuTime() - start) / 1e3 / 10_000;
        System.out.printf("%n[integrity-cost] verifying %,d stored events (keyed hash, link, sequence): median %.0f ms"
                + " CPU (min %.0f); parsing their payload+metadata JSON once, for comparison: median %.0f ms CPU;"
                + " hashing one appended event: %.1f µs CPU (+ one indexed UPDATE of its stream_head row)%n", EVENTS,
                verify[2], verify[0], deserialize[2], perAppendMicros);
    }
}
