package cn.perfledger.app.imports.evaluation;

import cn.perfledger.app.evaluation.SelfEvaluationEntries;
import cn.perfledger.app.evaluation.SelfEvaluationEntries.IndicatorEntry;
import cn.perfledger.app.imports.evaluation.TableLayout.ItemLine;
import cn.perfledger.app.imports.evaluation.TableLayout.Role;
import cn.perfledger.app.imports.evaluation.TableLayout.Table;
import cn.perfledger.app.imports.evaluation.TableLayout.TotalLine;
import cn.perfledger.app.imports.evaluation.TableLayout.Value;
import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.IndicatorId;
import cn.perfledger.domain.common.RubricItemCode;
import cn.perfledger.domain.evaluation.Direction;
import cn.perfledger.domain.evaluation.EvaluationCommand.DefineIndicator;
import cn.perfledger.domain.evaluation.EvaluationCommand.EnterJudgementScore;
import cn.perfledger.domain.evaluation.EvaluationCommand.RecordActual;
import cn.perfledger.domain.evaluation.EvaluationCommand.RecordDeclaredFigure;
import cn.perfledger.domain.evaluation.EvaluationCommand.RecordItemExplanation;
import cn.perfledger.domain.evaluation.EvaluationCommand.TableRow;
import cn.perfledger.domain.evaluation.EvaluationId;
import cn.perfledger.domain.evaluation.Grade;
import cn.perfledger.domain.evaluation.TargetExpression;
import cn.perfledger.domain.evaluation.RowsRefusedException.RowError;
import cn.perfledger.domain.rubric.InputReference;
import cn.perfledger.domain.rubric.RubricEvent.RubricPublished;
import cn.perfledger.domain.rubric.RubricNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps the rows of a 自评表 onto the year's published rubric and turns each into the evaluation commands it stands for
 * (see {@link SelfEvaluationEntries}): a row is found by its 三级指标 — the name of a rubric leaf, or its code — and its
 * 分值 must be the leaf's weight. Then, by how the rubric scores the leaf:
 * <ul>
 *   <li>a judged leaf: the row's 得分 is entered as the judgement score with its 评分依据;</li>
 *   <li>a leaf scored from one indicator: the indicator is defined with the row's 年度指标值 and its 实际完成值 is
 *       recorded (a 年度指标值 the ledger cannot measure is refused, never skipped); the printed 得分 is recorded as a
 *       declared figure, so the reconciliation compares it with the score the ledger derives;</li>
 *   <li>a leaf the ledger derives otherwise (a ledger metric, an indicator group, the bonus/penalty entries): the
 *       printed 得分 is a declared figure.</li>
 * </ul>
 * A computed leaf's 评分依据 / 偏差原因 cell is the department's explanation of the item ({@code RecordItemExplanation}).
 * The 总分 row's 得分 is the declared total. Problems of the table itself (unknown item, wrong 分值, a 得分 that is not a
 * number or exceeds the 分值, the same item twice) are collected here with their cell; the rules of the commands are the
 * aggregate's, whose refusals {@link #locate} maps back onto the cells.
 */
final class TableMapping {

    /** 加减分项: entered one by one (kind, points, 文号), never inferred from a printed net score. */
    private static final String BONUS_NOTE = "“%s”（第 %d 行）的得分 %s 只作为申报数字核对：加减分事项须逐项登记（类型、分值、文号），"
            + "见 POST …/evaluation/bonus-penalties";

    private final Table table;
    private final RubricPublished rubric;
    private final EvaluationId evaluation;
    private final String document;
    private final String figurePrefix;
    private final LocalDate definedOn;
    private final LocalDate assessedOn;
    private final String evaluator;

    private final RubricIndex index;

    private final List<TableRow> rows = new ArrayList<>();
    private final List<CellError> errors = new ArrayList<>();
    private final CellReader cells = new CellReader(errors);
    private final List<String> notes = new ArrayList<>();
    private final Map<Integer, ItemLine> itemsByRow = new LinkedHashMap<>();
    private final Map<String, Integer> rowOfLeaf = new LinkedHashMap<>();
    private final Set<Integer> budgetRows = new java.util.HashSet<>();

    /** The commands of the rows that could be mapped, the problems of those that could not, and notes. */
    record Mapping(List<TableRow> rows, List<CellError> errors, List<String> notes) {
    }

    /** The uploader's direction for rows without 指标性质 whose 年度指标值 states none; null: none given. */
    private final Direction defaultDirection;

    private TableMapping(Table table, RubricPublished rubric, EvaluationId evaluation, String fileName, String digest,
            LocalDate assessedOn, String evaluator, Direction defaultDirection) {
        this.defaultDirection = defaultDirection;
        this.table = table;
        this.rubric = rubric;
        this.evaluation = evaluation;
        this.document = truncate("自评表 " + fileName, 200);
        this.figurePrefix = "ET-" + digest.substring(0, 12) + "-R";
        this.definedOn = evaluation.fiscalYearId().year().firstDay();
        this.assessedOn = assessedOn;
        this.evaluator = evaluator;
        this.index = new RubricIndex(rubric);
    }

    /**
     * Maps {@code table} onto {@code rubric} for {@code evaluation}. Indicators are defined effective on the year's
     * first day (the 年度指标值 are the year's targets); actuals, scores and declared figures on {@code assessedOn},
     * the 评价基准日 the table assesses. Declared figures are named after the file's digest and their row, so that
     * each version of a table is its own document.
     */
    static TableMapping of(Table table, RubricPublished rubric, EvaluationId evaluation, String fileName, String digest,
            LocalDate assessedOn, String evaluator, Direction defaultDirection) {
        TableMapping mapping = new TableMapping(table, rubric, evaluation, fileName, digest, assessedOn, evaluator,
                defaultDirection);
        mapping.map();
        return mapping;
    }

    /** Without a direction from the uploader: rows whose 年度指标值 states none need 指标性质. */
    static TableMapping of(Table table, RubricPublished rubric, EvaluationId evaluation, String fileName, String digest,
            LocalDate assessedOn, String evaluator) {
        return of(table, rubric, evaluation, fileName, digest, assessedOn, evaluator, null);
    }

    /** Where in the table a refusal of the aggregate points (see {@link RefusalLocator}). */
    CellError locate(RowError refusal) {
        return RefusalLocator.locate(refusal, itemsByRow.get(refusal.row()),
                table.total() != null && table.total().row() == refusal.row() ? table.total() : null,
                budgetRows.contains(refusal.row()));
    }

    Mapping result() {
        return new Mapping(List.copyOf(rows), List.copyOf(errors), List.copyOf(notes));
    }

    private void map() {
        errors.addAll(table.errors());
        for (ItemLine line : table.items()) {
            itemsByRow.put(line.row(), line);
            RubricIndex.Leaf leaf = find(line);
            if (leaf != null) {
                map(line, leaf);
            }
        }
        if (table.total() != null) {
            total(table.total());
        }
        if (table.budget() != null) {
            budget(table.budget());
        }
        Set<String> judgedMissing = new LinkedHashSet<>(SelfEvaluationEntries.judgedItems(rubric.tree()));
        judgedMissing.removeAll(rowOfLeaf.keySet());
        if (!judgedMissing.isEmpty() && !table.items().isEmpty()) {
            notes.add("评价体系 " + rubric.rubricVersionId() + " 中以下评价人评分项未出现在表中，未录入评分: "
                    + String.join("、", judgedMissing.stream().map(code -> index.byCode(code).node().name()).toList()));
        }
        errors.sort(Comparator.comparing((CellError e) -> e.row() == null ? 0 : e.row())
                .thenComparing(e -> e.column() == null ? "" : e.column(), Comparator.comparingInt(String::length)
                        .thenComparing(Comparator.naturalOrder())));
    }

    /** The rubric leaf a row names, by name (disambiguated by its 一级/二级) or by code; null after recording why not. */
    private RubricIndex.Leaf find(ItemLine line) {
        Value item = line.value(Role.ITEM);
        List<RubricIndex.Leaf> candidates = index.byName(item.text());
        RubricIndex.Leaf byCode = index.byCode(item.text());
        if (candidates.isEmpty() && byCode != null) {
            candidates = List.of(byCode);
        }
        if (candidates.size() > 1) {
            List<RubricIndex.Leaf> inContext = candidates.stream().filter(leaf -> leaf.under(line.level1())
                    && leaf.under(line.level2())).toList();
            if (inContext.size() == 1) {
                candidates = inContext;
            } else {
                cells.error(line.row(), item, "评价体系 " + rubric.rubricVersionId() + " 中有多个名为「" + item.text() + "」的三级指标（"
                        + String.join("、", candidates.stream().map(l -> l.node().code().value()).toList())
                        + "），本行的一级/二级指标无法区分：请改写为评分项编码");
                return null;
            }
        }
        if (candidates.isEmpty()) {
            cells.error(line.row(), item, index.unknownItem(line, item));
            return null;
        }
        RubricIndex.Leaf leaf = candidates.get(0);
        Integer earlier = rowOfLeaf.putIfAbsent(leaf.node().code().value(), line.row());
        if (earlier != null) {
            cells.error(line.row(), item, "与第 " + earlier + " 行是同一评分项（" + leaf.node().code() + " " + leaf.node().name() + "）");
            return null;
        }
        return leaf;
    }

    private void map(ItemLine line, RubricIndex.Leaf leaf) {
        RubricNode node = leaf.node();
        int row = line.row();
        int before = errors.size();
        weight(line, node);
        Value scoreCell = line.value(Role.SCORE);
        BigDecimal score = score(line, node, scoreCell);
        InputReference input = node.input();
        if (node.judged()) {
            String basis = cells.text(row, line.value(Role.BASIS));
            if (line.header().has(Role.TARGET)) {
                basis = withTargetAndActual(basis, line);
            }
            EnterJudgementScore judgement = SelfEvaluationEntries.judgement(evaluation, node.code(), score, basis,
                    evaluator, assessedOn);
            add(before, new TableRow(row, null, null, judgement, null));
        } else if (input instanceof InputReference.IndicatorInput indicator) {
            if (!line.header().has(Role.TARGET)) {
                cells.error(row, line.value(Role.ITEM), "「" + node.name() + "」按绩效指标完成情况计分，须写在有“年度指标值”“实际完成值”列的表头之下"
                        + "（本节表头为“" + line.header().label(Role.DESCRIPTION) + "”）");
                return;
            }
            IndicatorCells.Read read = IndicatorCells.read(line, cells);
            if (read == null) {
                return;
            }
            Direction direction = read.direction();
            Grade grade;
            try {
                if (direction == null && defaultDirection != null && read.target() != null
                        && TargetExpression.statedDirection(read.target()).isEmpty()) {
                    direction = defaultDirection; // the uploader's direction for rows that state none
                }
                grade = Grade.fromText("grade", cells.text(row, line.value(Role.GRADE)));
                if (grade == null && !line.header().has(Role.GRADE) && read.actual() != null && read.target() != null
                        && (direction == Direction.QUALITATIVE || TargetExpression.statedDirection(read.target())
                                .filter(d -> d == Direction.QUALITATIVE).isPresent())) {
                    grade = gradePrinted(read.actual());
                }
            } catch (DomainException refused) {
                cells.error(row, line.value(Role.GRADE), refused.rule());
                return;
            }
            if (read.note() != null) {
                notes.add(read.note());
            }
            IndicatorCells.checkExtras(line, node.weight(), score, cells);
            IndicatorEntry entry = new IndicatorEntry(
                    indicator.indicatorId() != null ? indicator.indicatorId() : new IndicatorId(node.code().value()),
                    leaf.ancestors().subList(Math.max(0, leaf.ancestors().size() - 3), leaf.ancestors().size()),
                    node.name(), node.weight(), read.target(), direction, read.actual(), grade,
                    indicator.indicatorId() != null ? node.code() : indicator.taggedWith());
            DefineIndicator define = SelfEvaluationEntries.define(evaluation, entry, definedOn);
            RecordActual actual = SelfEvaluationEntries.actual(evaluation, entry, assessedOn);
            add(before, new TableRow(row, define, actual, null, scoreFigure(line, node, scoreCell, score),
                    explanation(line, node)));
        } else {
            if (input instanceof InputReference.BonusPenaltyInput && score != null) {
                notes.add(String.format(BONUS_NOTE, node.name(), row, scoreCell.text()));
            }
            RecordDeclaredFigure figure = scoreFigure(line, node, scoreCell, score);
            RecordItemExplanation explanation = explanation(line, node);
            if (figure != null || explanation != null) {
                add(before, new TableRow(row, null, null, null, figure, explanation));
            }
        }
    }

    /** What a computed item's 评分依据 / 偏差原因 cell says, as the department's explanation of it; null when blank. */
    private RecordItemExplanation explanation(ItemLine line, RubricNode node) {
        if (!line.header().has(Role.BASIS)) {
            return null;
        }
        return SelfEvaluationEntries.explanation(evaluation, node.code(), line.header().label(Role.BASIS),
                cells.text(line.row(), line.value(Role.BASIS)), assessedOn);
    }

    /** A row is sent to the aggregate only when the table itself has nothing against it. */
    private void add(int errorsBefore, TableRow row) {
        if (errors.size() == errorsBefore) {
            rows.add(row);
        }
    }

    private void weight(ItemLine line, RubricNode node) {
        if (!line.header().has(Role.WEIGHT)) {
            return; // a layout that prints no 分值: the rubric's weight stands
        }
        Value cell = line.value(Role.WEIGHT);
        BigDecimal weight = cells.number(line.row(), cell, "分值");
        if (weight != null && weight.compareTo(node.weight()) != 0) {
            cells.error(line.row(), cell, "分值 " + cell.text() + " 与评价体系 " + rubric.rubricVersionId() + " 中该项（" + node.code()
                    + "）的分值 " + node.weight().toPlainString() + " 不一致");
        } else if (weight == null && cell.blank()) {
            cells.error(line.row(), cell, "分值不能为空（评价体系中该项为 " + node.weight().toPlainString() + " 分）");
        }
    }

    /** The printed 得分 (null when blank, the aggregate decides whether that is allowed), within the item's 分值. */
    private BigDecimal score(ItemLine line, RubricNode node, Value cell) {
        BigDecimal score = cells.number(line.row(), cell, "得分");
        if (score == null) {
            return null;
        }
        boolean bonus = node.input() instanceof InputReference.BonusPenaltyInput;
        if (score.compareTo(node.weight()) > 0 || (bonus && score.negate().compareTo(node.weight()) > 0)) {
            cells.error(line.row(), cell, "得分 " + cell.text() + " 超过该项分值 " + node.weight().toPlainString());
        } else if (score.signum() < 0 && !bonus && !node.judged()) {
            cells.error(line.row(), cell, "得分不能为负数: " + cell.text());
        }
        return score;
    }

    private RecordDeclaredFigure scoreFigure(ItemLine line, RubricNode node, Value cell, BigDecimal score) {
        if (score == null) {
            return null; // nothing printed, nothing to compare
        }
        return new RecordDeclaredFigure(evaluation, figurePrefix + line.row(), document,
                truncate(node.name() + " 得分", 1000), cells.text(line.row(), cell), "分", "SCORE[" + node.code() + "].ITEM",
                null, assessedOn);
    }

    private void total(TotalLine line) {
        Value weightCell = line.value(Role.LEVEL1_WEIGHT).blank() ? line.value(Role.WEIGHT) : line.value(Role.LEVEL1_WEIGHT);
        BigDecimal weight = cells.number(line.row(), weightCell, "分值");
        if (weight != null && weight.compareTo(rubric.totalWeight()) != 0) {
            cells.error(line.row(), weightCell, "总分 " + weightCell.text() + " 与评价体系 " + rubric.rubricVersionId() + " 的总分值 "
                    + rubric.totalWeight().toPlainString() + " 不一致");
        }
        Value scoreCell = line.value(Role.SCORE);
        if (scoreCell.blank() && !line.header().has(Role.WEIGHT)) {
            scoreCell = soleNumber(line, scoreCell); // a form without 分值 prints 总分 once, merged across the row
        }
        int before = errors.size();
        BigDecimal score = cells.number(line.row(), scoreCell, "得分");
        grade(line, score);
        if (score == null) {
            return;
        }
        RecordDeclaredFigure figure = new RecordDeclaredFigure(evaluation, figurePrefix + line.row(), document,
                "自评得分（总分）", score.toPlainString(), "分", "SCORE.TOTAL", null, assessedOn);
        add(before, new TableRow(line.row(), null, null, null, figure));
    }

    /** The 预算资金 block's figures, its 得分 as the score of the rubric item the layout names for it. */
    private void budget(BudgetBlock.Block block) {
        LayoutDefinition.Budget definition = table.layout().budget();
        RubricIndex.Leaf scoreLeaf = definition.scoreItems().stream()
                .map(index::byName)
                .filter(found -> found.size() == 1).map(found -> found.get(0)).findFirst().orElse(null);
        int before = errors.size();
        BudgetFigures figures = BudgetFigures.of(block, definition, evaluation, document, figurePrefix, assessedOn, cells,
                scoreLeaf == null ? null : scoreLeaf.node());
        if (errors.size() == before) {
            rows.addAll(figures.rows());
        }
        notes.addAll(figures.notes());
        figures.rows().forEach(row -> budgetRows.add(row.row()));
    }

    /** The one number a 总分 row prints (“100分”), when it prints exactly one; else the blank cell as it was. */
    private static Value soleNumber(TotalLine line, Value blank) {
        Value found = null;
        for (int c = 1; c < line.cells().size(); c++) {
            String text = TableLayout.clean(line.cells().get(c));
            if (text.isEmpty()) {
                continue;
            }
            if (found != null || !TableLayout.normalise(text).matches("\\d+(\\.\\d+)?分?")) {
                return blank;
            }
            found = new Value(text, c, "总分");
        }
        return found != null ? found : blank;
    }

    /** The printed 自评等级 against the grade the rubric gives the printed 总分. */
    private void grade(TotalLine line, BigDecimal total) {
        if (line.grade() == null || line.grade().blank() || total == null) {
            return;
        }
        String expected = rubric.grades().gradeOf(total);
        if (!TableLayout.normalise(line.grade().text()).equals(TableLayout.normalise(expected))) {
            notes.add("所印自评等级「" + line.grade().text() + "」与所印总分 " + total.toPlainString() + " 按评价体系等级划分应为「"
                    + expected + "」不符");
        }
    }

    /**
     * The grade a form without an 评定等级 column prints as the actual of a 定性 indicator (达成预期指标 → 达成), or null
     * when the actual is not one of the grades (the aggregate then asks for it).
     */
    private static Grade gradePrinted(String actual) {
        try {
            return Grade.fromText("grade", actual);
        } catch (DomainException notAGrade) {
            return null;
        }
    }

    /** A judged item under a 年度指标值 header keeps what the row says of its target and actual, in its basis. */
    private static String withTargetAndActual(String basis, ItemLine line) {
        Value target = line.value(Role.TARGET);
        Value actual = line.value(Role.ACTUAL);
        List<String> parts = new ArrayList<>();
        if (!target.blank()) {
            parts.add(target.label() + "：" + target.text());
        }
        if (!actual.blank()) {
            parts.add(actual.label() + "：" + actual.text());
        }
        if (basis == null) {
            // a form without a 评分依据 column: what the row states of its target and actual is the basis
            return parts.isEmpty() ? null : String.join("；", parts);
        }
        return parts.isEmpty() ? basis : basis + "\n（" + String.join("；", parts) + "）";
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
