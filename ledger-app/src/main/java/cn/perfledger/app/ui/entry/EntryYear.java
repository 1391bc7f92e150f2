package cn.perfledger.app.ui.entry;

import cn.perfledger.app.ui.Amount;
import cn.perfledger.app.ui.YearPages.YearHeader;
import cn.perfledger.app.ui.entry.EntryForm.Option;
import cn.perfledger.domain.budget.BudgetEvent.ExpenditureRecorded;
import cn.perfledger.domain.budget.BudgetEvent.UnitRef;
import cn.perfledger.domain.budget.BudgetLineSpec;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.projections.ledger.LedgerFold;
import cn.perfledger.projections.ledger.LineFigures;
import cn.perfledger.projections.ledger.ProcurementFigures;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the forms of one department-year offer as it now stands (everything recorded so far): its units, budget
 * lines with their figures, procurement items and contracts, recent voucher numbers, whether it is closed, its dates.
 * Only choices and defaults come from here; whether a command is allowed is the ledger's answer.
 */
public record EntryYear(FiscalYearId id, YearHeader header, List<UnitRef> units, List<LineFigures> lines,
        List<ProcurementFigures> procurements, List<String> recentVoucherNos, boolean closed, LocalDate today) {

    /** How many recent voucher numbers the 原凭证号 field suggests. */
    static final int VOUCHER_SUGGESTIONS = 200;

    static EntryYear of(FiscalYearId id, YearHeader header, LedgerFold ledger, List<ExpenditureRecorded> vouchers,
            LocalDate today) {
        List<UnitRef> units = ledger.opened() == null ? List.of() : ledger.opened().units();
        List<String> recent = new ArrayList<>();
        for (int i = vouchers.size() - 1; i >= 0 && recent.size() < VOUCHER_SUGGESTIONS; i--) {
            recent.add(vouchers.get(i).voucherNo().toString());
        }
        return new EntryYear(id, header, units, List.copyOf(ledger.lines()), List.copyOf(ledger.procurements()),
                recent, ledger.closed() != null, today);
    }

    public LocalDate firstDay() {
        return id.year().firstDay();
    }

    public LocalDate lastDay() {
        return id.year().lastDay();
    }

    /** Today when it is in the year, else the year's nearest end: the usual date of a new record. */
    public String defaultDate() {
        LocalDate day = today.isBefore(firstDay()) ? firstDay() : today.isAfter(lastDay()) ? lastDay() : today;
        return day.toString();
    }

    public List<Option> unitOptions() {
        return units.stream().map(u -> new Option(u.code().toString(), u.name() + "（" + u.code() + "）")).toList();
    }

    /** Each line with its names and what is left of it, so the clerk picks it by what it is. */
    public List<Option> lineOptions() {
        return lines.stream().map(l -> new Option(l.lineId().toString(), lineLabel(l))).toList();
    }

    public String lineLabel(LineFigures line) {
        BudgetLineSpec spec = line.spec();
        String unit = units.stream().filter(u -> u.code().equals(spec.unit())).map(UnitRef::name).findFirst()
                .orElse(spec.unit().toString());
        String project = spec.projectName() == null ? null : spec.projectName();
        String names = String.join(" · ", Stream.of(line.lineId().toString(), unit, spec.fundingSource().chineseName(),
                spec.kind().chineseName(), project, spec.functionalCode() + "/" + spec.economicCode())
                .filter(s -> s != null && !s.isBlank()).toList());
        return names + "（全年预算 " + Amount.of(line.fullYear()).yuan() + " 元，可用 " + Amount.of(line.available()).yuan()
                + " 元）";
    }

    /** The line by its id, unit, kind and project, without its figures (a label beside a field of the line). */
    public String shortLineLabel(LineFigures line) {
        BudgetLineSpec spec = line.spec();
        String unit = units.stream().filter(u -> u.code().equals(spec.unit())).map(UnitRef::name).findFirst()
                .orElse(spec.unit().toString());
        return String.join(" · ", Stream.of(line.lineId().toString(), unit, spec.kind().chineseName(),
                spec.projectName()).filter(s -> s != null && !s.isBlank()).toList());
    }

    public List<Option> procurementOptions() {
        return procurements.stream().map(p -> new Option(p.plan().procurementId().toString(),
                p.plan().procurementId() + " · " + p.plan().name() + "（" + p.plan().category().chineseName()
                        + "，预算 " + Amount.of(p.plan().planAmount()).yuan() + " 元）")).toList();
    }

    /** Signed contracts not yet filed, as suggestions of the 合同编号 of a filing. */
    public List<Option> unfiledContracts() {
        List<Option> options = new ArrayList<>();
        for (ProcurementFigures p : procurements) {
            p.contracts().stream()
                    .filter(c -> p.filings().stream().noneMatch(f -> f.contractNo().equals(c.contractNo())))
                    .forEach(c -> options.add(new Option(c.contractNo(), p.plan().procurementId() + " · " + p.plan().name())));
        }
        return options;
    }

    public List<Option> voucherSuggestions() {
        return recentVoucherNos.stream().map(v -> new Option(v, v)).toList();
    }
}
