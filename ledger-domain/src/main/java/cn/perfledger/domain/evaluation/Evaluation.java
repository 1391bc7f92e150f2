package cn.perfledger.domain.evaluation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.perfledger.domain.common.ConflictException;
import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.FiscalYear;
import cn.perfledger.domain.common.Ids;
import cn.perfledger.domain.common.IndicatorId;
import cn.perfledger.domain.common.RubricItemCode;
import cn.perfledger.domain.common.RubricVersionId;
import cn.perfledger.domain.evaluation.EvaluationCommand.DefineIndicator;
import cn.perfledger.domain.evaluation.EvaluationCommand.EnterJudgementScore;
import cn.perfledger.domain.evaluation.EvaluationCommand.RecordDeclaredFigure;
import cn.perfledger.domain.evaluation.EvaluationCommand.RecordActual;
import cn.perfledger.domain.evaluation.EvaluationCommand.RecordBonusPenalty;
import cn.perfledger.domain.evaluation.EvaluationCommand.ReviseTarget;
import cn.perfledger.domain.evaluation.EvaluationCommand.StartEvaluation;
import cn.perfledger.domain.evaluation.EvaluationCommand.SubmitSelfEvaluation;
import cn.perfledger.domain.evaluation.EvaluationCommand.WithdrawJudgementScore;
import cn.perfledger.domain.evaluation.EvaluationEvent.BonusPenaltyRecorded;
import cn.perfledger.domain.evaluation.EvaluationEvent.DeclaredFigureRecorded;
import cn.perfledger.domain.evaluation.EvaluationEvent.EvaluationStarted;
import cn.perfledger.domain.evaluation.EvaluationEvent.IndicatorActualRecorded;
import cn.perfledger.domain.evaluation.EvaluationEvent.IndicatorDefined;
import cn.perfledger.domain.evaluation.EvaluationEvent.IndicatorTargetRevised;
import cn.perfledger.domain.evaluation.EvaluationEvent.JudgementScoreEntered;
import cn.perfledger.domain.evaluation.EvaluationEvent.JudgementScoreWithdrawn;
import cn.perfledger.domain.evaluation.EvaluationEvent.SelfEvaluationSubmitted;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * The self-evaluation (部门整体支出绩效自评) of one department-year.
 *
 * <p>Life cycle: {@code StartEvaluation} creates it under the rubric version the year uses, effective on
 * 1 January. During the year the evaluator defines indicators (绩效指标) with their targets, revises targets
 * with a reason, and records bonus/penalty entries. Actuals, judgement scores (with their 评分依据) and
 * submissions of the scored table are usually entered after the year ends, so they may be effective up to
 * the end of the following year. The table may be submitted several times (resubmission); each submission
 * records its 评价基准日 and the digest of what was shown. The figures published documents state (declared figures)
 * are recorded as printed, each with the ledger value it should equal, for reconciliation. Nothing is ever edited: a new actual or score
 * supersedes the earlier one and the history stays in the stream. Scores are derived by projections from
 * these facts and the rubric; the aggregate keeps only what its own rules need.
 *
 * <p>{@code StartEvaluation} uses {@link AggregateCreationPolicy#CREATE_IF_MISSING} rather than a constructor so
 * that starting a year twice reaches this aggregate and is refused with a {@link ConflictException}, instead of
 * surfacing as a duplicate-key error of the event store.
 */
public class Evaluation {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal MAX_DECLARED_TOTAL = BigDecimal.valueOf(1000);
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");
    private static final int MAX_PATH_DEPTH = 3;
    /** A ledger figure key: scopes (optionally with a bracketed parameter) joined by '&', a dot, a measure. */
    private static final Pattern LEDGER_FIGURE_KEY = Pattern.compile(
            "[A-Z][A-Z0-9_]*(\\[[A-Za-z0-9_.*-]{1,64}\\])?(&[A-Z][A-Z0-9_]*(\\[[A-Za-z0-9_.*-]{1,64}\\])?)*\\.[A-Z][A-Z0-9_]*");

    @AggregateIdentifier
    private EvaluationId evaluationId;
    private RubricVersionId rubricVersion;
    /** Current target of each indicator, by indicator id: revisions and actuals are checked against it. */
    private Map<String, TargetExpression> targets = new LinkedHashMap<>();
    /** Latest actual of each indicator, by indicator id: a revised target must stay comparable with it. */
    private Map<String, ActualValue> actuals = new LinkedHashMap<>();
    /** Score currently entered for each judgement item, by rubric item code. */
    private Map<String, BigDecimal> judgementScores = new LinkedHashMap<>();
    /** Kind of each bonus/penalty entry, by entry id: entry ids are unique. */
    private Map<String, BonusPenaltyKind> bonusPenaltyEntries = new LinkedHashMap<>();
    private int submissions;
    /** Ids of the declared figures recorded: figure ids are unique. */
    private Set<String> declaredFigures = new HashSet<>();

    /** For Axon (event sourcing, creation policy) and Jackson snapshots. */
    public Evaluation() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(StartEvaluation command) {
        if (evaluationId != null) {
            throw new ConflictException("evaluationId", "该部门年度的自评已开始: " + evaluationId);
        }
        if (command.evaluationId() == null) {
            throw new DomainException("evaluationId", "自评标识不能为空");
        }
        if (command.rubricVersion() == null) {
            throw new DomainException("rubricVersion", "评分规则版本不能为空");
        }
        FiscalYear year = command.evaluationId().fiscalYearId().year();
        apply(new EvaluationStarted(command.evaluationId(), command.evaluationId().fiscalYearId(),
                command.rubricVersion(), year.firstDay()));
    }

    @CommandHandler
    public void handle(DefineIndicator command) {
        IndicatorId indicatorId = requireIndicatorId(command.indicatorId());
        if (targets.containsKey(indicatorId.value())) {
            throw new ConflictException("indicatorId", "指标编码已存在: " + indicatorId);
        }
        List<String> path = requirePath(command.path());
        String name = Ids.requireText("name", command.name(), 1000);
        BigDecimal weight = requireAmount("weight", command.weight(), HUNDRED, "分值");
        TargetExpression target = TargetExpression.parse("targetExpression", command.targetExpression());
        year().requireContains("effectiveDate", command.effectiveDate());
        apply(new IndicatorDefined(evaluationId, indicatorId, path, name, weight, target.text(), target,
                command.rubricItemCode(), command.effectiveDate()));
    }

    @CommandHandler
    public void handle(ReviseTarget command) {
        IndicatorId indicatorId = requireDefined(command.indicatorId());
        TargetExpression current = targets.get(indicatorId.value());
        TargetExpression revised = TargetExpression.parse("newTargetExpression", command.newTargetExpression());
        if (revised.text().equals(current.text())) {
            throw new DomainException("newTargetExpression", "新目标值与现目标值相同，无需调整: " + current.text());
        }
        ActualValue actual = actuals.get(indicatorId.value());
        if (actual != null && !revised.comparableWith(actual)) {
            throw new DomainException("newTargetExpression", "新目标值的单位「" + revised.unit() + "」与已录入的实际值「"
                    + actual.text() + "」不可比较");
        }
        String reason = Ids.requireText("reason", command.reason(), 1000);
        year().requireContains("effectiveDate", command.effectiveDate());
        apply(new IndicatorTargetRevised(evaluationId, indicatorId, current.text(), revised.text(), revised, reason,
                command.effectiveDate()));
    }

    @CommandHandler
    public void handle(RecordActual command) {
        IndicatorId indicatorId = requireDefined(command.indicatorId());
        ActualValue actual = ActualValue.parse("actual", command.actual());
        TargetExpression target = targets.get(indicatorId.value());
        if (!target.comparableWith(actual)) {
            // A unit mismatch (次 against %) is a typing error: refusing it keeps completion rates computable.
            throw new DomainException("actual", "实际值的单位「" + actual.unit() + "」与目标值「" + target.text() + "」不可比较");
        }
        requireInEvaluationWindow("effectiveDate", command.effectiveDate());
        apply(new IndicatorActualRecorded(evaluationId, indicatorId, actual.text(), actual, command.effectiveDate()));
    }

    @CommandHandler
    public void handle(EnterJudgementScore command) {
        RubricItemCode code = requireItemCode(command.rubricItemCode());
        BigDecimal score = requireAmount("score", command.score(), HUNDRED, "评分");
        String basis = Ids.requireText("basis", command.basis(), 4000);
        String evaluator = Ids.requireText("evaluator", command.evaluator(), 100);
        requireInEvaluationWindow("effectiveDate", command.effectiveDate());
        apply(new JudgementScoreEntered(evaluationId, code, score, basis, evaluator,
                judgementScores.get(code.value()), command.effectiveDate()));
    }

    @CommandHandler
    public void handle(WithdrawJudgementScore command) {
        RubricItemCode code = requireItemCode(command.rubricItemCode());
        BigDecimal entered = judgementScores.get(code.value());
        if (entered == null) {
            throw new DomainException("rubricItemCode", "该评分项没有已录入的评分，无法撤回: " + code);
        }
        String reason = Ids.requireText("reason", command.reason(), 1000);
        requireInEvaluationWindow("effectiveDate", command.effectiveDate());
        apply(new JudgementScoreWithdrawn(evaluationId, code, entered, reason, command.effectiveDate()));
    }

    @CommandHandler
    public void handle(RecordBonusPenalty command) {
        if (command.entryId() == null) {
            throw new DomainException("entryId", "加减分事项编码不能为空");
        }
        if (bonusPenaltyEntries.containsKey(command.entryId().value())) {
            throw new ConflictException("entryId", "加减分事项编码已存在: " + command.entryId());
        }
        if (command.kind() == null) {
            throw new DomainException("kind", "加减分类型不能为空，可选: BONUS（加分）, PENALTY（减分）");
        }
        BigDecimal points = requireAmount("points", command.points(), HUNDRED, "分数");
        if (points.signum() == 0) {
            throw new DomainException("points", "分数必须大于 0（加分或减分由类型表示）");
        }
        String reason = Ids.requireText("reason", command.reason(), 1000);
        String documentNo = Ids.optionalText("documentNo", command.documentNo(), 100);
        year().requireContains("effectiveDate", command.effectiveDate());
        apply(new BonusPenaltyRecorded(evaluationId, command.entryId(), command.kind(), points, reason, documentNo,
                command.effectiveDate()));
    }

    @CommandHandler
    public void handle(SubmitSelfEvaluation command) {
        year().requireContains("referenceDate", command.referenceDate());
        if (command.digest() == null || !SHA256_HEX.matcher(command.digest()).matches()) {
            throw new DomainException("digest", "摘要必须是 64 位十六进制 SHA-256 值");
        }
        BigDecimal declaredTotal = command.declaredTotal() == null ? null
                : requireAmount("declaredTotal", command.declaredTotal(), MAX_DECLARED_TOTAL, "自评总分");
        String submittedBy = Ids.requireText("submittedBy", command.submittedBy(), 100);
        requireInEvaluationWindow("effectiveDate", command.effectiveDate());
        if (command.effectiveDate().isBefore(command.referenceDate())) {
            throw new DomainException("effectiveDate", "提交日期不能早于评价基准日 " + command.referenceDate() + ": "
                    + command.effectiveDate());
        }
        apply(new SelfEvaluationSubmitted(evaluationId, submissions + 1, command.referenceDate(),
                command.digest().toLowerCase(Locale.ROOT), declaredTotal, submittedBy, command.effectiveDate()));
    }

    @CommandHandler
    public void handle(RecordDeclaredFigure command) {
        Ids.requireCode("figureId", command.figureId(), 64);
        if (declaredFigures.contains(command.figureId())) {
            throw new ConflictException("figureId", "申报数字编码已存在: " + command.figureId());
        }
        String document = Ids.requireText("document", command.document(), 200);
        String item = Ids.requireText("item", command.item(), 1000);
        String printedValue = Ids.requireText("printedValue", command.printedValue(), 2000);
        BigDecimal value = PrintedNumber.parse("printedValue", printedValue);
        String unit = Ids.requireText("unitAsPrinted", command.unitAsPrinted(), 20);
        String ledgerFigure = Ids.optionalText("ledgerFigure", command.ledgerFigure(), 200);
        if (ledgerFigure != null && !LEDGER_FIGURE_KEY.matcher(ledgerFigure).matches()) {
            throw new DomainException("ledgerFigure", "账本数字编码格式应为 范围[参数]&范围.度量，如 FISCAL.FULL_YEAR: " + ledgerFigure);
        }
        DeclaredStructure structure = command.structure() == null ? null
                : DeclaredStructure.validated("structure", command.structure());
        if (ledgerFigure == null && structure == null) {
            throw new DomainException("ledgerFigure", "须指明对应的账本数字（ledgerFigure）或所印算式（structure），否则无从核对");
        }
        requireInEvaluationWindow("effectiveDate", command.effectiveDate());
        apply(new DeclaredFigureRecorded(evaluationId, command.figureId(), document, item, printedValue, value, unit,
                ledgerFigure, structure, command.effectiveDate()));
    }

    @EventSourcingHandler
    void on(EvaluationStarted event) {
        evaluationId = event.evaluationId();
        rubricVersion = event.rubricVersion();
    }

    @EventSourcingHandler
    void on(IndicatorDefined event) {
        targets.put(event.indicatorId().value(), event.target());
    }

    @EventSourcingHandler
    void on(IndicatorTargetRevised event) {
        targets.put(event.indicatorId().value(), event.newTarget());
    }

    @EventSourcingHandler
    void on(IndicatorActualRecorded event) {
        actuals.put(event.indicatorId().value(), event.value());
    }

    @EventSourcingHandler
    void on(JudgementScoreEntered event) {
        judgementScores.put(event.rubricItemCode().value(), event.score());
    }

    @EventSourcingHandler
    void on(JudgementScoreWithdrawn event) {
        judgementScores.remove(event.rubricItemCode().value());
    }

    @EventSourcingHandler
    void on(BonusPenaltyRecorded event) {
        bonusPenaltyEntries.put(event.entryId().value(), event.kind());
    }

    @EventSourcingHandler
    void on(SelfEvaluationSubmitted event) {
        submissions = event.submissionNo();
    }

    @EventSourcingHandler
    void on(DeclaredFigureRecorded event) {
        declaredFigures.add(event.figureId());
    }

    private FiscalYear year() {
        return evaluationId.fiscalYearId().year();
    }

    /** Actuals, scores and submissions are entered after the year: allowed up to the end of the following year. */
    private void requireInEvaluationWindow(String field, LocalDate date) {
        if (date == null) {
            throw new DomainException(field, "业务日期不能为空");
        }
        LocalDate first = year().firstDay();
        LocalDate last = year().lastDay().plusYears(1);
        if (date.isBefore(first) || date.isAfter(last)) {
            throw new DomainException(field, "业务日期必须在 " + first + " 至 " + last + " 之间（评价年度或次年）: " + date);
        }
    }

    private static IndicatorId requireIndicatorId(IndicatorId indicatorId) {
        if (indicatorId == null) {
            throw new DomainException("indicatorId", "指标编码不能为空");
        }
        return indicatorId;
    }

    private IndicatorId requireDefined(IndicatorId indicatorId) {
        requireIndicatorId(indicatorId);
        if (!targets.containsKey(indicatorId.value())) {
            throw new DomainException("indicatorId", "指标不存在: " + indicatorId);
        }
        return indicatorId;
    }

    private static RubricItemCode requireItemCode(RubricItemCode code) {
        if (code == null) {
            throw new DomainException("rubricItemCode", "评分项编码不能为空");
        }
        return code;
    }

    private static List<String> requirePath(List<String> path) {
        if (path == null || path.isEmpty()) {
            throw new DomainException("path", "指标层级不能为空（一级、二级、三级指标名称）");
        }
        if (path.size() > MAX_PATH_DEPTH) {
            throw new DomainException("path", "指标层级最多 " + MAX_PATH_DEPTH + " 级: " + path.size());
        }
        List<String> names = new ArrayList<>(path.size());
        for (int i = 0; i < path.size(); i++) {
            names.add(Ids.requireText("path[" + i + "]", path.get(i), 100));
        }
        return List.copyOf(names);
    }

    /** A non-negative figure with at most two decimals and an upper bound (weights, scores, points). */
    private static BigDecimal requireAmount(String field, BigDecimal value, BigDecimal max, String label) {
        if (value == null) {
            throw new DomainException(field, label + "不能为空");
        }
        if (value.signum() < 0) {
            throw new DomainException(field, label + "不能为负数: " + value.toPlainString());
        }
        if (value.compareTo(max) > 0) {
            throw new DomainException(field, label + "不能超过 " + max.toPlainString() + ": " + value.toPlainString());
        }
        if (value.stripTrailingZeros().scale() > 2) {
            throw new DomainException(field, label + "最多保留两位小数: " + value.toPlainString());
        }
        return value;
    }
}
