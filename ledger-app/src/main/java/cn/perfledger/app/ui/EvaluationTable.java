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
        List<TableRow> rows = new ArrayList<>();
        for (ScoredItem top : items) {
            List<ScoredItem> topLeaves = leaves(top);
            boolean topShown = false;
            if (top.leaf()) {
                rows.add(row(cell(top, 1, true), null, null, true, true, top, ""));
                continue;
            }
            for (ScoredItem second : top.children()) {
                List<ScoredItem> secondLeaves = leaves(second);
                boolean secondShown = false;
                for (ScoredItem leaf : secondLeaves) {
                    Cell c1 = topShown ? null : cell(top, topLeaves.size(), false);
                    topShown = true;
                    if (leaf == second) {
                        rows.add(row(c1, cell(second, 1, true), null, false, true, leaf, ""));
                        continue;
                    }
                    Cell c2 = secondShown ? null : cell(second, secondLeaves.size(), false);
                    secondShown = true;
                    String prefix = SelfEvaluationCells.groupsBetween(second, leaf);
                    rows.add(row(c1, c2, cell(leaf, 1, true), false, false, leaf, prefix));
                }
            }
        }
        return rows;
    }

    private static TableRow row(Cell c1, Cell c2, Cell c3, boolean empty2, boolean empty3, ScoredItem leaf,
            String prefix) {
        return new TableRow(c1, c2, c3, empty2, empty3, leaf.code(), prefix, leaf.description(),
                SelfEvaluationCells.target(leaf), SelfEvaluationCells.actual(leaf), number(leaf.score()),
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

    private static Cell cell(ScoredItem item, int rowspan, boolean leaf) {
        return new Cell(item.code(), item.name(), number(item.weight()), number(item.score()), rowspan, leaf);
    }

    private static List<ScoredItem> leaves(ScoredItem item) {
        return item.flatten().stream().filter(ScoredItem::leaf).toList();
    }

    /** Scores and weights as the form prints them, without trailing zeros: 2.94, 3, 49.7. */
    static String number(BigDecimal value) {
        return value == null ? "—" : Display.number(value);
    }
}
