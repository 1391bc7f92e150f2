package cn.perfledger.benchmarks.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import files, the peers' journal and output parsing, the difference check and the percentiles. */
class FormatsTest {

    private final YearPlan plan = YearPlan.generate(new YearPlan.Spec("BY-0001", 2021, 2, 6, 250, 5, 10, 3));

    @Test
    void importFilesHaveTheTemplatesHeadAndAtMostMaxRows() {
        List<LedgerOp> rows = new ArrayList<>(plan.stream.stream().filter(op -> !(op instanceof LedgerOp.Reversal)).toList());
        List<byte[]> files = ImportFiles.files(rows, 100, false);
        assertEquals(3, files.size());
        int dataRows = 0;
        for (byte[] file : files) {
            String[] lines = new String(file, StandardCharsets.UTF_8).split("\n");
            assertEquals("金额单位,元", lines[0]);
            assertTrue(lines[1].startsWith("记录类型,预算行编号,业务日期,金额"));
            assertTrue(lines.length - 2 <= 100);
            dataRows += lines.length - 2;
        }
        assertEquals(rows.size(), dataRows);
        assertThrows(IllegalStateException.class, () -> ImportFiles.files(plan.stream, 100, false),
                "no reversal row while the template has none");
    }

    @Test
    void amountsAreYuanWithTwoDecimals() {
        assertEquals("1234.50", LedgerOp.yuan(123450));
        assertEquals("0.01", LedgerOp.yuan(1));
        assertEquals("-20.00", LedgerOp.yuan(-2000));
    }

    @Test
    void journalHasOneBalancedTransactionPerFact(@TempDir Path dir) throws Exception {
        String journal = Files.readString(Peers.writeJournal(plan, dir.resolve("y.journal")));
        long transactions = journal.lines().filter(l -> l.startsWith("2021-")).count();
        assertEquals(plan.initialBudgets.size() + plan.stream.size(), transactions);
    }

    @Test
    void parsesBothPeersOutput() {
        Map<String, long[]> ledger = Peers.parse(List.of("  1,234,567.89  Budget:L-001", "      -12.30  Expenses:L-001",
                "--------------------", "   5.00  Funding:Appropriation"), false);
        assertArrayEquals(new long[] {123456789, -1230}, ledger.get("L-001"));
        assertEquals(1, ledger.size());
        Map<String, long[]> hledger = Peers.parse(List.of("\"account\",\"balance\"", "\"Budget:L-002\",\"10.00\"",
                "\"Expenses:L-002\",\"3.25\"", "\"total\",\"13.25\""), true);
        assertArrayEquals(new long[] {1000, 325}, hledger.get("L-002"));
    }

    @Test
    void aOneFenDifferenceIsFound() {
        Map<String, long[]> a = Map.of("L-001", new long[] {100, 50});
        assertTrue(Peers.differences("a", a, "b", Map.of("L-001", new long[] {100, 50})).isEmpty());
        assertEquals(1, Peers.differences("a", a, "b", Map.of("L-001", new long[] {100, 51})).size());
        assertEquals(2, Peers.differences("a", a, "b", Map.of("L-002", new long[] {100, 50})).size());
    }

    @Test
    void nearestRankPercentiles() {
        Stats stats = new Stats(new double[] {5, 1, 4, 2, 3, 6, 7, 8, 9, 10});
        assertEquals(5, stats.percentile(50));
        assertEquals(10, stats.percentile(99));
        assertEquals(1, stats.percentile(0));
        assertTrue(Double.isNaN(new Stats(new double[0]).median()));
    }
}
