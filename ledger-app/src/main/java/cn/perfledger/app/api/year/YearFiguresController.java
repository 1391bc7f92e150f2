package cn.perfledger.app.api.year;

import cn.perfledger.app.query.BasisResult;
import cn.perfledger.app.query.SubmissionDigestCheck;
import cn.perfledger.app.query.YearQueries;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.projections.evaluation.IndicatorReport;
import cn.perfledger.projections.ledger.CarryOverReport;
import cn.perfledger.projections.ledger.ExecutionReport;
import cn.perfledger.projections.scoring.ScoredTable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A department-year as it stood at a basis: {@code asOf} (评价基准日, effective date ≤; default the year's
 * 12-31) and {@code knownAt} (知悉时点, recorded time ≤; default now). Each answer echoes its basis and carries
 * the SHA-256 digest of its result: the same basis always gives the same bytes.
 */
@RestController
@RequestMapping("/api/v1/departments/{dept}/years/{year}")
@Tag(name = "年度数据（按时点）", description = "预算执行、结转结余、绩效指标与自评表，可回放到任意评价基准日与知悉时点")
public class YearFiguresController {

    private final YearQueries queries;
    private final SubmissionDigestCheck digests;

    public YearFiguresController(YearQueries queries, SubmissionDigestCheck digests) {
        this.queries = queries;
        this.digests = digests;
    }

    @GetMapping("/execution")
    @Operation(summary = "预算执行情况", description = "每条预算行及各分组（单位、资金来源、基本/项目、项目、功能分类类/款/项、经济分类、三公）"
            + "的年初预算→调整→全年预算、执行数与执行率；月度累计执行与序时进度；财政通报与账本数对照；年度平均执行率。")
    public BasisResult<ExecutionReport> execution(@PathVariable String dept, @PathVariable int year,
            @Parameter(description = "评价基准日（含），默认该年 12-31") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @Parameter(description = "知悉时点（含，ISO-8601 时刻，如 2022-03-15T00:00:00Z），默认当前") @RequestParam(required = false)
            Instant knownAt) {
        return queries.execution(FiscalYearId.of(dept, year), asOf, knownAt);
    }

    @GetMapping("/carryover")
    @Operation(summary = "结转结余", description = "年初结转结余 + 本年收入 − 本年支出 − 指标收回 = 年末结转结余，按行与合计；结转/结余划分；"
            + "结转结余率（财预〔2013〕53号口径：年末 ÷ 支出预算；年末 ÷ 年初口径）；结账记录数与当前数对照。")
    public BasisResult<CarryOverReport> carryOver(@PathVariable String dept, @PathVariable int year,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) Instant knownAt) {
        return queries.carryOver(FiscalYearId.of(dept, year), asOf, knownAt);
    }

    @GetMapping("/indicators")
    @Operation(summary = "绩效指标完成情况", description = "每个指标的目标值、实际完成值、完成率（不封顶）、是否达标、目标值偏低标记；按分组的达标比例与绩效目标完成率。")
    public BasisResult<IndicatorReport> indicators(@PathVariable String dept, @PathVariable int year,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) Instant knownAt) {
        return queries.indicators(FiscalYearId.of(dept, year), asOf, knownAt);
    }

    @GetMapping("/evaluation")
    @Operation(summary = "部门整体支出绩效自评表（评分）", description = "按年度所选评价体系版本逐项计分：一级/二级/三级指标、分值、得分、"
            + "所用输入（账本数据、指标、评分依据）、规则说明、标记；总分与等级；与申报总分对照。")
    public BasisResult<ScoredTable> evaluation(@PathVariable String dept, @PathVariable int year,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) Instant knownAt) {
        return queries.evaluation(FiscalYearId.of(dept, year), asOf, knownAt);
    }

    @GetMapping("/evaluation/submission-digest")
    @Operation(summary = "提交自评表所需的摘要", description = "评价基准日 referenceDate 的自评表按截至当前已记录的数据计算的提交摘要"
            + "（SHA-256，不含申报总分部分）。提交（POST …/evaluation/submissions）只接受这一摘要：表格在查看后若有变动，摘要随之改变。")
    public SubmissionDigestCheck.Expected submissionDigest(@PathVariable String dept, @PathVariable int year,
            @Parameter(description = "评价基准日（含），默认该年 12-31") @RequestParam(required = false)
            LocalDate referenceDate) {
        FiscalYearId id = FiscalYearId.of(dept, year);
        return digests.expected(id, referenceDate == null ? id.year().lastDay() : referenceDate);
    }
}
