package cn.perfledger.domain.budget;

import static cn.perfledger.domain.budget.Inputs.BATCH_ID_MAX;
import static cn.perfledger.domain.budget.Inputs.PAYEE_MAX;
import static cn.perfledger.domain.budget.Inputs.REASON_MAX;
import static cn.perfledger.domain.budget.Inputs.SUMMARY_MAX;
import static cn.perfledger.domain.budget.Inputs.optionalText;
import static cn.perfledger.domain.budget.Inputs.positiveFen;
import static cn.perfledger.domain.budget.Inputs.require;
import static cn.perfledger.domain.budget.LinePolicies.notBeforeTheLineOpens;
import static cn.perfledger.domain.budget.LinePolicies.spendingWithinAvailableBudget;
import static cn.perfledger.domain.budget.VoucherPolicies.correctionOnlyOfAReversedVoucher;
import static cn.perfledger.domain.budget.VoucherPolicies.numberOncePerBatch;
import static cn.perfledger.domain.budget.VoucherPolicies.reversalNotBeforeTheOriginal;
import static cn.perfledger.domain.budget.VoucherPolicies.reversalTakesANewNumber;
import static cn.perfledger.domain.budget.VoucherPolicies.reversalWithinTheUnreversed;
import static cn.perfledger.domain.budget.VoucherPolicies.usedNumberOnlyForTheIdenticalVoucher;

import cn.perfledger.domain.budget.BudgetCommand.ExpenditureEntry;
import cn.perfledger.domain.budget.BudgetCommand.RecordExpenditure;
import cn.perfledger.domain.budget.BudgetCommand.RecordExpenditureBatch;
import cn.perfledger.domain.budget.BudgetCommand.ReverseExpenditure;
import cn.perfledger.domain.budget.BudgetEvent.ExpenditureRecorded;
import cn.perfledger.domain.budget.BudgetEvent.ExpenditureReversed;
import cn.perfledger.domain.common.BudgetLineId;
import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.domain.common.Ids;
import cn.perfledger.domain.common.Money;
import cn.perfledger.domain.common.VoucherNo;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The voucher book: the year's expenditure vouchers (singly or in all-or-nothing batches) and their reversals (冲销),
 * decided by the rules in {@link VoucherPolicies} and, for the money, {@link LinePolicies} against the
 * {@link LineBook}. A year may hold 100,000 vouchers, so per voucher only its number, line, amount, date and a
 * payload fingerprint are kept ({@link VoucherState}); reversal numbers are kept only as used numbers.
 *
 * <p>The vouchers are kept in recording order in {@link VoucherChunk}s, each immutable once full; what a reversal
 * changes, the reversed amount, is kept in a map of its own (a year reverses few vouchers). So a snapshot's full
 * chunks are the same in every later snapshot and are stored once, and the snapshot does not grow with the
 * vouchers. Lookup by number goes through an index that is not part of the snapshot: it is built from the chunks
 * on first use after a snapshot is read.
 */
final class VoucherBook {

    /** Expenditure vouchers in recording order; every chunk but the last is full. */
    private List<VoucherChunk> chunks = new ArrayList<>();
    /** Reversed fen by expenditure voucher number; a voucher never reversed has no entry. */
    private Map<String, Long> reversedFen = new HashMap<>();
    /** Reversal vouchers share the number space of expenditures but need nothing else remembered. */
    private Set<String> reversalVoucherNos = new HashSet<>();
    /** The vouchers of {@link #chunks} by number: derived, hence transient (not in the snapshot). */
    private transient Map<String, VoucherState> byNumber;

    /** For Axon (event sourcing) and Jackson (snapshots). */
    public VoucherBook() {
    }

    /**
     * A copy to decide the rows of a file or the parts of a batch on. The voucher states are shared, not copied:
     * they never change, and the full chunks holding them are shared too; only the open chunk, the reversed amounts
     * and the reversal numbers are copied (a year has few reversals), so the ledger's state never changes through a
     * draft.
     */
    VoucherBook draft() {
        VoucherBook draft = new VoucherBook();
        draft.chunks = new ArrayList<>(chunks);
        int last = chunks.size() - 1;
        if (last >= 0 && !chunks.get(last).full()) {
            draft.chunks.set(last, chunks.get(last).copy());
        }
        draft.reversedFen = new HashMap<>(reversedFen);
        draft.reversalVoucherNos = new HashSet<>(reversalVoucherNos);
        draft.byNumber = new HashMap<>(byNumber());
        return draft;
    }

    /** The voucher's event, or empty when the identical voucher is already recorded (a resubmission). */
    Optional<ExpenditureRecorded> decide(RecordExpenditure command, String batchId, LedgerYear year, LineBook lines) {
        String postCloseReason = year.postCloseReason(command.postCloseReason());
        // one voucher's refusals name the voucher's own fields (amount, …), as every client names them
        ValidEntry entry = validEntry(null, command.entry(), year, lines);
        if (isNumberUsed(entry.number())) {
            usedNumberOnlyForTheIdenticalVoucher("voucherNo", entry.number(), byNumber().get(entry.number()),
                    entry.fingerprint());
            return Optional.empty();
        }
        VoucherNo correctionOf = command.correctionOf();
        if (correctionOf != null) {
            VoucherState original = knownExpenditure("correctionOf", correctionOf);
            correctionOnlyOfAReversedVoucher(correctionOf, reversedFen(original));
        }
        spendingWithinAvailableBudget("amount", entry.lineId(), entry.line(), 0, entry.fen());
        return Optional.of(entry.toEvent(command.fiscalYearId(), batchId, correctionOf, postCloseReason));
    }

    /** Records one voucher, or reports that the identical voucher is already recorded (then nothing is applied). */
    Decision<ExpenditureOutcome> decide(RecordExpenditure command, LedgerYear year, LineBook lines) {
        Optional<ExpenditureRecorded> recorded = decide(command, null, year, lines);
        String number = command.entry().voucherNo().value();
        return recorded.map(event -> new Decision<>(List.of(event), ExpenditureOutcome.recorded(number)))
                .orElseGet(() -> new Decision<>(List.of(), ExpenditureOutcome.alreadyRecorded(number)));
    }

    /**
     * Records a batch all or nothing: every entry is validated (lines, amounts, dates, cumulative availability,
     * numbers unique in the batch and in the year) before any event is applied. Entries already recorded with
     * the identical payload are skipped and reported.
     */
    Decision<BatchOutcome> decide(RecordExpenditureBatch command, LedgerYear year, LineBook lines) {
        String postCloseReason = year.postCloseReason(command.postCloseReason());
        String batchId = Ids.requireText("batchId", command.batchId(), BATCH_ID_MAX);
        List<ExpenditureEntry> entries = command.entries();
        if (entries == null || entries.isEmpty()) {
            throw new DomainException("entries", "批次至少需要一条凭证");
        }
        Map<String, Integer> indexByNumber = new HashMap<>();
        Map<String, Long> pendingFenByLine = new HashMap<>();
        List<BudgetEvent> toRecord = new ArrayList<>();
        List<String> alreadyRecorded = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String field = "entries[" + i + "]";
            ValidEntry entry = validEntry(field, entries.get(i), year, lines);
            numberOncePerBatch(field + ".voucherNo", entry.number(), indexByNumber.putIfAbsent(entry.number(), i));
            if (isNumberUsed(entry.number())) {
                usedNumberOnlyForTheIdenticalVoucher(field + ".voucherNo", entry.number(),
                        byNumber().get(entry.number()), entry.fingerprint());
                alreadyRecorded.add(entry.number());
                continue;
            }
            long pendingFen = pendingFenByLine.getOrDefault(entry.lineId().value(), 0L);
            spendingWithinAvailableBudget(field + ".amount", entry.lineId(), entry.line(), pendingFen, entry.fen());
            pendingFenByLine.put(entry.lineId().value(), pendingFen + entry.fen());
            toRecord.add(entry.toEvent(command.fiscalYearId(), batchId, null, postCloseReason));
        }
        return new Decision<>(toRecord, new BatchOutcome(toRecord.size(), alreadyRecorded.size(), alreadyRecorded));
    }

    ExpenditureReversed decide(ReverseExpenditure command, LedgerYear year) {
        String postCloseReason = year.postCloseReason(command.postCloseReason());
        VoucherNo voucherNo = require("voucherNo", command.voucherNo(), "凭证号不能为空");
        reversalTakesANewNumber(voucherNo, isNumberUsed(voucherNo.value()));
        VoucherNo originalNo = require("originalVoucherNo", command.originalVoucherNo(), "原凭证号不能为空");
        VoucherState original = knownExpenditure("originalVoucherNo", originalNo);
        long fen = positiveFen("amount", command.amount());
        reversalWithinTheUnreversed(originalNo, original, reversedFen(original), fen);
        String reason = Ids.requireText("reason", command.reason(), REASON_MAX);
        LocalDate date = command.effectiveDate();
        year.fiscalYear().requireContains("effectiveDate", date);
        reversalNotBeforeTheOriginal(originalNo, original, date);
        return new ExpenditureReversed(command.fiscalYearId(), voucherNo, originalNo,
                new BudgetLineId(original.lineId()), command.amount(), reason, date, postCloseReason);
    }

    /** A validated, normalized voucher entry, the fingerprint of its payload and the state of its line. */
    private record ValidEntry(VoucherNo voucherNo, BudgetLineId lineId, Money amount, LocalDate effectiveDate,
            String payee, String summary, long fingerprint, LineState line) {

        String number() {
            return voucherNo.value();
        }

        long fen() {
            return amount.fen();
        }

        ExpenditureRecorded toEvent(FiscalYearId fiscalYearId, String batchId, VoucherNo correctionOf,
                String postCloseReason) {
            return new ExpenditureRecorded(fiscalYearId, voucherNo, lineId, amount, effectiveDate, payee, summary,
                    batchId, correctionOf, postCloseReason);
        }
    }

    /** @param at the entry's position in a batch ({@code entries[3]}), or null for a single voucher */
    private static ValidEntry validEntry(String at, ExpenditureEntry entry, LedgerYear year, LineBook lines) {
        String prefix = at == null ? "" : at + ".";
        require(at == null ? "entry" : at, entry, "凭证不能为空");
        VoucherNo voucherNo = require(prefix + "voucherNo", entry.voucherNo(), "凭证号不能为空");
        LineState line = lines.known(prefix + "lineId", entry.lineId());
        long fen = positiveFen(prefix + "amount", entry.amount());
        year.fiscalYear().requireContains(prefix + "effectiveDate", entry.effectiveDate());
        notBeforeTheLineOpens(prefix + "effectiveDate", entry.lineId(), line, entry.effectiveDate());
        String payee = optionalText(prefix + "payee", entry.payee(), PAYEE_MAX);
        String summary = optionalText(prefix + "summary", entry.summary(), SUMMARY_MAX);
        long fingerprint = VoucherState.fingerprint(entry.lineId().value(), fen, entry.effectiveDate(), payee, summary);
        return new ValidEntry(voucherNo, entry.lineId(), entry.amount(), entry.effectiveDate(), payee, summary,
                fingerprint, line);
    }

    private boolean isNumberUsed(String number) {
        return byNumber().containsKey(number) || reversalVoucherNos.contains(number);
    }

    private long reversedFen(VoucherState voucher) {
        return reversedFen.getOrDefault(voucher.voucherNo(), 0L);
    }

    /** The index by number, built from the chunks when this book was read from a snapshot. */
    private Map<String, VoucherState> byNumber() {
        if (byNumber == null) {
            Map<String, VoucherState> index = new HashMap<>(chunks.size() * VoucherChunk.SIZE * 4 / 3 + 16);
            for (VoucherChunk chunk : chunks) {
                for (VoucherState voucher : chunk.vouchers()) {
                    index.put(voucher.voucherNo(), voucher);
                }
            }
            byNumber = index;
        }
        return byNumber;
    }

    private VoucherState knownExpenditure(String field, VoucherNo voucherNo) {
        VoucherState voucher = byNumber().get(voucherNo.value());
        if (voucher == null) {
            if (reversalVoucherNos.contains(voucherNo.value())) {
                throw new DomainException(field, "凭证 " + voucherNo + " 是冲销凭证，不是支出凭证");
            }
            throw new DomainException(field, "支出凭证不存在: " + voucherNo);
        }
        return voucher;
    }

    // ---- event sourcing (called by the ledger's handlers): assignment only ----

    void on(ExpenditureRecorded event) {
        long fen = event.amount().fen();
        String number = event.voucherNo().value();
        VoucherState voucher = new VoucherState(number, event.lineId().value(), fen, event.effectiveDate(),
                VoucherState.fingerprint(event.lineId().value(), fen, event.effectiveDate(), event.payee(),
                        event.summary()));
        Map<String, VoucherState> index = byNumber();
        if (chunks.isEmpty() || chunks.get(chunks.size() - 1).full()) {
            chunks.add(new VoucherChunk());
        }
        chunks.get(chunks.size() - 1).add(voucher);
        index.put(number, voucher);
    }

    void on(ExpenditureReversed event) {
        reversalVoucherNos.add(event.voucherNo().value());
        reversedFen.merge(event.originalVoucherNo().value(), event.amount().fen(), Long::sum);
    }
}
