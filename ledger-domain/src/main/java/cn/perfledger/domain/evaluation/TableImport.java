package cn.perfledger.domain.evaluation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.Ids;
import cn.perfledger.domain.common.RowDecisions;
import cn.perfledger.domain.common.RubricItemCode;
import cn.perfledger.domain.evaluation.EvaluationCommand.DefineIndicator;
import cn.perfledger.domain.evaluation.EvaluationCommand.EnterJudgementScore;
import cn.perfledger.domain.evaluation.EvaluationCommand.ImportEvaluationTable;
import cn.perfledger.domain.evaluation.EvaluationCommand.RecordActual;
import cn.perfledger.domain.evaluation.EvaluationCommand.RecordItemExplanation;
import cn.perfledger.domain.evaluation.EvaluationCommand.StartEvaluation;
import cn.perfledger.domain.evaluation.EvaluationCommand.TableRow;
import cn.perfledger.domain.evaluation.EvaluationEvent.EvaluationStarted;
import cn.perfledger.domain.evaluation.EvaluationEvent.EvaluationTableImported;
import cn.perfledger.domain.evaluation.RowsRefusedException.RowError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The import of a 自评表 ({@link ImportEvaluationTable}) all or nothing, on the shared {@link RowDecisions} loop. The
 * file's digest makes a repeated import a reported no-op. Otherwise each row is decided, in file order, on a draft
 * copy of the evaluation that already holds the rows before it, by the same decide methods as the single commands; a refusal is collected with its row and field and the draft goes on, so
 * that one answer lists every problem. Only when no row is refused are the events applied to the evaluation: the
 * table's {@link EvaluationTableImported} first, then each row's events in file order.
 *
 * <p>A row may restate what the evaluation already holds (a corrected table imported again): an indicator defined
 * before with the same 年度指标值, an actual with the same text, a score with the same points and 评分依据 record
 * nothing and are counted as unchanged (so does an item's explanation restated; a new one is recorded among the
 * row's events, not counted in {@link EvaluationTableImported}, whose form predates it). A different 年度指标值 for
 * an indicator defined before is refused: a target is revised only with a reason ({@code ReviseTarget}). Within one table an indicator or judgement item may appear
 * once.
 */
final class TableImport {

    private final Evaluation draft;
    private final EvaluationId target;
    /** Indicators defined before the import: a row may restate them. */
    private final Set<String> definedBefore;
    /** The first row naming each indicator and judgement item of this table. */
    private final Map<String, Integer> firstRowOfIndicator = new LinkedHashMap<>();
    private final Map<String, Integer> firstRowOfJudgement = new LinkedHashMap<>();
    private final RowDecisions<EvaluationEvent> decisions;
    private int indicatorsDefined;
    private int actualsRecorded;
    private int judgementScoresEntered;
    private int declaredFiguresRecorded;
    private int explanationsRecorded;
    private int unchanged;

    TableImport(Evaluation draft, EvaluationId target) {
        this.draft = draft;
        this.target = target;
        this.definedBefore = draft.indicators().definedIds();
        this.decisions = new RowDecisions<>(draft::evolve, Integer.MAX_VALUE);
    }

    void decide(TableRow row) {
        if (row == null) {
            decisions.refuse(0, "rows", "导入行不能为空", false);
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
        if (row.explanation() != null) {
            explanation(row.row(), row.explanation());
        }
        if (row.declaredFigure() != null && addressed(row.row(), "declaredFigure",
                row.declaredFigure().evaluationId())) {
            if (attempt(row.row(), "declaredFigure.", () -> draft.declaredFigures().decide(row.declaredFigure()))) {
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
            TargetExpression current = draft.indicators().target(id);
            String stated = define.targetExpression() == null ? "" : define.targetExpression().strip();
            if (current.text().equals(stated)) {
                unchanged++;
                return true;
            }
            decisions.refuse(row, "indicator.targetExpression", "指标 " + id + " 已设定，年度指标值为「"
                    + current.text() + "」；导入不修改已设定的目标值，如需调整请使用“调整指标目标值”并说明原因: " + stated, false);
            return false;
        }
        if (attempt(row, "indicator.", () -> draft.indicators().decide(define))) {
            indicatorsDefined++;
            return true;
        }
        return false;
    }

    private void actual(int row, RecordActual record) {
        if (!addressed(row, "actual", record.evaluationId())) {
            return;
        }
        ActualValue current = record.indicatorId() == null ? null : draft.indicators().actual(record.indicatorId().value());
        if (current != null && record.actual() != null && current.text().equals(record.actual().strip())) {
            unchanged++;
            return;
        }
        if (attempt(row, "actual.", () -> draft.indicators().decide(record))) {
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
            BigDecimal score = draft.judgements().score(code.value());
            String basis = draft.judgements().basis(code.value());
            if (score != null && score.compareTo(enter.score()) == 0 && enter.basis().strip().equals(basis)) {
                unchanged++;
                return;
            }
        }
        if (attempt(row, "judgement.", () -> draft.judgements().decide(enter))) {
            judgementScoresEntered++;
        }
    }

    /** A computed item's 评分依据 / 偏差原因 as the row states it; restating the one recorded records nothing. */
    private void explanation(int row, RecordItemExplanation record) {
        if (!addressed(row, "explanation", record.evaluationId())) {
            return;
        }
        if (draft.explanations().stands(record)) {
            unchanged++;
            return;
        }
        if (attempt(row, "explanation.", () -> draft.explanations().decide(record))) {
            explanationsRecorded++;
        }
    }

    /** A row's command must address the evaluation the table is imported into. */
    private boolean addressed(int row, String part, EvaluationId evaluationId) {
        if (target.equals(evaluationId)) {
            return true;
        }
        decisions.refuse(row, part + ".evaluationId", "该行指向另一个部门年度自评: " + evaluationId, false);
        return false;
    }

    /** An indicator or judgement item appears on one row of a table only. */
    private boolean once(int row, String field, Map<String, Integer> firstRows, String key, String label) {
        Integer first = firstRows.putIfAbsent(key, row);
        if (first == null) {
            return true;
        }
        decisions.refuse(row, field, label + " 在本表中重复出现（已见于第 " + first + " 行）", false);
        return false;
    }

    /** Decides one command of a row on the draft; a refusal is collected instead of thrown. */
    private boolean attempt(int row, String prefix, Supplier<EvaluationEvent> decision) {
        return decisions.decide(row, prefix, () -> List.of(decision.get()));
    }

    /** The refusals, as the importer reports them. */
    private List<RowError> errors() {
        return decisions.refusals().stream().map(r -> new RowError(r.row(), r.field(), r.rule())).toList();
    }

    /** The body of {@code Evaluation#handle(ImportEvaluationTable)}: decides the table and applies its events. */
    static ImportOutcome run(Evaluation evaluation, ImportEvaluationTable command) {
        if (command.digest() == null || !EvaluationPart.SHA256_HEX.matcher(command.digest()).matches()) {
            throw new DomainException("digest", "文件摘要必须是 64 位十六进制 SHA-256 值");
        }
        String digest = command.digest().toLowerCase(Locale.ROOT);
        List<TableRow> rows = command.rows();
        if (rows == null || rows.isEmpty()) {
            throw new DomainException("rows", "自评表中没有可导入的行");
        }
        if (evaluation.evaluationId() != null && evaluation.imported(digest)) {
            return ImportOutcome.alreadyImported(digest, rows.size());
        }
        String fileName = Ids.requireText("fileName", command.fileName(), 200);
        List<EvaluationEvent> events = new ArrayList<>();
        Evaluation draft;
        if (evaluation.evaluationId() == null) {
            EvaluationStarted started = evaluation.decide(new StartEvaluation(command.evaluationId(), command.rubricVersion()));
            events.add(started);
            draft = new Evaluation();
            draft.on(started);
        } else {
            if (!evaluation.rubricVersion().equals(command.rubricVersion())) {
                throw new DomainException("rubricVersion", "自评表按评价体系版本 " + command.rubricVersion()
                        + " 对应，但该年度自评使用 " + evaluation.rubricVersion());
            }
            draft = evaluation.draft();
        }
        draft.requireInEvaluationWindow("effectiveDate", command.effectiveDate());

        TableImport table = new TableImport(draft, command.evaluationId());
        for (TableRow row : rows) {
            table.decide(row);
        }
        if (table.decisions.anyRefused()) {
            throw new RowsRefusedException(table.errors());
        }
        EvaluationTableImported imported = new EvaluationTableImported(command.evaluationId(), fileName, digest,
                rows.size(), table.indicatorsDefined, table.actualsRecorded, table.judgementScoresEntered,
                table.declaredFiguresRecorded, table.unchanged, command.effectiveDate());
        ImportOutcome outcome = new ImportOutcome(!command.validateOnly(), false, digest, rows.size(),
                table.indicatorsDefined, table.actualsRecorded, table.judgementScoresEntered,
                table.declaredFiguresRecorded, table.explanationsRecorded, table.unchanged);
        if (command.validateOnly()) {
            return outcome;
        }
        events.add(imported);
        events.addAll(table.decisions.events());
        events.forEach(event -> apply(event));
        return outcome;
    }
}
