package cn.perfledger.app.ui;

import cn.perfledger.projections.evaluation.Display;
import cn.perfledger.projections.evaluation.Flag;
import cn.perfledger.projections.evaluation.IndicatorReport;
import cn.perfledger.projections.scoring.Figure;
import cn.perfledger.projections.scoring.ScoredInput;
import cn.perfledger.projections.scoring.ScoredItem;
import cn.perfledger.projections.scoring.SelfEvaluationCells;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The scored 自评表 laid out as the official form (seed 002): 一级指标, 分值, 二级指标, 分值, 三级指标, 分值,
 * 指标解释/年度指标值, 实际完成值, 得分, 评分依据 — one row per leaf, 一级 and 二级 cells spanning their leaves. A
 * leaf above level 3 leaves the deeper columns empty; items deeper than level 3 are shown in the 三级 column
 * with the names of their intermediate groups in front.
 */
public final class EvaluationTable {

    private EvaluationTable() {
    }

    /** A hierarchy cell: the item, how many rows it spans, and whether it is itself the row's leaf. */
    public record Cell(String code, String name, String weight, String score, int rowspan, boolean leaf) {
    }

    /** An input of a leaf as listed when the row is expanded; figures keep money in both units. */
    public record InputView(String kindLabel, String code, String name, String display, List<FigureView> figures,
            String target, String actual, String completion, String status) {
    }

    /** A figure of an input: money as {@link Amount}, anything else as text. */
    public record FigureView(String name, Amount money, String text) {
    }

    /** One row of the table (one leaf). A null cell is covered by a rowspan above; {@code empty} cells are blank. */
    public record TableRow(Cell level1, Cell level2, Cell level3, boolean level2Empty, boolean level3Empty,
            String leafCode, String leafPrefix, String explanation, String target, String actual, String score,
            String exactScore, String basis, String evaluator, String ruleText, List<Flag> flags,
            List<InputView> inputs) {
    }

    public static List<TableRow> rows(List<ScoredItem> items) {
        return rows(items, -1);
    }

    /**
     * The rows with every score at one precision ({@code scale} decimals, the rubric's: see {@link #scoreScale});
     * {@code scale} −1 prints each score as it is.
     */
    public static List<TableRow> rows(List<ScoredItem> items, int scale) {
        List<TableRow> rows = new ArrayList<>();
        for (ScoredItem top : items) {
            List<ScoredItem> topLeaves = leaves(top);
            boolean topShown = false;
            if (top.leaf()) {
                rows.add(row(cell(top, 1, true, scale), null, null, true, true, top, "", scale));
                continue;
            }
            for (ScoredItem second : top.children()) {
                List<ScoredItem> secondLeaves = leaves(second);
                boolean secondShown = false;
                for (ScoredItem leaf : secondLeaves) {
                    Cell c1 = topShown ? null : cell(top, topLeaves.size(), false, scale);
                    topShown = true;
                    if (leaf == second) {
                        rows.add(row(c1, cell(second, 1, true, scale), null, false, true, leaf, "", scale));
                        continue;
                    }
                    Cell c2 = secondShown ? null : cell(second, secondLeaves.size(), false, scale);
                    secondShown = true;
                    String prefix = SelfEvaluationCells.groupsBetween(second, leaf);
                    rows.add(row(c1, c2, cell(leaf, 1, true, scale), false, false, leaf, prefix, scale));
                }
            }
        }
        return rows;
    }

    private static TableRow row(Cell c1, Cell c2, Cell c3, boolean empty2, boolean empty3, ScoredItem leaf,
            String prefix, int scale) {
        return new TableRow(c1, c2, c3, empty2, empty3, leaf.code(), prefix, leaf.description(),
                SelfEvaluationCells.target(leaf), SelfEvaluationCells.actual(leaf), score(leaf.score(), scale),
                leaf.exactScore() == null ? null : number(leaf.exactScore()), SelfEvaluationCells.basis(leaf),
                leaf.evaluator(), SelfEvaluationCells.ruleText(leaf), leaf.flags(),
                leaf.inputs().stream().map(EvaluationTable::input).toList());
    }

    private static InputView input(ScoredInput input) {
        List<FigureView> figures = input.figures().stream().map(EvaluationTable::figure).toList();
        IndicatorReport.Row row = input.indicator();
        return new InputView(input.kindLabel(), input.code(), input.name(), input.display(), figures,
                row == null ? null : row.targetText(), row == null ? null : row.actualText(),
                row == null ? null : row.completionRateDisplay(), row == null ? null : row.statusLabel());
    }

    private static FigureView figure(Figure figure) {
        if (figure.unit() == Figure.Unit.YUAN && figure.value() != null) {
            return new FigureView(figure.name(), Amount.of(figure.value()), null);
        }
        return new FigureView(figure.name(), null, figure.display());
    }

    private static Cell cell(ScoredItem item, int rowspan, boolean leaf, int scale) {
        return new Cell(item.code(), item.name(), number(item.weight()), score(item.score(), scale), rowspan, leaf);
    }

    /**
     * The precision the table's scores are printed at: the most decimals any score carries (the rubric rounds every
     * computed score to its decimals; a judgement score entered with more shows them all rather than being cut).
     */
    public static int scoreScale(List<ScoredItem> items, BigDecimal total) {
        int scale = total == null ? 0 : Math.max(0, total.stripTrailingZeros().scale());
        for (ScoredItem top : items) {
            for (ScoredItem item : top.flatten()) {
                if (item.score() != null) {
                    scale = Math.max(scale, Math.max(item.score().scale(), 0));
                }
            }
        }
        return Math.min(scale, 4);
    }

    /** A score at the table's precision: 1.50 and 2.00 beside 94.35. */
    public static String score(BigDecimal value, int scale) {
        if (value == null || scale < 0) {
            return number(value);
        }
        return value.setScale(Math.max(scale, value.stripTrailingZeros().scale()), java.math.RoundingMode.UNNECESSARY)
                .toPlainString();
    }

    private static List<ScoredItem> leaves(ScoredItem item) {
        return item.flatten().stream().filter(ScoredItem::leaf).toList();
    }

    /** Scores and weights as the form prints them, without trailing zeros: 2.94, 3, 49.7. */
    static String number(BigDecimal value) {
        return value == null ? "—" : Display.number(value);
    }
}
