package cn.perfledger.domain.budget;

import static cn.perfledger.domain.budget.Inputs.ADJUSTMENT_ID_MAX;
import static cn.perfledger.domain.budget.Inputs.DOCUMENT_NO_MAX;
import static cn.perfledger.domain.budget.Inputs.REASON_MAX;
import static cn.perfledger.domain.budget.Inputs.optionalText;
import static cn.perfledger.domain.budget.Inputs.positiveFen;
import static cn.perfledger.domain.budget.Inputs.require;
import static cn.perfledger.domain.budget.LinePolicies.carryInOnlyOnLinesOfTheFirstDay;
import static cn.perfledger.domain.budget.LinePolicies.decreaseNotBelowSpent;
import static cn.perfledger.domain.budget.LinePolicies.defaultCarryOverKind;
import static cn.perfledger.domain.budget.LinePolicies.initialBudgetApprovedOnce;
import static cn.perfledger.domain.budget.LinePolicies.notBeforeTheLineOpens;
import static cn.perfledger.domain.budget.LinePolicies.otherFundsOnlyOnOtherSourceLines;
import static cn.perfledger.domain.budget.LinePolicies.totalWithinMoneyRange;
import static cn.perfledger.domain.budget.LinePolicies.transferNetsToZero;
import static cn.perfledger.domain.budget.LinePolicies.withdrawalWithinUnspent;

import cn.perfledger.domain.budget.BudgetCommand.ApproveInitialBudget;
import cn.perfledger.domain.budget.BudgetCommand.DecreaseBudget;
import cn.perfledger.domain.budget.BudgetCommand.IncreaseBudget;
import cn.perfledger.domain.budget.BudgetCommand.OpenBudgetLine;
import cn.perfledger.domain.budget.BudgetCommand.ReceiveOtherFunds;
import cn.perfledger.domain.budget.BudgetCommand.RecordCarryIn;
import cn.perfledger.domain.budget.BudgetCommand.TransferBudget;
import cn.perfledger.domain.budget.BudgetCommand.WithdrawAppropriation;
import cn.perfledger.domain.budget.BudgetEvent.AppropriationWithdrawn;
import cn.perfledger.domain.budget.BudgetEvent.BudgetDecreased;
import cn.perfledger.domain.budget.BudgetEvent.BudgetIncreased;
import cn.perfledger.domain.budget.BudgetEvent.BudgetLineOpened;
import cn.perfledger.domain.budget.BudgetEvent.BudgetTransferred;
import cn.perfledger.domain.budget.BudgetEvent.CarryInRecorded;
import cn.perfledger.domain.budget.BudgetEvent.ExpenditureRecorded;
import cn.perfledger.domain.budget.BudgetEvent.ExpenditureReversed;
import cn.perfledger.domain.budget.BudgetEvent.InitialBudgetApproved;
import cn.perfledger.domain.budget.BudgetEvent.LineCarryOut;
import cn.perfledger.domain.budget.BudgetEvent.LineShare;
import cn.perfledger.domain.budget.BudgetEvent.OtherFundsReceived;
import cn.perfledger.domain.common.BudgetLineId;
import cn.perfledger.domain.common.ConflictException;
import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.Ids;
import cn.perfledger.domain.common.Money;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The line book: the year's budget lines and the money on each. Decides opening a line (unit × funding source ×
 * 基本/项目 × codes, no two alike), the initial budget, increases, decreases, transfers (调剂), carry-in and
 * withdrawals, by the rules in {@link LinePolicies}; keeps per line only its available and spent amounts (in fen),
 * its kind and opening date, and per adjustment its identity ({@link AdjustmentIdentity}), so that the same
 * adjustment entered again is a reported no-op. Spending itself is decided by the {@link VoucherBook}, against these
 * totals.
 */
final class LineBook {

    /** By line id, in opening order: the close lists carry-outs in that order. */
    private LinkedHashMap<String, LineState> lines = new LinkedHashMap<>();
    /** Canonical spec → line id, so that a duplicate spec is found without scanning the lines. */
    private Map<String, String> lineIdBySpec = new HashMap<>();
    /** The adjustments recorded, by identity → fingerprint ({@link AdjustmentIdentity}): a repeat is recognised. */
    private Map<String, Long> adjustments = new HashMap<>();

    /** For Axon (event sourcing) and Jackson (snapshots). */
    public LineBook() {
    }

    /** An independent copy, for deciding import rows without touching the ledger's own state. */
    LineBook copy() {
        LineBook copy = new LineBook();
        lines.forEach((id, line) -> copy.lines.put(id, line.copy()));
        copy.lineIdBySpec = new HashMap<>(lineIdBySpec);
        copy.adjustments = new HashMap<>(adjustments);
        return copy;
    }

    BudgetLineOpened decide(OpenBudgetLine command, LedgerYear year) {
        year.refuseAfterClose();
        BudgetLineId lineId = require("lineId", command.lineId(), "预算行编号不能为空");
        if (lines.containsKey(lineId.value())) {
            throw new ConflictException("lineId", "预算行编号已存在: " + lineId);
        }
        BudgetLineSpec spec = require("spec", command.spec(), "预算行要素不能为空");
        if (!year.hasUnit(spec.unit().value())) {
            throw new DomainException("unit",
                    "单位不属于本部门年度: " + spec.unit() + "（本年度的单位: " + year.unitList() + "）");
        }
        String twin = lineIdBySpec.get(specKey(spec));
        if (twin != null) {
            throw new ConflictException("spec", "与预算行 " + twin + " 的要素（单位、资金来源、支出类型、项目、功能分类、经济分类）完全相同");
        }
        year.fiscalYear().requireContains("effectiveDate", command.effectiveDate());
        return new BudgetLineOpened(command.fiscalYearId(), lineId, spec, command.effectiveDate());
    }

    InitialBudgetApproved decide(ApproveInitialBudget command, LedgerYear year) {
        year.refuseAfterClose();
        LineState line = known("lineId", command.lineId());
        long fen = positiveFen("amount", command.amount());
        initialBudgetApprovedOnce(command.lineId(), line);
        String documentNo = Ids.requireText("documentNo", command.documentNo(), DOCUMENT_NO_MAX);
        year.fiscalYear().requireContains("effectiveDate", command.effectiveDate());
        notBeforeTheLineOpens("effectiveDate", command.lineId(), line, command.effectiveDate());
        totalWithinMoneyRange("amount", line.availableFen(), fen);
        return new InitialBudgetApproved(command.fiscalYearId(), command.lineId(), command.amount(), documentNo,
                command.effectiveDate());
    }

    Decision<AdjustmentOutcome> decide(IncreaseBudget command, LedgerYear year) {
        String postCloseReason = year.postCloseReason(command.postCloseReason());
        LineState line = known("lineId", command.lineId());
        long fen = positiveFen("amount", command.amount());
        String documentNo = Ids.requireText("documentNo", command.documentNo(), DOCUMENT_NO_MAX);
        String reason = Ids.requireText("reason", command.reason(), REASON_MAX);
        year.fiscalYear().requireContains("effectiveDate", command.effectiveDate());
        notBeforeTheLineOpens("effectiveDate", command.lineId(), line, command.effectiveDate());
        String adjustmentId = adjustmentId(command.adjustmentId());
        AdjustmentIdentity identity = AdjustmentIdentity.increase(adjustmentId, documentNo, command.lineId(), fen,
                command.effectiveDate(), reason);
        if (identity.recordedOnce(adjustments.get(identity.key()))) {
            return Decision.none(new AdjustmentOutcome(false, identity.description()));
        }
        totalWithinMoneyRange("amount", line.availableFen(), fen);
        return Decision.of(new BudgetIncreased(command.fiscalYearId(), command.lineId(), command.amount(), documentNo,
                reason, command.effectiveDate(), postCloseReason, adjustmentId),
                new AdjustmentOutcome(true, identity.description()));
    }

    /** A repeat is recognised before the balance rule, which the spending since may make fail. */
    Decision<AdjustmentOutcome> decide(DecreaseBudget command, LedgerYear year) {
        String postCloseReason = year.postCloseReason(command.postCloseReason());
        LineState line = known("lineId", command.lineId());
        long fen = positiveFen("amount", command.amount());
        String documentNo = Ids.requireText("documentNo", command.documentNo(), DOCUMENT_NO_MAX);
        String reason = Ids.requireText("reason", command.reason(), REASON_MAX);
        year.fiscalYear().requireContains("effectiveDate", command.effectiveDate());
        notBeforeTheLineOpens("effectiveDate", command.lineId(), line, command.effectiveDate());
        String adjustmentId = adjustmentId(command.adjustmentId());
        AdjustmentIdentity identity = AdjustmentIdentity.decrease(adjustmentId, documentNo, command.lineId(), fen,
                command.effectiveDate(), reason);
        if (identity.recordedOnce(adjustments.get(identity.key()))) {
            return Decision.none(new AdjustmentOutcome(false, identity.description()));
        }
        decreaseNotBelowSpent("amount", command.lineId(), line, fen, "调减");
        return Decision.of(new BudgetDecreased(command.fiscalYearId(), command.lineId(), command.amount(), documentNo,
                reason, command.effectiveDate(), postCloseReason, adjustmentId),
                new AdjustmentOutcome(true, identity.description()));
    }

    /**
     * Each share names a line once and moves a nonzero amount; outgoing shares obey the decrease rule. A repeat is
     * recognised before the balance rules.
     */
    Decision<AdjustmentOutcome> decide(TransferBudget command, LedgerYear year) {
        String postCloseReason = year.postCloseReason(command.postCloseReason());
        List<LineShare> shares = command.shares();
        if (shares == null || shares.size() < 2) {
            throw new DomainException("shares", "调剂至少涉及两个预算行");
        }
        Set<String> seen = new HashSet<>();
        long netFen = 0;
        for (int i = 0; i < shares.size(); i++) {
            String field = "shares[" + i + "]";
            LineShare share = require(field, shares.get(i), "调剂行不能为空");
            known(field + ".lineId", share.lineId());
            if (!seen.add(share.lineId().value())) {
                throw new DomainException(field + ".lineId", "同一预算行在一次调剂中只能出现一次: " + share.lineId());
            }
            Money amount = require(field + ".amount", share.amount(), "金额不能为空");
            if (amount.fen() == 0) {
                throw new DomainException(field + ".amount", "调剂金额不能为 0");
            }
            netFen += amount.fen();
        }
        transferNetsToZero(netFen);
        String documentNo = Ids.requireText("documentNo", command.documentNo(), DOCUMENT_NO_MAX);
        String reason = Ids.requireText("reason", command.reason(), REASON_MAX);
        year.fiscalYear().requireContains("effectiveDate", command.effectiveDate());
        for (LineShare share : shares) {
            notBeforeTheLineOpens("effectiveDate", share.lineId(), line(share.lineId()), command.effectiveDate());
        }
        String adjustmentId = adjustmentId(command.adjustmentId());
        AdjustmentIdentity identity = AdjustmentIdentity.transfer(adjustmentId, documentNo, shares,
                command.effectiveDate(), reason);
        if (identity.recordedOnce(adjustments.get(identity.key()))) {
            return Decision.none(new AdjustmentOutcome(false, identity.description()));
        }
        for (int i = 0; i < shares.size(); i++) {
            String field = "shares[" + i + "].amount";
            LineShare share = shares.get(i);
            long fen = share.amount().fen();
            if (fen < 0) {
                decreaseNotBelowSpent(field, share.lineId(), line(share.lineId()), -fen, "调出");
            } else {
                totalWithinMoneyRange(field, line(share.lineId()).availableFen(), fen);
            }
        }
        return Decision.of(new BudgetTransferred(command.fiscalYearId(), List.copyOf(shares), documentNo, reason,
                command.effectiveDate(), postCloseReason, adjustmentId),
                new AdjustmentOutcome(true, identity.description()));
    }

    CarryInRecorded decide(RecordCarryIn command, LedgerYear year) {
        year.refuseAfterClose();
        LineState line = known("lineId", command.lineId());
        long fen = positiveFen("amount", command.amount());
        CarryOverKind kind = require("kind", command.kind(), "结转结余类型不能为空，可选: CARRY_FORWARD（结转）, SURPLUS（结余）");
        totalWithinMoneyRange("amount", line.availableFen(), fen);
        carryInOnlyOnLinesOfTheFirstDay(command.lineId(), line, year.fiscalYear());
        // Carry-in is last year's money: it is available from the first day of this one.
        return new CarryInRecorded(command.fiscalYearId(), command.lineId(), command.amount(), kind,
                year.fiscalYear().firstDay());
    }

    OtherFundsReceived decide(ReceiveOtherFunds command, LedgerYear year) {
        year.refuseAfterClose();
        LineState line = known("lineId", command.lineId());
        otherFundsOnlyOnOtherSourceLines(command.lineId(), fundingSourceOf(command.lineId().value()));
        long fen = positiveFen("amount", command.amount());
        totalWithinMoneyRange("amount", line.availableFen(), fen);
        String documentNo = optionalText("documentNo", command.documentNo(), DOCUMENT_NO_MAX);
        String reason = Ids.requireText("reason", command.reason(), REASON_MAX);
        year.fiscalYear().requireContains("effectiveDate", command.effectiveDate());
        notBeforeTheLineOpens("effectiveDate", command.lineId(), line, command.effectiveDate());
        return new OtherFundsReceived(command.fiscalYearId(), command.lineId(), command.amount(), documentNo, reason,
                command.effectiveDate());
    }

    /** A line's funding source, read back from its spec key (the state keeps no spec per line). */
    private FundingSource fundingSourceOf(String lineId) {
        for (Map.Entry<String, String> entry : lineIdBySpec.entrySet()) {
            if (entry.getValue().equals(lineId)) {
                return FundingSource.valueOf(entry.getKey().split("\u001f", -1)[1]);
            }
        }
        throw new IllegalStateException("预算行 " + lineId + " 没有登记要素");
    }

    AppropriationWithdrawn decide(WithdrawAppropriation command, LedgerYear year) {
        String postCloseReason = year.postCloseReason(command.postCloseReason());
        LineState line = known("lineId", command.lineId());
        long fen = positiveFen("amount", command.amount());
        withdrawalWithinUnspent(command.lineId(), line, fen);
        String documentNo = optionalText("documentNo", command.documentNo(), DOCUMENT_NO_MAX);
        String reason = Ids.requireText("reason", command.reason(), REASON_MAX);
        year.fiscalYear().requireContains("effectiveDate", command.effectiveDate());
        notBeforeTheLineOpens("effectiveDate", command.lineId(), line, command.effectiveDate());
        return new AppropriationWithdrawn(command.fiscalYearId(), command.lineId(), command.amount(), documentNo,
                reason, command.effectiveDate(), postCloseReason);
    }

    /** The carry-out of every line with an unspent remainder, in opening order; overrides must name known lines. */
    List<LineCarryOut> carryOuts(Map<BudgetLineId, CarryOverKind> kindOverrides) {
        Map<String, CarryOverKind> overrides = new HashMap<>();
        if (kindOverrides != null) {
            for (Map.Entry<BudgetLineId, CarryOverKind> override : kindOverrides.entrySet()) {
                BudgetLineId lineId = require("kindOverrides", override.getKey(), "预算行编号不能为空");
                String field = "kindOverrides[" + lineId + "]";
                known(field, lineId);
                overrides.put(lineId.value(), require(field, override.getValue(), "结转结余类型不能为空"));
            }
        }
        List<LineCarryOut> carryOuts = new ArrayList<>();
        lines.forEach((lineId, line) -> {
            if (line.unspentFen() != 0) {
                CarryOverKind kind = overrides.getOrDefault(lineId, defaultCarryOverKind(line.kind()));
                carryOuts.add(new LineCarryOut(new BudgetLineId(lineId), Money.ofFen(line.unspentFen()), kind));
            }
        });
        return List.copyOf(carryOuts);
    }

    /** The line {@code lineId} names; refused when it is missing or unknown. */
    LineState known(String field, BudgetLineId lineId) {
        require(field, lineId, "预算行编号不能为空");
        LineState line = lines.get(lineId.value());
        if (line == null) {
            throw new DomainException(field, "预算行不存在: " + lineId);
        }
        return line;
    }

    /** The explicit 调整编号, or null when the adjustment is identified by its 文号 and line(s). */
    private static String adjustmentId(String adjustmentId) {
        return optionalText("adjustmentId", adjustmentId, ADJUSTMENT_ID_MAX);
    }

    private LineState line(BudgetLineId lineId) {
        return lines.get(lineId.value());
    }

    private static String specKey(BudgetLineSpec spec) {
        // Unit separators keep the parts apart; null project fields (基本支出) become empty parts.
        return String.join("\u001f", spec.unit().value(), spec.fundingSource().name(), spec.kind().name(),
                spec.projectCode() == null ? "" : spec.projectCode(),
                spec.projectName() == null ? "" : spec.projectName(),
                spec.functionalCode().code(), spec.economicCode().code());
    }

    // ---- event sourcing (called by the ledger's handlers): assignment only ----

    void on(BudgetLineOpened event) {
        lines.put(event.lineId().value(), new LineState(event.spec().kind(), event.effectiveDate().toEpochDay()));
        lineIdBySpec.put(specKey(event.spec()), event.lineId().value());
    }

    void on(InitialBudgetApproved event) {
        LineState line = line(event.lineId());
        line.markInitialApproved();
        line.addAvailable(event.amount().fen());
    }

    void on(BudgetIncreased event) {
        line(event.lineId()).addAvailable(event.amount().fen());
        remember(AdjustmentIdentity.of(event));
    }

    void on(BudgetDecreased event) {
        line(event.lineId()).addAvailable(-event.amount().fen());
        remember(AdjustmentIdentity.of(event));
    }

    void on(BudgetTransferred event) {
        for (LineShare share : event.shares()) {
            line(share.lineId()).addAvailable(share.amount().fen());
        }
        remember(AdjustmentIdentity.of(event));
    }

    private void remember(AdjustmentIdentity identity) {
        adjustments.put(identity.key(), identity.fingerprint());
    }

    void on(CarryInRecorded event) {
        line(event.lineId()).addAvailable(event.amount().fen());
    }

    void on(OtherFundsReceived event) {
        line(event.lineId()).addAvailable(event.amount().fen());
    }

    void on(AppropriationWithdrawn event) {
        line(event.lineId()).addAvailable(-event.amount().fen());
    }

    void on(ExpenditureRecorded event) {
        line(event.lineId()).addSpent(event.amount().fen());
    }

    void on(ExpenditureReversed event) {
        line(event.lineId()).addSpent(-event.amount().fen());
    }
}
