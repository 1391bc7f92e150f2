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
import cn.perfledger.domain.evaluation.EvaluationCommand.ImportEvaluationTable;
import cn.perfledger.domain.evaluation.EvaluationCommand.RecordDeclaredFigure;
import cn.perfledger.domain.evaluation.EvaluationCommand.RecordActual;
import cn.perfledger.domain.evaluation.EvaluationCommand.RecordBonusPenalty;
import cn.perfledger.domain.evaluation.EvaluationCommand.ReviseTarget;
import cn.perfledger.domain.evaluation.EvaluationCommand.StartEvaluation;
import cn.perfledger.domain.evaluation.EvaluationCommand.SubmitSelfEvaluation;
import cn.perfledger.domain.evaluation.EvaluationCommand.TableRow;
import cn.perfledger.domain.evaluation.EvaluationCommand.WithdrawJudgementScore;
import cn.perfledger.domain.evaluation.EvaluationEvent.BonusPenaltyRecorded;
import cn.perfledger.domain.evaluation.EvaluationEvent.DeclaredFigureRecorded;
import cn.perfledger.domain.evaluation.EvaluationEvent.EvaluationStarted;
import cn.perfledger.domain.evaluation.EvaluationEvent.EvaluationTableImported;
import cn.perfledger.domain.evaluation.EvaluationEvent.IndicatorActualRecorded;
import cn.perfledger.domain.evaluation.EvaluationEvent.IndicatorDefined;
import cn.perfledger.domain.evaluation.EvaluationEvent.IndicatorTargetRevised;
import cn.perfledger.domain.evaluation.EvaluationEvent.JudgementScoreEntered;
import cn.perfledger.domain.evaluation.EvaluationEvent.JudgementScoreWithdrawn;
import cn.perfledger.domain.evaluation.EvaluationEvent.SelfEvaluationSubmitted;
import cn.perfledger.domain.evaluation.RowsRefusedException.RowError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
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
 * are recorded as printed, each with the ledger value it should equal, for reconciliation. A whole 自评表 may be imported
 * at once ({@code ImportEvaluationTable}): all of its rows or none, each held to the rules of the single command it
 * carries, and the same file twice is a no-op. Nothing is ever edited: a new actual or score
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

    @AggregateIdentifier
    private EvaluationId evaluationId;
    private RubricVersionId rubricVersion;
    /** Current target of each indicator, by indicator id: revisions and actuals are checked against it. */
    private Map<String, TargetExpression> targets = new LinkedHashMap<>();
    /** Name of each indicator, by indicator id: the plausibility rules of a revised target read it. */
    private Map<String, String> names = new LinkedHashMap<>();
    /** Latest actual of each indicator, by indicator id: a revised target must stay comparable with it. */
    private Map<String, ActualValue> actuals = new LinkedHashMap<>();
    /** Score currently entered for each judgement item, by rubric item code. */
    private Map<String, BigDecimal> judgementScores = new LinkedHashMap<>();
    /** 评分依据 of the score currently entered, by rubric item code: an imported row repeating both changes nothing. */
    private Map<String, String> judgementBases = new LinkedHashMap<>();
    /** Kind of each bonus/penalty entry, by entry id: entry ids are unique. */
    private Map<String, BonusPenaltyKind> bonusPenaltyEntries = new LinkedHashMap<>();
    private int submissions;
    /** Ids of the declared figures recorded: figure ids are unique. */
    private Set<String> declaredFigures = new HashSet<>();
    /** SHA-256 digests of the tables imported: importing one again is a no-op. */
    private Set<String> importedTables = new HashSet<>();

    /** For Axon (event sourcing, creation policy) and Jackson snapshots. */
    public Evaluation() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(StartEvaluation command) {
        apply(decide(command));
    }

    /*
     * The decide methods below validate a command against this instance's state and return the event it records,
     * without applying it: the handlers apply it, and ImportEvaluationTable runs them on a draft copy row by row.
     */

    private EvaluationStarted decide(StartEvaluation command) {
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
        return new EvaluationStarted(command.evaluationId(), command.evaluationId().fiscalYearId(),
                command.rubricVersion(), year.firstDay());
    }

    @CommandHandler
    public void handle(DefineIndicator command) {
        apply(decide(command));
    }

    private IndicatorDefined decide(DefineIndicator command) {
        IndicatorId indicatorId = requireIndicatorId(command.indicatorId());
        if (targets.containsKey(indicatorId.value())) {
            throw new ConflictException("indicatorId", "指标编码已存在: " + indicatorId);
        }
        List<String> path = requirePath(command.path());
        String name = Ids.requireText("name", command.name(), 1000);
        BigDecimal weight = requireAmount("weight", command.weight(), HUNDRED, "分值");
        TargetExpression target = TargetExpression.parse("targetExpression", command.targetExpression(),
                command.direction()).checkedFor("targetExpression", name);
        year().requireContains("effectiveDate", command.effectiveDate());
        return new IndicatorDefined(evaluationId, indicatorId, path, name, weight, target.text(), target,
                command.rubricItemCode(), command.effectiveDate());
    }

    @CommandHandler
    public void handle(ReviseTarget command) {
        IndicatorId indicatorId = requireDefined(command.indicatorId());
        TargetExpression current = targets.get(indicatorId.value());
        TargetExpression revised = revisedTarget(command, current).checkedFor("newTargetExpression",
                names.get(indicatorId.value()));
        if (revised.text().equals(current.text()) && revised.direction() == current.direction()) {
            throw new DomainException("newTargetExpression", "新目标值与现目标值相同，无需调整: " + current.text());
        }
        ActualValue actual = actuals.get(indicatorId.value());
        if (actual != null && !revised.comparableWith(actual)) {
            throw new DomainException("newTargetExpression", "新目标值「" + revised.reading() + "」与已录入的实际值「"
                    + actual.text() + "」不可比较（单位或指标方向不同）");
        }
        String reason = Ids.requireText("reason", command.reason(), 1000);
        year().requireContains("effectiveDate", command.effectiveDate());
        apply(new IndicatorTargetRevised(evaluationId, indicatorId, current.text(), revised.text(), revised, reason,
                command.effectiveDate()));
    }

    /**
     * The revised target: read with the direction the user gives, else as its text states it (which must be the
     * indicator's direction: changing it takes an explicit new direction), else with the indicator's direction. A
     * direction the old parser guessed (revision-1 events) is not carried over.
     */
    private static TargetExpression revisedTarget(ReviseTarget command, TargetExpression current) {
        if (command.newDirection() != null) {
            return TargetExpression.parse("newTargetExpression", command.newTargetExpression(), command.newDirection());
        }
        Direction kept = current.directionSource() == DirectionSource.LEGACY ? null : current.direction();
        TargetExpression stated;
        try {
            stated = TargetExpression.parse("newTargetExpression", command.newTargetExpression(), null);
        } catch (DomainException statesNoDirection) {
            if (kept == null) {
                throw statesNoDirection;
            }
            return TargetExpression.parse("newTargetExpression", command.newTargetExpression(), kept);
        }
        if (kept != null && stated.direction() != kept) {
            throw new DomainException("newTargetExpression", "新目标值「" + stated.text() + "」表示「" + stated.direction().label()
                    + "」，而该指标为「" + kept.label() + "」：改变指标方向须同时给出新的指标方向（newDirection）");
        }
        return stated;
    }

    @CommandHandler
    public void handle(RecordActual command) {
        apply(decide(command));
    }

    private IndicatorActualRecorded decide(RecordActual command) {
        IndicatorId indicatorId = requireDefined(command.indicatorId());
        TargetExpression target = targets.get(indicatorId.value());
        ActualValue actual = ActualValue.parse("actual", command.actual(), target, command.grade());
        if (!target.comparableWith(actual)) {
            // A unit mismatch (次 against %) is a typing error: refusing it keeps completion rates computable.
            throw new DomainException("actual", "实际值的单位「" + actual.unit() + "」与目标值「" + target.text() + "」不可比较");
        }
        if (target.assess(actual) == Assessment.UNDETERMINED) {
            throw new DomainException("actual", "实际值「" + actual.text() + "」不足以判断是否达到目标「" + target.reading()
                    + "」：请填写实际达到的数值");
        }
        requireInEvaluationWindow("effectiveDate", command.effectiveDate());
        return new IndicatorActualRecorded(evaluationId, indicatorId, actual.text(), actual, command.effectiveDate());
    }

    @CommandHandler
    public void handle(EnterJudgementScore command) {
        apply(decide(command));
    }

    private JudgementScoreEntered decide(EnterJudgementScore command) {
        RubricItemCode code = requireItemCode(command.rubricItemCode());
        BigDecimal score = requireAmount("score", command.score(), HUNDRED, "评分");
        String basis = Ids.requireText("basis", command.basis(), 4000);
        String evaluator = Ids.requireText("evaluator", command.evaluator(), 100);
        requireInEvaluationWindow("effectiveDate", command.effectiveDate());
        return new JudgementScoreEntered(evaluationId, code, score, basis, evaluator,
                judgementScores.get(code.value()), command.effectiveDate());
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
        apply(decide(command));
    }

    private DeclaredFigureRecorded decide(RecordDeclaredFigure command) {
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
        if (ledgerFigure != null) {
            LedgerFigureKey.validated("ledgerFigure", ledgerFigure);
        }
        DeclaredStructure structure = command.structure() == null ? null
                : DeclaredStructure.validated("structure", command.structure());
        if (ledgerFigure == null && structure == null) {
            throw new DomainException("ledgerFigure", "须指明对应的账本数字（ledgerFigure）或所印算式（structure），否则无从核对");
        }
        requireInEvaluationWindow("effectiveDate", command.effectiveDate());
        return new DeclaredFigureRecorded(evaluationId, command.figureId(), document, item, printedValue, value, unit,
                ledgerFigure, structure, command.effectiveDate());
    }

    /**
     * Imports a table all or nothing. The file's digest makes a repeated import a reported no-op. Otherwise each row is
     * decided, in file order, on a draft copy of this evaluation that already holds the rows before it, by the same
     * decide methods as the single commands; a refusal is collected with its row and field and the draft goes on, so
     * that one answer lists every problem. Only when no row is refused are the events applied to this aggregate: the
     * table's {@link EvaluationTableImported} first, then each row's events in file order.
     *
     * <p>A row may restate what the evaluation already holds (a corrected table imported again): an indicator defined
     * before with the same 年度指标值, an actual with the same text, a score with the same points and 评分依据 record
     * nothing and are counted as unchanged. A different 年度指标值 for an indicator defined before is refused: a target
     * is revised only with a reason ({@code ReviseTarget}). Within one table an indicator or judgement item may appear
     * once.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public ImportOutcome handle(ImportEvaluationTable command) {
        if (command.digest() == null || !SHA256_HEX.matcher(command.digest()).matches()) {
            throw new DomainException("digest", "文件摘要必须是 64 位十六进制 SHA-256 值");
        }
        String digest = command.digest().toLowerCase(Locale.ROOT);
        List<TableRow> rows = command.rows();
        if (rows == null || rows.isEmpty()) {
            throw new DomainException("rows", "自评表中没有可导入的行");
        }
        if (evaluationId != null && importedTables.contains(digest)) {
            return ImportOutcome.alreadyImported(digest, rows.size());
        }
        String fileName = Ids.requireText("fileName", command.fileName(), 200);
        List<EvaluationEvent> events = new ArrayList<>();
        Evaluation draft;
        if (evaluationId == null) {
            EvaluationStarted started = decide(new StartEvaluation(command.evaluationId(), command.rubricVersion()));
            events.add(started);
            draft = new Evaluation();
            draft.on(started);
        } else {
            if (!rubricVersion.equals(command.rubricVersion())) {
                throw new DomainException("rubricVersion", "自评表按评价体系版本 " + command.rubricVersion()
                        + " 对应，但该年度自评使用 " + rubricVersion);
            }
            draft = draft();
        }
        draft.requireInEvaluationWindow("effectiveDate", command.effectiveDate());

        TableImport table = new TableImport(draft, command.evaluationId());
        for (TableRow row : rows) {
            table.decide(row);
        }
        if (!table.errors.isEmpty()) {
            throw new RowsRefusedException(table.errors);
        }
        EvaluationTableImported imported = new EvaluationTableImported(command.evaluationId(), fileName, digest,
                rows.size(), table.indicatorsDefined, table.actualsRecorded, table.judgementScoresEntered,
                table.declaredFiguresRecorded, table.unchanged, command.effectiveDate());
        ImportOutcome outcome = new ImportOutcome(!command.validateOnly(), false, digest, rows.size(),
                table.indicatorsDefined, table.actualsRecorded, table.judgementScoresEntered,
                table.declaredFiguresRecorded, table.unchanged);
        if (command.validateOnly()) {
            return outcome;
        }
        events.add(imported);
        events.addAll(table.events);
        events.forEach(event -> apply(event));
        return outcome;
    }

    /** The rows of one import decided on a draft: the events they record, the refusals, the counts. */
    private static final class TableImport {

        private final Evaluation draft;
        private final EvaluationId target;
        /** Indicators defined before the import: a row may restate them. */
        private final Set<String> definedBefore;
        /** The first row naming each indicator and judgement item of this table. */
        private final Map<String, Integer> firstRowOfIndicator = new LinkedHashMap<>();
        private final Map<String, Integer> firstRowOfJudgement = new LinkedHashMap<>();
        private final List<EvaluationEvent> events = new ArrayList<>();
        private final List<RowError> errors = new ArrayList<>();
        private int indicatorsDefined;
        private int actualsRecorded;
        private int judgementScoresEntered;
        private int declaredFiguresRecorded;
        private int unchanged;

        TableImport(Evaluation draft, EvaluationId target) {
            this.draft = draft;
            this.target = target;
            this.definedBefore = Set.copyOf(draft.targets.keySet());
        }

        void decide(TableRow row) {
            if (row == null) {
                errors.add(new RowError(0, "rows", "导入行不能为空"));
                return;
            }
            boolean indicatorStands = true;
            if (row.indicator() != null) {
                indicatorStands = indicator(row.row(), row.indicator());
            }
            if (row.actual() != null) {
                if (indicatorStands) {
                    actual(row.row(), row.actual());
                } // else: the row's indicator was refused, its actual cannot be checked against a target
            }
            if (row.judgement() != null) {
                judgement(row.row(), row.judgement());
            }
            if (row.declaredFigure() != null && addressed(row.row(), "declaredFigure",
                    row.declaredFigure().evaluationId())) {
                if (attempt(row.row(), "declaredFigure.", () -> draft.decide(row.declaredFigure()))) {
                    declaredFiguresRecorded++;
                }
            }
        }

        private boolean indicator(int row, DefineIndicator define) {
            if (!addressed(row, "indicator", define.evaluationId())) {
                return false;
            }
            String id = define.indicatorId() == null ? null : define.indicatorId().value();
            if (id != null && !once(row, "indicator.indicatorId", firstRowOfIndicator, id, "指标 " + id)) {
                return false;
            }
            if (id != null && definedBefore.contains(id)) {
                TargetExpression current = draft.targets.get(id);
                String stated = define.targetExpression() == null ? "" : define.targetExpression().strip();
                if (current.text().equals(stated)) {
                    unchanged++;
                    return true;
                }
                errors.add(new RowError(row, "indicator.targetExpression", "指标 " + id + " 已设定，年度指标值为「"
                        + current.text() + "」；导入不修改已设定的目标值，如需调整请使用“调整指标目标值”并说明原因: " + stated));
                return false;
            }
            if (attempt(row, "indicator.", () -> draft.decide(define))) {
                indicatorsDefined++;
                return true;
            }
            return false;
        }

        private void actual(int row, RecordActual record) {
            if (!addressed(row, "actual", record.evaluationId())) {
                return;
            }
            ActualValue current = record.indicatorId() == null ? null : draft.actuals.get(record.indicatorId().value());
            if (current != null && record.actual() != null && current.text().equals(record.actual().strip())) {
                unchanged++;
                return;
            }
            if (attempt(row, "actual.", () -> draft.decide(record))) {
                actualsRecorded++;
            }
        }

        private void judgement(int row, EnterJudgementScore enter) {
            if (!addressed(row, "judgement", enter.evaluationId())) {
                return;
            }
            RubricItemCode code = enter.rubricItemCode();
            if (code != null && !once(row, "judgement.rubricItemCode", firstRowOfJudgement, code.value(),
                    "评分项 " + code)) {
                return;
            }
            if (code != null && enter.score() != null && enter.basis() != null) {
                BigDecimal score = draft.judgementScores.get(code.value());
                String basis = draft.judgementBases.get(code.value());
                if (score != null && score.compareTo(enter.score()) == 0 && enter.basis().strip().equals(basis)) {
                    unchanged++;
                    return;
                }
            }
            if (attempt(row, "judgement.", () -> draft.decide(enter))) {
                judgementScoresEntered++;
            }
        }

        /** A row's command must address the evaluation the table is imported into. */
        private boolean addressed(int row, String part, EvaluationId evaluationId) {
            if (target.equals(evaluationId)) {
                return true;
            }
            errors.add(new RowError(row, part + ".evaluationId", "该行指向另一个部门年度自评: " + evaluationId));
            return false;
        }

        /** An indicator or judgement item appears on one row of a table only. */
        private boolean once(int row, String field, Map<String, Integer> firstRows, String key, String label) {
            Integer first = firstRows.putIfAbsent(key, row);
            if (first == null) {
                return true;
            }
            errors.add(new RowError(row, field, label + " 在本表中重复出现（已见于第 " + first + " 行）"));
            return false;
        }

        /** Decides one command of a row on the draft; a refusal is collected instead of thrown. */
        private boolean attempt(int row, String prefix, Supplier<EvaluationEvent> decision) {
            EvaluationEvent event;
            try {
                event = decision.get();
            } catch (DomainException refused) {
                errors.add(new RowError(row, prefix + refused.field(), refused.rule()));
                return false;
            }
            draft.evolve(event);
            events.add(event);
            return true;
        }
    }

    /** A copy of this evaluation's state to decide an import on; the values held are immutable. */
    private Evaluation draft() {
        Evaluation copy = new Evaluation();
        copy.evaluationId = evaluationId;
        copy.rubricVersion = rubricVersion;
        copy.targets = new LinkedHashMap<>(targets);
        copy.names = new LinkedHashMap<>(names);
        copy.actuals = new LinkedHashMap<>(actuals);
        copy.judgementScores = new LinkedHashMap<>(judgementScores);
        copy.judgementBases = new LinkedHashMap<>(judgementBases);
        copy.bonusPenaltyEntries = new LinkedHashMap<>(bonusPenaltyEntries);
        copy.submissions = submissions;
        copy.declaredFigures = new HashSet<>(declaredFigures);
        copy.importedTables = new HashSet<>(importedTables);
        return copy;
    }

    /** Moves a draft on by an event an import row decided, through the same handlers event sourcing uses. */
    private void evolve(EvaluationEvent event) {
        if (event instanceof IndicatorDefined e) {
            on(e);
        } else if (event instanceof IndicatorActualRecorded e) {
            on(e);
        } else if (event instanceof JudgementScoreEntered e) {
            on(e);
        } else if (event instanceof DeclaredFigureRecorded e) {
            on(e);
        } else {
            throw new IllegalStateException("an import row does not record " + event.getClass().getSimpleName());
        }
    }

    @EventSourcingHandler
    void on(EvaluationStarted event) {
        evaluationId = event.evaluationId();
        rubricVersion = event.rubricVersion();
    }

    @EventSourcingHandler
    void on(IndicatorDefined event) {
        targets.put(event.indicatorId().value(), event.target());
        names.put(event.indicatorId().value(), event.name());
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
        judgementBases.put(event.rubricItemCode().value(), event.basis());
    }

    @EventSourcingHandler
    void on(JudgementScoreWithdrawn event) {
        judgementScores.remove(event.rubricItemCode().value());
        judgementBases.remove(event.rubricItemCode().value());
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

    @EventSourcingHandler
    void on(EvaluationTableImported event) {
        importedTables.add(event.digest());
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
