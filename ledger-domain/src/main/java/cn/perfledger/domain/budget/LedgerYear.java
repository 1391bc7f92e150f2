package cn.perfledger.domain.budget;

import static cn.perfledger.domain.budget.Inputs.NAME_MAX;
import static cn.perfledger.domain.budget.Inputs.REASON_MAX;
import static cn.perfledger.domain.budget.Inputs.require;

import cn.perfledger.domain.budget.BudgetCommand.CloseFiscalYear;
import cn.perfledger.domain.budget.BudgetCommand.OpenFiscalYear;
import cn.perfledger.domain.budget.BudgetEvent.FiscalYearClosed;
import cn.perfledger.domain.budget.BudgetEvent.FiscalYearOpened;
import cn.perfledger.domain.budget.BudgetEvent.UnitRef;
import cn.perfledger.domain.common.ConflictException;
import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.FiscalYear;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.domain.common.Ids;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The year a ledger keeps, and its two ends: opening (the department's units, the rubric) and closing (carry-outs),
 * with the rule of post-close corrections every other part of the ledger obeys.
 *
 * <p>Policies, by name:
 * <ul>
 *   <li>{@link #unitsListedOnce}: a year opens with at least one unit, each code once;</li>
 *   <li>{@link #closedOnce}: a year is closed once;</li>
 *   <li>{@link #refuseAfterClose}: what a closed year refuses outright (lines, budgets, carry-in, procurement,
 *       notices, assets, file imports);</li>
 *   <li>{@link #postCloseReason}: a closed year takes only corrections that state why (adjustments, withdrawals,
 *       vouchers, reversals), and an open year refuses such a reason as a false flag.</li>
 * </ul>
 */
final class LedgerYear {

    static final String POST_CLOSE_RULE = "年度已结账，只接受注明原因的结账后更正";

    private int year;
    private Set<String> unitCodes = new HashSet<>();
    private boolean closed;

    /** For Axon (event sourcing) and Jackson (snapshots). */
    public LedgerYear() {
    }

    static FiscalYearOpened open(OpenFiscalYear command) {
        FiscalYearId id = require("fiscalYearId", command.fiscalYearId(), "部门年度不能为空");
        String departmentName = Ids.requireText("departmentName", command.departmentName(), NAME_MAX);
        List<UnitRef> units = unitsListedOnce(command.units());
        require("rubricVersion", command.rubricVersion(), "评价体系版本不能为空");
        return new FiscalYearOpened(id, id.department(), id.year().year(), departmentName, units,
                command.rubricVersion(), id.year().firstDay());
    }

    /**
     * 其他地区或年度的评价体系: the warning to record when the rubric's place or template year is not the department's
     * place and the year; empty when they match or are not known.
     */
    static java.util.Optional<BudgetEvent.RubricOfOtherPlaceOrYearNoted> rubricOfOtherPlaceOrYear(
            OpenFiscalYear command) {
        BudgetCommand.RubricFit fit = command.rubricFit();
        if (fit == null) {
            return java.util.Optional.empty();
        }
        int year = command.fiscalYearId().year().year();
        List<String> differences = new java.util.ArrayList<>();
        if (fit.rubricJurisdiction() != null && fit.departmentJurisdiction() != null
                && !fit.rubricJurisdiction().strip().equals(fit.departmentJurisdiction().strip())) {
            differences.add("适用地区为" + fit.rubricJurisdiction().strip() + "，本部门属" + fit.departmentJurisdiction().strip());
        }
        if (fit.rubricTemplateYear() != year) {
            differences.add("适用年度为 " + fit.rubricTemplateYear() + " 年，本年度为 " + year + " 年");
        }
        if (differences.isEmpty()) {
            return java.util.Optional.empty();
        }
        String warning = "开立年度时选用的评价体系「" + fit.rubricName() + "」（" + command.rubricVersion() + "）"
                + String.join("，", differences) + "；自评表表头按本部门和本年度填写";
        return java.util.Optional.of(new BudgetEvent.RubricOfOtherPlaceOrYearNoted(command.fiscalYearId(),
                command.rubricVersion(), Ids.requireText("rubricFit", warning, 1000),
                command.fiscalYearId().year().firstDay()));
    }

    /** Every line's unspent remainder becomes its carry-out ({@link LineBook#carryOuts}). */
    FiscalYearClosed close(CloseFiscalYear command, LineBook lines) {
        closedOnce(command.fiscalYearId());
        return new FiscalYearClosed(command.fiscalYearId(), lines.carryOuts(command.kindOverrides()),
                fiscalYear().lastDay());
    }

    FiscalYear fiscalYear() {
        return new FiscalYear(year);
    }

    int year() {
        return year;
    }

    boolean closed() {
        return closed;
    }

    boolean hasUnit(String code) {
        return unitCodes.contains(code);
    }

    /** The year's unit codes in order, for messages. */
    String unitList() {
        return String.join("、", new TreeSet<>(unitCodes));
    }

    // ---- policies ----

    /** 单位不重复: a year opens with at least one unit, each code once. */
    private static List<UnitRef> unitsListedOnce(List<UnitRef> units) {
        if (units == null || units.isEmpty()) {
            throw new DomainException("units", "至少需要一个单位");
        }
        Set<String> codes = new HashSet<>();
        List<UnitRef> valid = new ArrayList<>(units.size());
        for (int i = 0; i < units.size(); i++) {
            String field = "units[" + i + "]";
            UnitRef unit = require(field, units.get(i), "单位不能为空");
            require(field + ".code", unit.code(), "单位编码不能为空");
            if (!codes.add(unit.code().value())) {
                throw new DomainException(field + ".code", "单位编码重复: " + unit.code());
            }
            valid.add(new UnitRef(unit.code(), Ids.requireText(field + ".name", unit.name(), NAME_MAX)));
        }
        return List.copyOf(valid);
    }

    /** 只结账一次. */
    private void closedOnce(FiscalYearId fiscalYearId) {
        if (closed) {
            throw new ConflictException("fiscalYearId", "年度已结账，不能重复结账: " + fiscalYearId);
        }
    }

    /** 结账后不再受理: commands that a closed year refuses outright. */
    void refuseAfterClose() {
        if (closed) {
            throw new DomainException("postCloseReason", POST_CLOSE_RULE);
        }
    }

    /**
     * 结账后更正须注明原因: after close the reason is required (and copied to the event); before close it would be a
     * false flag.
     */
    String postCloseReason(String reason) {
        if (closed) {
            if (reason == null || reason.isBlank()) {
                throw new DomainException("postCloseReason", POST_CLOSE_RULE);
            }
            return Ids.requireText("postCloseReason", reason, REASON_MAX);
        }
        if (reason != null) {
            throw new DomainException("postCloseReason", "年度尚未结账，不能填写结账后更正原因");
        }
        return null;
    }

    // ---- event sourcing (called by the ledger's handlers): assignment only ----

    void on(FiscalYearOpened event) {
        year = event.year();
        for (UnitRef unit : event.units()) {
            unitCodes.add(unit.code().value());
        }
    }

    void on(FiscalYearClosed event) {
        closed = true;
    }
}
