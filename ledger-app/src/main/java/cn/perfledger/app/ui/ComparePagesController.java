package cn.perfledger.app.ui;

import cn.perfledger.app.command.NotFoundException;
import cn.perfledger.app.query.YearQueries;
import cn.perfledger.app.readmodel.DirectoryQueries;
import cn.perfledger.app.readmodel.DirectoryQueries.DepartmentView;
import cn.perfledger.app.readmodel.DirectoryQueries.FiscalYearView;
import cn.perfledger.app.security.CurrentUser;
import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.projections.evaluation.IndicatorReport;
import cn.perfledger.projections.ledger.ExecutionReport;
import cn.perfledger.projections.ledger.Rates;
import cn.perfledger.projections.scoring.ScoredItem;
import cn.perfledger.projections.scoring.ScoredTable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 对比: a department-year beside the department's previous year with a ledger (execution, scores, indicators,
 * Δ), and the departments of one jurisdiction side by side for a year (score, grade, execution rate, flags) —
 * the finance bureau's view. Both at each year's 12-31, as known now.
 */
@Controller
public class ComparePagesController {

    /** One compared figure: previous, this year, the change. */
    public record CompareRow(String label, String previous, String current, String delta, int sign) {
    }

    /** A titled table of compared figures. */
    public record Block(String title, List<CompareRow> rows) {
    }

    /** One department's year in the jurisdiction view. */
    public record DepartmentRow(String department, String name, String jurisdiction, String total, String grade,
            String executionRate, List<String> flags, String href) {
    }

    private final DirectoryQueries directory;
    private final YearQueries queries;
    private final YearPages pages;

    public ComparePagesController(DirectoryQueries directory, YearQueries queries, YearPages pages) {
        this.directory = directory;
        this.queries = queries;
        this.pages = pages;
    }

    @GetMapping("/departments/{dept}/years/{year}/compare")
    public String years(@PathVariable String dept, @PathVariable int year, Model model) {
        FiscalYearId id = pages.require(dept, year);
        DepartmentView department = directory.department(dept).orElseThrow(
                () -> new NotFoundException("dept", "部门不存在: " + dept));
        Optional<Integer> previous = department.years().stream().map(FiscalYearView::year).filter(y -> y < year)
                .max(Integer::compare);
        model.addAttribute("pageTitle", "与上年对比");
        model.addAttribute("active", "compare");
        model.addAttribute("header", pages.header(id));
        model.addAttribute("previousYear", previous.orElse(null));
        if (previous.isEmpty()) {
            return "ui/compare";
        }
        FiscalYearId before = FiscalYearId.of(dept, previous.get());
        ExecutionReport now = queries.execution(id, null, null).result();
        ExecutionReport then = queries.execution(before, null, null).result();
        List<CompareRow> execution = new ArrayList<>();
        execution.add(money("全年预算（元）", then.total().fullYear().yuan(), now.total().fullYear().yuan()));
        execution.add(money("执行数（元）", then.total().executed().yuan(), now.total().executed().yuan()));
        execution.add(rate("预算执行率", then.total().executionRate(), now.total().executionRate()));
        for (String kind : List.of("BASIC", "PROJECT")) {
            execution.add(rate((kind.equals("BASIC") ? "基本支出" : "项目支出") + "执行率", groupRate(then, kind),
                    groupRate(now, kind)));
        }
        model.addAttribute("execution", execution);

        Optional<ScoredTable> scoredNow = queries.scoredTable(id, null, null).map(r -> r.result());
        Optional<ScoredTable> scoredThen = queries.scoredTable(before, null, null).map(r -> r.result());
        List<CompareRow> scores = new ArrayList<>();
        scores.add(score("总分", scoredThen.map(ScoredTable::total).orElse(null),
                scoredNow.map(ScoredTable::total).orElse(null)));
        scores.add(new CompareRow("绩效等级", scoredThen.map(ScoredTable::grade).orElse("—"),
                scoredNow.map(ScoredTable::grade).orElse("—"), "", 0));
        // the top-level items by name: rubrics differ between years, an item of one year only shows "—" in the other
        TreeSet<String> seen = new TreeSet<>();
        List<String> names = new ArrayList<>();
        scoredNow.ifPresent(t -> t.items().forEach(i -> { if (seen.add(i.name())) { names.add(i.name()); } }));
        scoredThen.ifPresent(t -> t.items().forEach(i -> { if (seen.add(i.name())) { names.add(i.name()); } }));
        for (String name : names) {
            scores.add(score(name, top(scoredThen, name), top(scoredNow, name)));
        }
        model.addAttribute("scores", scores);
        model.addAttribute("rubricNow", scoredNow.map(ScoredTable::rubricName).orElse("—"));
        model.addAttribute("rubricThen", scoredThen.map(ScoredTable::rubricName).orElse("—"));

        List<CompareRow> indicators = new ArrayList<>();
        IndicatorReport.GroupShare a = overall(before);
        IndicatorReport.GroupShare b = overall(id);
        indicators.add(count("设定指标（个）", a == null ? null : a.defined(), b == null ? null : b.defined()));
        indicators.add(count("完成指标（个）", a == null ? null : a.met(), b == null ? null : b.met()));
        indicators.add(rate("绩效目标完成率", a == null ? null : a.shareMet(), b == null ? null : b.shareMet()));
        model.addAttribute("indicators", indicators);
        model.addAttribute("blocks", List.of(new Block("预算执行", execution), new Block("得分", scores),
                new Block("绩效指标", indicators)));
        model.addAttribute("previousHref", "/departments/" + dept + "/years/" + previous.get() + "/compare");
        return "ui/compare";
    }

    @GetMapping("/compare/departments")
    public String departments(@RequestParam(required = false) Integer year,
            @RequestParam(required = false) String jurisdiction, Model model) {
        TreeSet<Integer> years = new TreeSet<>();
        TreeSet<String> jurisdictions = new TreeSet<>();
        List<DepartmentView> visible = directory.departments().stream()
                .filter(d -> CurrentUser.maySee(d.departmentId())).toList();
        for (DepartmentView d : visible) {
            d.years().forEach(y -> years.add(y.year()));
            if (d.jurisdiction() != null) {
                jurisdictions.add(d.jurisdiction());
            }
        }
        int shown = year != null ? year : years.isEmpty() ? 0 : years.last();
        if (year != null && !years.contains(year)) {
            throw new DomainException("year", "您范围内没有部门有 " + year + " 年度的账本，可选：" + years);
        }
        String wanted = jurisdiction == null || jurisdiction.isBlank() ? null : jurisdiction.strip();
        if (wanted != null && !jurisdictions.contains(wanted)) {
            throw new DomainException("jurisdiction", "没有辖区「" + VoucherTrail.abbreviate(wanted) + "」，可选："
                    + String.join("、", jurisdictions));
        }
        List<DepartmentRow> rows = new ArrayList<>();
        for (DepartmentView d : visible) {
            if (wanted != null && !wanted.equals(d.jurisdiction())
                    || d.years().stream().noneMatch(y -> y.year() == shown)) {
                continue;
            }
            FiscalYearId id = FiscalYearId.of(d.departmentId(), shown);
            ExecutionReport execution = queries.execution(id, null, null).result();
            Optional<ScoredTable> table = queries.scoredTable(id, null, null).map(r -> r.result());
            List<String> flags = new ArrayList<>();
            table.ifPresent(t -> {
                t.flags().forEach(f -> flags.add(f.label()));
                long flagged = t.items().stream().flatMap(i -> i.flatten().stream()).filter(ScoredItem::leaf)
                        .filter(i -> !i.flags().isEmpty()).count();
                if (flagged > 0) {
                    flags.add(flagged + " 个评分项有标记");
                }
            });
            rows.add(new DepartmentRow(d.departmentId(), d.name(), d.jurisdiction(),
                    table.map(t -> EvaluationTable.number(t.total())).orElse("—"),
                    table.map(ScoredTable::grade).orElse("—"), Amount.percent(execution.total().executionRate()),
                    flags, "/departments/" + d.departmentId() + "/years/" + shown + "/evaluation"));
        }
        model.addAttribute("pageTitle", "部门对比 · " + shown + " 年度");
        model.addAttribute("active", "compare-departments");
        model.addAttribute("year", shown);
        model.addAttribute("years", years);
        model.addAttribute("jurisdiction", wanted);
        model.addAttribute("jurisdictions", jurisdictions);
        model.addAttribute("rows", rows);
        return "ui/compare-departments";
    }

    private static BigDecimal top(Optional<ScoredTable> table, String name) {
        return table.flatMap(t -> t.items().stream().filter(i -> i.name().equals(name)).findFirst())
                .map(ScoredItem::score).orElse(null);
    }

    private IndicatorReport.GroupShare overall(FiscalYearId id) {
        try {
            return queries.indicators(id, null, null).result().overall();
        } catch (RuntimeException noEvaluation) {
            return null;
        }
    }

    private static BigDecimal groupRate(ExecutionReport report, String key) {
        return report.groupings().getOrDefault("basicOrProject", List.of()).stream()
                .filter(r -> r.key().equals(key)).findFirst().map(ExecutionReport.Row::executionRate).orElse(null);
    }

    private static CompareRow money(String label, BigDecimal before, BigDecimal now) {
        BigDecimal delta = now.subtract(before);
        String growth = before.signum() == 0 ? "" : "（" + Amount.percent(Rates.ratio(delta, before)) + "）";
        return new CompareRow(label, Amount.of(before).yuan(), Amount.of(now).yuan(),
                (delta.signum() > 0 ? "+" : "") + Amount.of(delta).yuan() + growth, delta.signum());
    }

    private static CompareRow rate(String label, BigDecimal before, BigDecimal now) {
        if (before == null || now == null) {
            return new CompareRow(label, Amount.percent(before), Amount.percent(now), "—", 0);
        }
        BigDecimal points = Rates.percent(now).subtract(Rates.percent(before));
        return new CompareRow(label, Amount.percent(before), Amount.percent(now),
                AuditViews.signed(points) + " 个百分点", points.signum());
    }

    private static CompareRow score(String label, BigDecimal before, BigDecimal now) {
        return new CompareRow(label, EvaluationTable.number(before), EvaluationTable.number(now),
                before == null || now == null ? "—" : AuditViews.signed(now.subtract(before)),
                before == null || now == null ? 0 : now.compareTo(before));
    }

    private static CompareRow count(String label, Integer before, Integer now) {
        return new CompareRow(label, before == null ? "—" : before.toString(), now == null ? "—" : now.toString(),
                before == null || now == null ? "—" : (now - before > 0 ? "+" : "") + (now - before),
                before == null || now == null ? 0 : Integer.compare(now, before));
    }
}
