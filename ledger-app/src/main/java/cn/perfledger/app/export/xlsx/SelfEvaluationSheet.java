package cn.perfledger.app.export.xlsx;

import cn.perfledger.app.query.BasisResult;
import cn.perfledger.projections.evaluation.Display;
import cn.perfledger.projections.evaluation.Flag;
import cn.perfledger.projections.scoring.DeclaredTotal;
import cn.perfledger.projections.scoring.ScoredItem;
import cn.perfledger.projections.scoring.SelfEvaluationCells;
import cn.perfledger.projections.scoring.ScoredTable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * 「部门整体支出绩效自评表」 in the printed layout of seed 002: the ten official columns, one row per scored leaf in
 * rubric order, each 一级 and 二级 cell (and its 分值) merged vertically over the rows of its leaves, then 合计 with
 * the total, 等级, and the declared total of the latest submission next to the computed one. Every number is the
 * scored table's own (weights, rounded scores, total); nothing is recomputed here.
 *
 * <p>Leaves above level 3 leave the deeper columns empty; a leaf deeper than level 3 is shown in the 三级 column
 * with the names of the groups between in front, as the page does.
 */
final class SelfEvaluationSheet {

    static final String NAME = "部门整体支出绩效自评表";
    /** The official columns, in order. */
    static final List<String> COLUMNS = List.of("一级指标", "分值", "二级指标", "分值", "三级指标", "分值",
            "指标解释/年度指标值", "实际完成值", "得分", "评分依据");
    private static final int LAST = COLUMNS.size() - 1;
    private static final int SCORE = 8;
    private static final int BASIS = 9;
    /** Widths in digit widths, sized for CJK text (two per character) as the printed form distributes them. */
    private static final int[] WIDTHS = {14, 8, 18, 8, 36, 8, 44, 24, 9, 60};

    private final SheetWriter w;
    private final Styles s;

    private SelfEvaluationSheet(SheetWriter writer) {
        this.w = writer;
        this.s = writer.styles;
    }

    static void write(XSSFWorkbook book, Styles styles, WorkbookContent content) {
        SheetWriter writer = new SheetWriter(book.createSheet(NAME), styles, COLUMNS.size());
        new SelfEvaluationSheet(writer).write(content);
    }

    private void write(WorkbookContent content) {
        BasisResult<ScoredTable> result = content.evaluation();
        TitleBlock block = TitleBlock.of(content);
        if (result != null) {
            ScoredTable table = result.result();
            block.add("评价体系", table.rubricName() + "（" + table.rubricVersion() + "）");
            block.add("SHA-256 摘要", result.digest());
            block.add("纳入记录", result.eventsAdmitted() + " 条（最后全局序号 " + result.lastGlobalSequence() + "）");
        }
        int header = block.write(w, NAME, LAST, content.year());
        for (int c = 0; c < COLUMNS.size(); c++) {
            w.wideText(header, c, COLUMNS.get(c), s.header);
            w.width(c, WIDTHS[c]);
        }
        w.pageSetup(header, header, 0);
        int row = header + 1;
        if (result == null) {
            w.wideText(row, 0, "此基准下没有自评表：" + content.evaluationMissing(), s.text);
            w.merge(row, row, 0, LAST, s.text);
        } else {
            ScoredTable table = result.result();
            for (ScoredItem top : table.items()) {
                row = writeTop(top, row);
            }
            row = totals(table, row);
            notes(table, row + 1);
        }
        w.fitRowHeights(header);
    }

    private int writeTop(ScoredItem top, int first) {
        if (top.leaf()) {
            group(top, first, first, 0);
            blank(first, 2, 5);
            leaf(top, first);
            return first + 1;
        }
        int row = first;
        for (ScoredItem second : top.children()) {
            int start = row;
            if (second.leaf()) {
                group(second, row, row, 2);
                blank(row, 4, 5);
                leaf(second, row);
                row++;
                continue;
            }
            for (ScoredItem leaf : leaves(second)) {
                w.text(row, 4, SelfEvaluationCells.groupsBetween(second, leaf) + leaf.name(), s.text);
                w.number(row, 5, leaf.weight(), s.score);
                leaf(leaf, row);
                row++;
            }
            group(second, start, row - 1, 2);
        }
        group(top, first, row - 1, 0);
        return row;
    }

    /** The name (with the group's score on a second line) and 分值 of a group, merged over its rows. */
    private void group(ScoredItem item, int firstRow, int lastRow, int column) {
        String name = item.leaf() ? item.name() : item.name() + "\n得分 " + number(item.score());
        w.wideText(firstRow, column, name, s.textCenter);
        w.number(firstRow, column + 1, item.weight(), s.score);
        w.merge(firstRow, lastRow, column, column, s.textCenter);
        w.merge(firstRow, lastRow, column + 1, column + 1, s.score);
    }

    private void blank(int row, int from, int to) {
        for (int c = from; c <= to; c++) {
            w.text(row, c, null, s.text);
        }
    }

    /** 指标解释/年度指标值, 实际完成值, 得分, 评分依据 of a leaf's row. */
    private void leaf(ScoredItem leaf, int row) {
        String target = SelfEvaluationCells.target(leaf);
        String explanation = leaf.description();
        String shown = target == null ? explanation
                : "年度指标值：" + target + (explanation == null || explanation.isBlank() ? "" : "\n" + explanation);
        w.wideText(row, 6, shown, s.text);
        w.wideText(row, 7, SelfEvaluationCells.actual(leaf), s.text);
        if (leaf.score() == null) {
            w.text(row, SCORE, "—", s.score);
        } else {
            w.number(row, SCORE, leaf.score(), s.score);
        }
        w.wideText(row, BASIS, basis(leaf), s.text);
    }

    private int totals(ScoredTable table, int row) {
        w.text(row, 0, "合计", s.textBold);
        w.number(row, 1, table.totalWeight(), s.scoreBold);
        blank(row, 2, 7);
        w.number(row, SCORE, table.total(), s.scoreBold);
        w.text(row, BASIS, null, s.text);
        row++;
        w.text(row, 0, "等级", s.textBold);
        blank(row, 1, 7);
        w.text(row, SCORE, table.grade(), s.textBold);
        w.text(row, BASIS, null, s.text);
        row++;
        DeclaredTotal declared = table.declared();
        if (declared != null) {
            w.text(row, 0, "申报总分", s.textBold);
            blank(row, 1, 7);
            if (declared.declaredTotal() == null) {
                w.text(row, SCORE, "—", s.score);
            } else {
                w.number(row, SCORE, declared.declaredTotal(), s.score);
            }
            String difference = declared.difference() == null ? "提交时未申报总分"
                    : "申报 − 账本计算 = " + Display.signed(declared.difference());
            w.wideText(row, BASIS, "第 " + declared.submissionNo() + " 次提交（评价基准日 " + declared.referenceDate()
                    + "，提交于 " + declared.submittedOn() + "，提交人 " + declared.submittedBy() + "）；" + difference,
                    s.text);
            row++;
        }
        return row;
    }

    /**
     * Table flags under the table, each on its own merged line; the rubric's source note is ours, not the
     * department's, and stays on the rubric page.
     */
    private void notes(ScoredTable table, int row) {
        List<String> notes = new ArrayList<>();
        for (Flag flag : table.flags()) {
            notes.add("【" + flag.label() + "】" + flag.detail());
        }
        notes.add("说明：分值、得分为数值（两位小数）；得分由账本按评价体系规则计算，与 API /evaluation 在同一基准下的结果一致。");
        for (String note : notes) {
            w.wideText(row, 0, note, s.note);
            w.merge(row, row, 0, LAST, s.note);
            row++;
        }
    }


    /**
     * 评分依据 as {@link SelfEvaluationCells#basis} words it (the department's explanation, the evaluator's basis, or a
     * computed item's arithmetic); flags follow on their own lines.
     */
    static String basis(ScoredItem leaf) {
        String basis = SelfEvaluationCells.basis(leaf);
        StringBuilder text = new StringBuilder(basis == null ? "" : basis);
        if (leaf.evaluator() != null && !leaf.evaluator().isBlank()) {
            text.append("\n（评分人：").append(leaf.evaluator()).append('）');
        }
        for (Flag flag : leaf.flags()) {
            text.append("\n【").append(flag.label()).append('】').append(flag.detail());
        }
        return text.isEmpty() ? null : text.toString();
    }

    private static List<ScoredItem> leaves(ScoredItem item) {
        return item.flatten().stream().filter(ScoredItem::leaf).toList();
    }

    private static String number(BigDecimal value) {
        return value == null ? "—" : value.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
