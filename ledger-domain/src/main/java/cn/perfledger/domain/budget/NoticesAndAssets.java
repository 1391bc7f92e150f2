package cn.perfledger.domain.budget;

import static cn.perfledger.domain.budget.Inputs.DOCUMENT_NO_MAX;
import static cn.perfledger.domain.budget.Inputs.nonNegativeFen;
import static cn.perfledger.domain.budget.Inputs.require;

import cn.perfledger.domain.budget.BudgetCommand.RecordExecutionNotice;
import cn.perfledger.domain.budget.BudgetCommand.RecordFixedAssets;
import cn.perfledger.domain.budget.BudgetCommand.RecordStaffing;
import cn.perfledger.domain.budget.BudgetEvent.ExecutionNoticeRecorded;
import cn.perfledger.domain.budget.BudgetEvent.FixedAssetsRecorded;
import cn.perfledger.domain.budget.BudgetEvent.StaffingRecorded;
import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.Ids;
import java.math.BigDecimal;

/**
 * Facts the ledger records as published and no rule of its own depends on: the finance bureau's execution notices
 * (财政局通报: 序时进度 and the published execution rate), the fixed-asset figures and the staffing counts (编制数, 实有人数). They keep no state.
 *
 * <p>Policies, by name: {@link #progressIsAFractionUpToOne}, {@link #rateNotNegative}. An in-use value above the
 * original value is accepted on purpose: published figures contain that mistake and the reconciler reports it.
 */
final class NoticesAndAssets {

    /** Far above any department's 编制 (a typo guard, not a rule of its own). */
    static final int MAX_STAFF = 1_000_000;

    private NoticesAndAssets() {
    }

    static ExecutionNoticeRecorded decide(RecordExecutionNotice command, LedgerYear year) {
        year.refuseAfterClose();
        String documentNo = Ids.requireText("documentNo", command.documentNo(), DOCUMENT_NO_MAX);
        BigDecimal required = require("requiredProgress", command.requiredProgress(), "序时进度不能为空");
        progressIsAFractionUpToOne(required);
        BigDecimal published = require("publishedRate", command.publishedRate(), "通报执行率不能为空");
        rateNotNegative(published);
        year.fiscalYear().requireContains("noticeDate", command.noticeDate());
        return new ExecutionNoticeRecorded(command.fiscalYearId(), documentNo, required, published,
                command.noticeDate());
    }

    static FixedAssetsRecorded decide(RecordFixedAssets command, LedgerYear year) {
        year.refuseAfterClose();
        nonNegativeFen("originalValue", command.originalValue());
        nonNegativeFen("inUseValue", command.inUseValue());
        year.fiscalYear().requireContains("effectiveDate", command.effectiveDate());
        return new FixedAssetsRecorded(command.fiscalYearId(), command.originalValue(), command.inUseValue(),
                command.effectiveDate());
    }

    /** 编制数 at least 1 and 实有人数 not negative, both whole people and at most {@link #MAX_STAFF}. */
    static StaffingRecorded decide(RecordStaffing command, LedgerYear year) {
        year.refuseAfterClose();
        Integer authorized = require("authorizedPositions", command.authorizedPositions(), "编制数不能为空");
        Integer actual = require("actualHeadcount", command.actualHeadcount(), "实有人数不能为空");
        if (authorized < 1 || authorized > MAX_STAFF) {
            throw new DomainException("authorizedPositions", "编制数须在 1 至 " + MAX_STAFF + " 之间: " + authorized);
        }
        if (actual < 0 || actual > MAX_STAFF) {
            throw new DomainException("actualHeadcount", "实有人数须在 0 至 " + MAX_STAFF + " 之间: " + actual);
        }
        String documentNo = Ids.optionalText("documentNo", command.documentNo(), DOCUMENT_NO_MAX);
        year.fiscalYear().requireContains("effectiveDate", command.effectiveDate());
        return new StaffingRecorded(command.fiscalYearId(), authorized, actual, documentNo, command.effectiveDate());
    }

    /** 序时进度: a fraction above 0 and at most 1 (0.75 = 75%). */
    private static void progressIsAFractionUpToOne(BigDecimal required) {
        if (required.signum() <= 0 || required.compareTo(BigDecimal.ONE) > 0) {
            throw new DomainException("requiredProgress", "序时进度须为大于 0、不超过 1 的小数（0.75 表示 75%）: " + required.toPlainString());
        }
    }

    /** 通报执行率: a fraction, not negative (0.75 = 75%). */
    private static void rateNotNegative(BigDecimal published) {
        if (published.signum() < 0) {
            throw new DomainException("publishedRate", "通报执行率不能为负（0.75 表示 75%）: " + published.toPlainString());
        }
    }
}
