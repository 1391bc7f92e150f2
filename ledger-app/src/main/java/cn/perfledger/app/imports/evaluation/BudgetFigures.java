package cn.perfledger.app.imports.evaluation;

import cn.perfledger.app.imports.evaluation.BudgetBlock.Block;
import cn.perfledger.app.imports.evaluation.BudgetBlock.Line;
import cn.perfledger.app.imports.evaluation.LayoutDefinition.Budget;
import cn.perfledger.app.imports.evaluation.LayoutDefinition.BudgetColumn;
import cn.perfledger.app.imports.evaluation.TableLayout.Value;
import cn.perfledger.domain.rubric.RubricNode;
import cn.perfledger.domain.evaluation.DeclaredStructure;
import cn.perfledger.domain.evaluation.DeclaredStructure.Operand;
import cn.perfledger.domain.evaluation.EvaluationCommand.RecordDeclaredFigure;
import cn.perfledger.domain.evaluation.EvaluationCommand.TableRow;
import cn.perfledger.domain.evaluation.EvaluationId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The 预算资金 block as declared figures, each compared by the reconciliation with the ledger: the amounts of a row
 * with a ledger scope (年度资金总额 → {@code TOTAL}, 当年财政拨款 → {@code FISCAL}) as 年初预算 / 全年预算 / 执行数 in the
 * unit printed, the 执行率 with the printed operands it was computed from (so that its arithmetic is checked without
 * the ledger), the 得分 as the score of the rubric item the layout names. The printed block's own arithmetic —
 * 年度资金总额 against the sum of its 其中 rows, 执行率 against 执行数 ÷ 预算数, 得分 against 分值 × 执行率 capped at the
 * 分值 — is checked here and each disagreement flagged in the notes: the printed figures are recorded as printed.
 */
final class BudgetFigures {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final Block block;
    private final Budget budget;
    private final EvaluationId evaluation;
    private final String document;
    private final String figurePrefix;
    private final LocalDate assessedOn;
    private final CellReader cells;
    private final List<TableRow> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    /** The sums of the 其中 rows where the 年度资金总额 row disagrees with them. */
    private final java.util.Map<BudgetColumn, BigDecimal> partSums = new java.util.EnumMap<>(BudgetColumn.class);

    private BudgetFigures(Block block, Budget budget, EvaluationId evaluation, String document, String figurePrefix,
            LocalDate assessedOn, CellReader cells) {
        this.block = block;
        this.budget = budget;
        this.evaluation = evaluation;
        this.document = document;
        this.figurePrefix = figurePrefix;
        this.assessedOn = assessedOn;
        this.cells = cells;
    }

    /** The figures and notes of {@code block}; {@code scoreItem} is the rubric item its 得分 scores, or null. */
    static BudgetFigures of(Block block, Budget budget, EvaluationId evaluation, String document, String figurePrefix,
            LocalDate assessedOn, CellReader cells, RubricNode scoreItem) {
        BudgetFigures figures = new BudgetFigures(block, budget, evaluation, document, figurePrefix, assessedOn, cells);
        figures.map(scoreItem);
        return figures;
    }

    List<TableRow> rows() {
        return rows;
    }

    List<String> notes() {
        return notes;
    }

    private void map(RubricNode scoreItem) {
        for (Line line : block.lines()) {
            String scope = line.definition().scope();
            int before = cells.count();
            for (BudgetColumn column : List.of(BudgetColumn.INITIAL, BudgetColumn.FULL_YEAR, BudgetColumn.EXECUTED)) {
                String amount = cells.amount(line.row(), line.value(column), line.definition().label());
                if (amount != null && scope != null) {
                    figure(line, column, amount, block.unit(), scope + "." + measure(column), null);
                }
            }
            if (cells.count() != before) {
                continue;
            }
            if (line == block.lines().get(0)) {
                checkParts(line);
            }
            rate(line, scope);
            if (line == block.lines().get(0)) {
                score(line, scoreItem);
            }
        }
    }

    private void rate(Line line, String scope) {
        Value rate = line.value(BudgetColumn.RATE);
        if (rate == null) {
            return;
        }
        BudgetColumn denominatorColumn = line.value(BudgetColumn.FULL_YEAR) != null ? BudgetColumn.FULL_YEAR
                : BudgetColumn.INITIAL;
        Value numerator = line.value(BudgetColumn.EXECUTED);
        Value denominator = line.value(denominatorColumn);
        DeclaredStructure structure = null;
        BigDecimal printed = percent(rate.text());
        if (printed == null) {
            cells.error(line.row(), rate, "执行率应为百分数（如 99.89%）: " + rate.text());
            return;
        }
        boolean zero = denominator == null || new BigDecimal(plain(denominator.text())).signum() == 0;
        if (numerator != null && !zero) {
            structure = new DeclaredStructure(DeclaredStructure.Kind.RATIO, List.of(
                    new Operand(DeclaredStructure.Role.NUMERATOR, numerator.label(), plain(numerator.text())),
                    new Operand(DeclaredStructure.Role.DENOMINATOR, denominator.label(), plain(denominator.text()))));
            BigDecimal d = new BigDecimal(plain(denominator.text()));
            {
                BigDecimal computed = new BigDecimal(plain(numerator.text())).multiply(HUNDRED)
                        .divide(d, 2, RoundingMode.HALF_UP);
                if (computed.subtract(printed).abs().compareTo(new BigDecimal("0.01")) > 0) {
                    notes.add("预算资金第 " + line.row() + " 行“" + line.definition().label() + "”执行率印为 " + rate.text() + "，按 "
                            + numerator.label() + " ÷ " + denominator.label() + " = " + numerator.text() + " ÷ "
                            + denominator.text() + " 应为 " + computed.toPlainString() + "%：所印执行率与其算式不符");
                }
            }
        }
        if (scope != null) {
            figure(line, BudgetColumn.RATE, rate.text(), "%", scope + ".EXECUTION_RATE", structure);
        }
    }

    /** 年度资金总额 against the sum of the 其中 rows, column by column, where any part is printed. */
    private void checkParts(Line total) {
        for (BudgetColumn column : List.of(BudgetColumn.INITIAL, BudgetColumn.FULL_YEAR, BudgetColumn.EXECUTED)) {
            Value printed = total.value(column);
            BigDecimal sum = BigDecimal.ZERO;
            List<String> parts = new ArrayList<>();
            for (Line part : block.lines().subList(1, block.lines().size())) {
                Value value = part.value(column);
                if (value != null && plain(value.text()).matches("[+-]?\\d+(\\.\\d+)?")) {
                    sum = sum.add(new BigDecimal(plain(value.text())));
                    parts.add(part.definition().label() + " " + value.text());
                }
            }
            if (parts.isEmpty()) {
                continue;
            }
            BigDecimal stated = printed == null ? BigDecimal.ZERO : new BigDecimal(plain(printed.text()));
            // both printed: a part blank in the total row is a printing omission the note names as such
            if (stated.compareTo(sum) != 0) {
                notes.add("预算资金“" + total.definition().label() + "”的" + label(column) + "印为 "
                        + (printed == null ? "空" : printed.text()) + "，而其中各项之和为 " + sum.toPlainString() + "（"
                        + String.join(" + ", parts) + "）：所印合计与分项不符");
                partSums.put(column, sum);
            }
        }
    }

    /**
     * The block's 得分 against 分值 × 执行率 (capped at the 分值; the 分值 printed, else the rubric item's), and as the
     * declared score of that item. A blank 得分 is said, with what the printed 执行率 gives.
     */
    private void score(Line line, RubricNode scoreItem) {
        Value score = line.value(BudgetColumn.SCORE);
        Value weightCell = line.value(BudgetColumn.WEIGHT);
        BigDecimal weight = weightCell == null ? (scoreItem == null ? null : scoreItem.weight())
                : cells.number(line.row(), weightCell, "预算资金分值");
        BigDecimal rate = line.value(BudgetColumn.RATE) == null ? null : percent(line.value(BudgetColumn.RATE).text());
        BigDecimal computed = weight == null || rate == null ? null
                : weight.multiply(rate.min(HUNDRED)).divide(HUNDRED, 2, RoundingMode.HALF_UP);
        if (score == null) {
            if (computed != null) {
                notes.add("预算资金得分未填；按 分值 " + weight.toPlainString() + " × 执行率 " + rate.toPlainString()
                        + "%（最高不超过分值）应为 " + computed.toPlainString());
            }
            return;
        }
        BigDecimal printedScore = cells.number(line.row(), score, "预算资金得分");
        if (printedScore == null) {
            return;
        }
        if (computed != null) {
            if (computed.compareTo(printedScore.setScale(2, RoundingMode.HALF_UP)) != 0) {
                notes.add("预算资金得分印为 " + score.text() + "，按 分值 " + weight.toPlainString() + " × 执行率 "
                        + rate.toPlainString() + "%（最高不超过分值）应为 " + computed.toPlainString() + "：所印得分与执行率不符");
            }
        }
        BigDecimal partsFull = partSums.get(BudgetColumn.FULL_YEAR);
        BigDecimal partsExecuted = partSums.get(BudgetColumn.EXECUTED);
        if (weight != null && partsFull != null && partsExecuted != null && partsFull.signum() > 0) {
            BigDecimal partsRate = partsExecuted.multiply(HUNDRED).divide(partsFull, 2, RoundingMode.HALF_UP);
            notes.add("按其中各项：执行率 " + partsExecuted.toPlainString() + " ÷ " + partsFull.toPlainString() + " = "
                    + partsRate.toPlainString() + "%，预算资金得分应为 " + weight.multiply(partsRate.min(HUNDRED))
                    .divide(HUNDRED, 2, RoundingMode.HALF_UP).toPlainString() + "（所印 " + score.text() + "）");
        }
        if (scoreItem == null) {
            notes.add("评价体系中没有「" + String.join("」「", budget.scoreItems()) + "」评分项：预算资金得分 " + score.text()
                    + " 未作为申报数登记");
            return;
        }
        rows.add(new TableRow(line.row(), null, null, null, new RecordDeclaredFigure(evaluation,
                figurePrefix + line.row() + "-SCORE", document, scoreItem.name() + " 得分", score.text(), "分",
                "SCORE[" + scoreItem.code() + "].ITEM", null, assessedOn)));
    }

    private void figure(Line line, BudgetColumn column, String printed, String unit, String key,
            DeclaredStructure structure) {
        rows.add(new TableRow(line.row(), null, null, null, new RecordDeclaredFigure(evaluation,
                figurePrefix + line.row() + "-" + column, document, "预算资金·" + line.definition().label() + "·"
                + line.value(column).label(), printed, unit, key, structure, assessedOn)));
    }

    private static String measure(BudgetColumn column) {
        return switch (column) {
            case INITIAL -> "INITIAL";
            case FULL_YEAR -> "FULL_YEAR";
            case EXECUTED -> "EXECUTED";
            default -> throw new IllegalArgumentException(column.name());
        };
    }

    private static String label(BudgetColumn column) {
        return switch (column) {
            case INITIAL -> "年初预算数";
            case FULL_YEAR -> "全年预算数";
            case EXECUTED -> "全年执行数";
            default -> column.name();
        };
    }

    private static String plain(String amount) {
        return TableLayout.normalise(amount).replace(",", "");
    }

    /** A printed rate in percent (99.89% → 99.89); null when it is not one. */
    static BigDecimal percent(String text) {
        String t = TableLayout.normalise(text);
        if (t.equals("0")) {
            return BigDecimal.ZERO; // nought is nought in any unit
        }
        if (!t.matches("[+-]?\\d+(\\.\\d+)?%")) {
            return null;
        }
        return new BigDecimal(t.substring(0, t.length() - 1));
    }
}
