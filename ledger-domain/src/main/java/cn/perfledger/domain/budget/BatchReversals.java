package cn.perfledger.domain.budget;

import cn.perfledger.domain.budget.BudgetCommand.CorrectionEntry;
import cn.perfledger.domain.budget.BudgetCommand.RecordExpenditure;
import cn.perfledger.domain.budget.BudgetCommand.RecordExpenditureBatch;
import cn.perfledger.domain.budget.BudgetCommand.ReversalEntry;
import cn.perfledger.domain.budget.BudgetCommand.ReverseExpenditure;
import cn.perfledger.domain.common.ConflictException;
import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.VoucherNo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The reversals (红字冲销) and corrections of a {@link RecordExpenditureBatch}, all or nothing with its vouchers: the
 * vouchers first, then the reversals (which may reverse a voucher of the same batch), then the corrections (whose
 * original must be reversed by then). Each part is decided by the rules of its single command
 * ({@link ReverseExpenditure}, {@link RecordExpenditure} with {@code correctionOf}) on a {@link LedgerDraft} that
 * has taken the earlier parts' events; the first refusal refuses the batch, naming the part
 * ({@code reversals[2].amount}).
 */
final class BatchReversals {

    private BatchReversals() {
    }

    static Decision<BatchOutcome> decide(RecordExpenditureBatch command, Decision<BatchOutcome> vouchers,
            LedgerYear year, LineBook lines, VoucherBook voucherBook) {
        if (command.reversals().isEmpty() && command.corrections().isEmpty()) {
            return vouchers;
        }
        LedgerDraft draft = LedgerDraft.of(year, lines, voucherBook);
        List<BudgetEvent> events = new ArrayList<>(vouchers.events());
        events.forEach(draft::evolve);
        Set<String> numbers = new HashSet<>();
        command.entries().forEach(e -> numbers.add(e.voucherNo().value()));
        int reversed = 0;
        for (int i = 0; i < command.reversals().size(); i++) {
            ReversalEntry r = command.reversals().get(i);
            String at = "reversals[" + i + "]";
            Inputs.require(at, r, "冲销条目不能为空");
            onceInBatch(at, r.voucherNo(), numbers);
            ReverseExpenditure single = new ReverseExpenditure(command.fiscalYearId(), r.voucherNo(),
                    r.originalVoucherNo(), r.amount(), r.reason(), r.effectiveDate(), command.postCloseReason());
            reversed += decided(at, () -> draft.decide(single, command.batchId()).events(), draft, events);
        }
        int recorded = vouchers.outcome().recorded();
        List<String> alreadyRecorded = new ArrayList<>(vouchers.outcome().alreadyRecordedVoucherNos());
        for (int i = 0; i < command.corrections().size(); i++) {
            CorrectionEntry c = command.corrections().get(i);
            String at = "corrections[" + i + "]";
            Inputs.require(at, c, "更正条目不能为空");
            Inputs.require(at + ".correctionOf", c.correctionOf(), "更正凭证须填写所更正的原凭证号");
            Inputs.require(at + ".entry", c.entry(), "更正凭证不能为空");
            onceInBatch(at + ".entry", c.entry().voucherNo(), numbers);
            RecordExpenditure single = new RecordExpenditure(command.fiscalYearId(), c.entry(), c.correctionOf(),
                    command.postCloseReason());
            int added = decided(at + ".entry", () -> draft.decide(single, command.batchId()).events(), draft, events);
            recorded += added;
            if (added == 0) {
                alreadyRecorded.add(c.entry().voucherNo().value());
            }
        }
        return new Decision<>(events, new BatchOutcome(recorded, alreadyRecorded.size(), alreadyRecorded, reversed));
    }

    /** 凭证号在一个批次中只出现一次, across its vouchers, reversals and corrections. */
    private static void onceInBatch(String at, VoucherNo number, Set<String> numbers) {
        if (number != null && !numbers.add(number.value())) {
            throw new DomainException(at + ".voucherNo", "凭证号在本批次中重复: " + number);
        }
    }

    /** The part's events, taken into the draft; a refusal names the part. */
    private static int decided(String at, Supplier<List<BudgetEvent>> decision, LedgerDraft draft,
            List<BudgetEvent> events) {
        List<BudgetEvent> decided;
        try {
            decided = decision.get();
        } catch (ConflictException e) {
            throw new ConflictException(at + "." + e.field(), e.rule());
        } catch (DomainException e) {
            throw new DomainException(at + "." + e.field(), e.rule());
        }
        decided.forEach(draft::evolve);
        events.addAll(decided);
        return decided.size();
    }
}
