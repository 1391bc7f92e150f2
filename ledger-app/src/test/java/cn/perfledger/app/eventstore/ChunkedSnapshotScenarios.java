package cn.perfledger.app.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.perfledger.app.axon.BoundedAggregateCache;
import cn.perfledger.app.axon.SnapshotExecutor;
import cn.perfledger.app.command.ClientKind;
import cn.perfledger.app.command.CommandDispatcher;
import cn.perfledger.app.command.CommandOrigin;
import cn.perfledger.domain.budget.BudgetCommand;
import cn.perfledger.domain.budget.BudgetCommand.ExpenditureEntry;
import cn.perfledger.domain.budget.BudgetEvent.UnitRef;
import cn.perfledger.domain.budget.BudgetLedger;
import cn.perfledger.domain.budget.BudgetLineSpec;
import cn.perfledger.domain.budget.EconomicCode;
import cn.perfledger.domain.budget.ExpenditureKind;
import cn.perfledger.domain.budget.FunctionalCode;
import cn.perfledger.domain.budget.FundingSource;
import cn.perfledger.domain.common.BudgetLineId;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.domain.common.Money;
import cn.perfledger.domain.common.RubricVersionId;
import cn.perfledger.domain.common.UnitCode;
import cn.perfledger.domain.common.VoucherNo;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The budget ledger's snapshot is stored in chunks (issue 14): its full voucher chunks once, in
 * {@code snapshot_chunk}, named by SHA-256 in the snapshot row, whose keyed MAC covers the names. A later snapshot
 * of the same year writes only the chunks filled since; a chunk edited (even with its hash column recomputed) or
 * deleted makes the snapshot unusable, and the year is rebuilt from its events, which then decide the command.
 * Subclasses choose the database.
 */
abstract class ChunkedSnapshotScenarios {

    /** 2,100 vouchers: two full chunks of 1,024 and an open one. */
    private static final int VOUCHERS = 2_100;
    private static final BudgetLineId LINE = new BudgetLineId("L1");
    private static final LocalDate DAY = LocalDate.of(2021, 3, 1);

    @Autowired
    private CommandDispatcher dispatcher;
    @Autowired
    private AggregateSnapshotter snapshotter;
    @Autowired
    private SnapshotExecutor snapshotExecutor;
    @Autowired
    private BoundedAggregateCache budgetLedgerCache;
    @Autowired
    private EventStorageEngine storageEngine;
    @Autowired
    private JdbcTemplate jdbc;

    private final CommandOrigin origin = CommandOrigin.of(ClientKind.IMPORT);

    @Test
    void theSnapshotRowHoldsNoFullChunk_andASecondSnapshotRewritesNone() throws Exception {
        FiscalYearId year = yearWithVouchers();
        snapshot(year);
        Map<Integer, String> first = chunkHashes(year);
        assertThat(first).containsOnlyKeys(0, 1);
        // the row names its full chunks: their vouchers are not in it, the open chunk's are
        String row = snapshotRow(year);
        assertThat(row).doesNotContain("\"记-1\"").doesNotContain("\"记-2000\"").contains("\"记-2100\"")
                .contains(first.get(0)).contains(first.get(1));

        // a marker no rewrite of chunk 0 or 1 would keep (the hash column stays, so the writer sees them stored)
        byte[] chunk0 = chunkPayload(year, 0);
        byte[] chunk1 = chunkPayload(year, 1);
        setChunkPayload(year, 0, marked(chunk0));
        setChunkPayload(year, 1, marked(chunk1));
        spend(year, VOUCHERS + 1, 1_000); // chunk 2 fills (3,072), chunk 3 opens
        snapshot(year);

        assertThat(chunkHashes(year)).containsOnlyKeys(0, 1, 2).containsAllEntriesOf(first);
        assertThat(chunkPayload(year, 0)).isEqualTo(marked(chunk0));
        assertThat(chunkPayload(year, 1)).isEqualTo(marked(chunk1));
        assertThat(snapshotRow(year)).contains("\"记-3100\"").doesNotContain("\"记-3000\"");

        setChunkPayload(year, 0, chunk0);
        setChunkPayload(year, 1, chunk1);
        assertThat(storageEngine.readSnapshot(year.toString())).as("the second snapshot, put together").isPresent();
        budgetLedgerCache.removeAll();
        expectDecidedOnTheWholeYear(year);
    }

    @Test
    void aChunkEditedWithItsHashRecomputed_discardsTheSnapshot_andTheEventsDecide() throws Exception {
        FiscalYearId year = yearWithVouchers();
        snapshot(year);
        assertThat(storageEngine.readSnapshot(year.toString())).as("the genuine snapshot is used").isPresent();
        // 记-7 was 1.00: make it 1,000,000.00 in its chunk, so that a large reversal of it would pass
        String chunk = new String(chunkPayload(year, 0), StandardCharsets.UTF_8);
        String genuine = "\"voucherNo\":\"记-7\",\"lineId\":\"L1\",\"amountFen\":100,";
        assertThat(chunk).contains(genuine);
        byte[] edited = chunk.replace(genuine, "\"voucherNo\":\"记-7\",\"lineId\":\"L1\",\"amountFen\":100000000,")
                .getBytes(StandardCharsets.UTF_8);
        jdbc.update("UPDATE snapshot_chunk SET payload = ?, sha256 = ? WHERE aggregate_identifier = ?"
                + " AND chunk_number = 0", edited, SnapshotChunks.sha256Hex(edited), year.toString());
        budgetLedgerCache.removeAll();

        assertThat(storageEngine.readSnapshot(year.toString())).as("the snapshot is discarded").isEmpty();
        assertThatThrownBy(() -> reverse(year, "冲-1", "记-7", "500000.00")).hasMessageContaining("可冲销的余额");
        expectDecidedOnTheWholeYear(year);
    }

    @Test
    void aChunkDeleted_discardsTheSnapshot_andTheEventsDecide() throws Exception {
        FiscalYearId year = yearWithVouchers();
        snapshot(year);
        jdbc.update("DELETE FROM snapshot_chunk WHERE aggregate_identifier = ? AND chunk_number = 1", year.toString());
        budgetLedgerCache.removeAll();

        assertThat(storageEngine.readSnapshot(year.toString())).as("the snapshot is discarded").isEmpty();
        expectDecidedOnTheWholeYear(year);
        // the next snapshot stores the missing chunk again and is used
        snapshot(year);
        assertThat(chunkHashes(year)).containsKeys(0, 1);
        assertThat(storageEngine.readSnapshot(year.toString())).isPresent();
    }

    /** Vouchers of every chunk are known: a reused number is a conflict, reversals are bounded by the amount. */
    private void expectDecidedOnTheWholeYear(FiscalYearId year) {
        assertThatThrownBy(() -> dispatcher.send(new BudgetCommand.RecordExpenditure(year,
                new ExpenditureEntry(new VoucherNo("记-1500"), LINE, Money.of("2.00"), DAY, null, "另一笔"), null,
                null), origin)).hasMessageContaining("已记录过另一笔支出");
        assertThatThrownBy(() -> reverse(year, "冲-2", "记-9", "1.01")).hasMessageContaining("可冲销的余额");
        reverse(year, "冲-3", "记-9", "1.00");
    }

    private void reverse(FiscalYearId year, String number, String original, String amount) {
        dispatcher.send(new BudgetCommand.ReverseExpenditure(year, new VoucherNo(number), new VoucherNo(original),
                Money.of(amount), "测试冲销", DAY.plusDays(1), null), origin);
    }

    private FiscalYearId yearWithVouchers() {
        FiscalYearId year = FiscalYearId.of("CHK" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(), 2021);
        dispatcher.send(new BudgetCommand.OpenFiscalYear(year, "分块快照测试局",
                List.of(new UnitRef(new UnitCode("BJ"), "本级")), new RubricVersionId("chunk@1")), origin);
        dispatcher.send(new BudgetCommand.OpenBudgetLine(year, LINE, new BudgetLineSpec(new UnitCode("BJ"),
                FundingSource.GENERAL_PUBLIC_BUDGET, ExpenditureKind.PROJECT, "P1", "项目一",
                new FunctionalCode("2010150"), new EconomicCode("30201")), LocalDate.of(2021, 1, 1)), origin);
        dispatcher.send(new BudgetCommand.ApproveInitialBudget(year, LINE, Money.of("100000000.00"), "预-1",
                LocalDate.of(2021, 1, 2)), origin);
        spend(year, 1, VOUCHERS);
        return year;
    }

    /** Vouchers 记-from … of 1.00 each, in one batch. */
    private void spend(FiscalYearId year, int from, int count) {
        List<ExpenditureEntry> entries = new ArrayList<>(count);
        for (int n = from; n < from + count; n++) {
            entries.add(new ExpenditureEntry(new VoucherNo("记-" + n), LINE, Money.of("1.00"), DAY, null, "凭证 " + n));
        }
        dispatcher.send(new BudgetCommand.RecordExpenditureBatch(year, "batch-" + from, entries, null), origin);
    }

    private void snapshot(FiscalYearId year) throws InterruptedException {
        snapshotExecutor.awaitIdle(60, TimeUnit.SECONDS);
        snapshotter.scheduleSnapshot(BudgetLedger.class, year.toString());
        snapshotExecutor.awaitIdle(60, TimeUnit.SECONDS);
    }

    private String snapshotRow(FiscalYearId year) {
        return new String(jdbc.queryForObject("SELECT payload FROM SnapshotEventEntry WHERE aggregateIdentifier = ?",
                byte[].class, year.toString()), StandardCharsets.UTF_8);
    }

    private Map<Integer, String> chunkHashes(FiscalYearId year) {
        Map<Integer, String> hashes = new java.util.HashMap<>();
        jdbc.query("SELECT chunk_number, sha256 FROM snapshot_chunk WHERE aggregate_identifier = ?",
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> hashes.put(rs.getInt(1), rs.getString(2)),
                year.toString());
        return hashes;
    }

    private byte[] chunkPayload(FiscalYearId year, int number) {
        return jdbc.queryForObject("SELECT payload FROM snapshot_chunk WHERE aggregate_identifier = ?"
                + " AND chunk_number = ?", byte[].class, year.toString(), number);
    }

    private void setChunkPayload(FiscalYearId year, int number, byte[] payload) {
        jdbc.update("UPDATE snapshot_chunk SET payload = ? WHERE aggregate_identifier = ? AND chunk_number = ?",
                payload, year.toString(), number);
    }

    private static byte[] marked(byte[] payload) {
        return (new String(payload, StandardCharsets.UTF_8) + " ").getBytes(StandardCharsets.UTF_8);
    }
}
