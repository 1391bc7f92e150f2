package cn.perfledger.app.api.audit;

import cn.perfledger.app.audit.AuditService;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.projections.audit.Lineage;
import cn.perfledger.projections.audit.Rescore;
import cn.perfledger.projections.audit.Shortfall;
import cn.perfledger.projections.audit.SubmissionComparison;
import cn.perfledger.projections.audit.WhyPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What an auditor asks of a department-year: each submission as submitted and as now known (with the digest
 * check), where a score comes from, why it changed between two bases, why it is below its weight, and how the
 * same basis scores under another rubric version. Bad input is answered with Problem Details.
 */
@RestController
@RequestMapping("/api/v1/departments/{dept}/years/{year}")
@Tag(name = "审计（追溯与比对）", description = "自评提交回放与摘要核验、得分溯源、得分变动原因、未得满分原因、按其他评价体系版本重新计分")
public class AuditController {

    private static final String AS_OF = "评价基准日（含），默认该年 12-31";
    private static final String KNOWN_AT = "知悉时点（含，ISO-8601 时刻，如 2022-03-15T00:00:00Z），默认当前";
    private static final String CODE = "评分项编码（如 M.FUND.COMPLETION）；总分用 TOTAL";

    private final AuditService audit;

    public AuditController(AuditService audit) {
        this.audit = audit;
    }

    @GetMapping("/submissions")
    @Operation(summary = "自评提交列表", description = "该年度每次提交的自评表：序号、评价基准日、提交日期、记录时间、提交人、申报总分与提交时保存的摘要。")
    public List<AuditService.SubmissionSummary> submissions(@PathVariable String dept, @PathVariable int year) {
        return audit.submissions(FiscalYearId.of(dept, year));
    }

    @GetMapping("/submissions/{no}/comparison")
    @Operation(summary = "提交时的自评表与现在所知的自评表对比", description = "按提交的评价基准日，分别以提交时刻与当前时刻为知悉时点回放："
            + "逐项列出得分、输入、标记的变化，以及总分与等级的变化；并按提交时点重新推导自评表摘要与提交时保存的摘要核对，"
            + "不一致时 digestMatches 为 false 并给出中文警告。")
    public SubmissionComparison.Result comparison(@PathVariable String dept, @PathVariable int year,
            @Parameter(description = "提交序号（第几次提交）") @PathVariable("no") int no) {
        return audit.comparison(FiscalYearId.of(dept, year), no);
    }

    @GetMapping("/evaluation/items/{code}/lineage")
    @Operation(summary = "得分溯源", description = "评分项（或总分）的评价体系版本与规则、输入及其数值，以及每个输入所依据的记录："
            + "按记录类型与月份汇总（笔数、金额合计），记录明细分页返回（记录号、类型、业务日期、记录时间、凭证号/文号、金额）。")
    public Lineage.Result lineage(@PathVariable String dept, @PathVariable int year,
            @Parameter(description = CODE) @PathVariable String code,
            @Parameter(description = AS_OF) @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @Parameter(description = KNOWN_AT) @RequestParam(required = false) Instant knownAt,
            @Parameter(description = "记录明细页码，从 0 开始") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "每页记录条数（1–1000）") @RequestParam(defaultValue = "50") int size) {
        return audit.lineage(FiscalYearId.of(dept, year), code, asOf, knownAt, page, size);
    }

    @GetMapping("/evaluation/items/{code}/why")
    @Operation(summary = "得分变动原因", description = "两个时点 A → B（评价基准日、知悉时点或两者不同）之间，B 纳入而 A 未纳入的记录"
            + "（及 A 纳入而 B 未纳入、需撤回的记录），按回放顺序逐组计算其对该评分项得分的影响；同月同类型同对象的记录合为一组；"
            + "各组变动之和恰好等于两时点得分之差；不影响得分的记录只计数不列出。分页返回：stepCount 为步骤总数，steps 为第 page 页"
            + "（每页 size 个步骤，firstStep 为本页首个步骤的序号），每个步骤至多列出 eventsPerStep 条记录（其余见得分溯源）；"
            + "byType 按方向与记录类型汇总全部步骤（笔数、变动之和），各类变动之和同样恰好等于得分之差。")
    public WhyPage.Result why(@PathVariable String dept, @PathVariable int year,
            @Parameter(description = CODE) @PathVariable String code,
            @Parameter(description = "起点 A 的评价基准日，默认该年 12-31") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate fromAsOf,
            @Parameter(description = "起点 A 的知悉时点，默认当前") @RequestParam(required = false) Instant fromKnownAt,
            @Parameter(description = "终点 B 的评价基准日，默认该年 12-31") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate toAsOf,
            @Parameter(description = "终点 B 的知悉时点，默认当前") @RequestParam(required = false) Instant toKnownAt,
            @Parameter(description = "步骤页码，从 0 开始") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "每页步骤数（1–" + WhyPage.MAX_SIZE + "）") @RequestParam(defaultValue = "50") int size,
            @Parameter(description = "每个步骤列出的记录数（0–" + WhyPage.MAX_EVENTS_PER_STEP + "），其余记录见得分溯源")
            @RequestParam(defaultValue = "5") int eventsPerStep) {
        return audit.whyPage(FiscalYearId.of(dept, year), code, fromAsOf, fromKnownAt, toAsOf, toKnownAt, page, size,
                eventsPerStep);
    }

    @GetMapping("/evaluation/items/{code}/shortfall")
    @Operation(summary = "未得满分原因", description = "评分项（组或总分则为其下每个未得满分的末级项）适用的规则档次或阈值、所用输入，"
            + "以及距阈值的差距，例如“接通率 94.07% 未达到目标 ≥95%，差 0.93 个百分点；未达标按 0.9 系数计分”。")
    public Shortfall.Result shortfall(@PathVariable String dept, @PathVariable int year,
            @Parameter(description = CODE) @PathVariable String code,
            @Parameter(description = AS_OF) @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @Parameter(description = KNOWN_AT) @RequestParam(required = false) Instant knownAt) {
        return audit.shortfall(FiscalYearId.of(dept, year), code, asOf, knownAt);
    }

    @GetMapping("/evaluation/rescore")
    @Operation(summary = "按其他评价体系版本重新计分", description = "同一时点的数据按指定的已发布评价体系版本计分，与该年度所用版本逐项对比（按评分项编码匹配），"
            + "仅存在于一个版本的评分项列为新增或删除。")
    public Rescore.Result rescore(@PathVariable String dept, @PathVariable int year,
            @Parameter(description = "评价体系版本号，如 gz-municipal-2021@1", required = true) @RequestParam String rubricVersion,
            @Parameter(description = AS_OF) @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @Parameter(description = KNOWN_AT) @RequestParam(required = false) Instant knownAt) {
        return audit.rescore(FiscalYearId.of(dept, year), rubricVersion, asOf, knownAt);
    }
}
