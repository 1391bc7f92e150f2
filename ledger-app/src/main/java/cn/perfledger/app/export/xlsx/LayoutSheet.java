package cn.perfledger.app.export.xlsx;

import cn.perfledger.app.imports.evaluation.LayoutDefinition;
import cn.perfledger.app.imports.evaluation.LayoutDefinition.ExportColumn;
import cn.perfledger.app.imports.evaluation.TableLayout.Role;
import cn.perfledger.app.query.BasisResult;
import cn.perfledger.projections.evaluation.Flag;
import cn.perfledger.projections.scoring.ScoredItem;
import cn.perfledger.projections.scoring.SelfEvaluationCells;
import cn.perfledger.projections.scoring.ScoredTable;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * 「部门整体支出绩效自评表」 in a layout of the catalog (its {@code export} columns, its 预算资金 block, its 总分 and
 * 自评等级 rows), written so that importing the file reads back the same table: each cell holds the department's own
 * entry (年度指标值, 实际完成值, 评分依据 as recorded), never our explanation of it; the ledger's flags and rule notes
 * go under the table. The item the layout's budget block scores (预算执行率) is written in the block, not as a row.
 */
final class LayoutSheet {

    private final SheetWriter w;
    private final Styles s;
    private final LayoutDefinition layout;
    private final List<ExportColumn> columns;
    private final int last;

    private LayoutSheet(SheetWriter writer, LayoutDefinition layout) {
        this.w = writer;
        this.s = writer.styles;
        this.layout = layout;
        this.columns = layout.export();
        this.last = columns.size() - 1;
    }

    static void write(XSSFWorkbook book, Styles styles, WorkbookContent content, LayoutDefinition layout) {
        SheetWriter writer = new SheetWriter(book.createSheet(SelfEvaluationSheet.NAME), styles, layout.export().size());
        new LayoutSheet(writer, layout).write(content);
    }

    private void write(WorkbookContent content) {
        BasisResult<ScoredTable> result = content.evaluation();
        TitleBlock block = TitleBlock.of(content);
        block.add("样式", layout.name());
        int row = block.write(w, SelfEvaluationSheet.NAME, last, content.year());
        if (result == null) {
            w.wideText(row, 0, "此基准下没有自评表：" + content.evaluationMissing(), s.text);
            w.merge(row, row, 0, last, s.text);
            return;
        }
        ScoredTable table = result.result();
        List<ScoredItem> leaves = new ArrayList<>();
        table.items().forEach(top -> top.flatten().stream().filter(ScoredItem::leaf).forEach(leaves::add));
        ScoredItem budgetLeaf = budgetLeaf(leaves);
        if (layout.budget() != null) {
            row = LayoutBudgetBlock.write(w, row, last, layout.budget(), content.execution(), budgetLeaf);
        }
        int header = row;
        for (int c = 0; c <= last; c++) {
            w.wideText(header, c, columns.get(c).header(), s.header);
            w.width(c, Math.max(8, columns.get(c).header().length() * 2 + 2));
        }
        w.pageSetup(header, header, 0);
        row = header + 1;
        for (ScoredItem top : table.items()) {
            row = writeGroup(top, List.of(), row, budgetLeaf);
        }
        row = totals(table, row);
        notes(table, leaves, row + 1);
        w.fitRowHeights(header);
    }

    /** The rubric leaf the budget block's 得分 is (named by the layout), or null. */
    private ScoredItem budgetLeaf(List<ScoredItem> leaves) {
        if (layout.budget() == null) {
            return null;
        }
        List<ScoredItem> named = leaves.stream().filter(leaf -> layout.budget().scoreItems().contains(leaf.name()))
                .toList();
        return named.size() == 1 ? named.get(0) : null;
    }

    /** The rows of an item's leaves, 一级/二级 cells merged over them. */
    private int writeGroup(ScoredItem item, List<ScoredItem> above, int first, ScoredItem skip) {
        if (item == skip) {
            return first;
        }
        if (item.leaf()) {
            leaf(item, above, first);
            return first + 1;
        }
        List<ScoredItem> path = new ArrayList<>(above);
        path.add(item);
        int row = first;
        for (ScoredItem child : item.children()) {
            row = writeGroup(child, path, row, skip);
        }
        if (row > first && above.size() < 2) {
            Role name = above.isEmpty() ? Role.LEVEL1 : Role.LEVEL2;
            Role weight = above.isEmpty() ? Role.LEVEL1_WEIGHT : Role.LEVEL2_WEIGHT;
            mergeOver(name, first, row - 1, s.textCenter);
            mergeOver(weight, first, row - 1, s.score);
        }
        return row;
    }

    private void mergeOver(Role role, int firstRow, int lastRow, org.apache.poi.ss.usermodel.CellStyle style) {
        int c = column(role);
        if (c >= 0 && lastRow > firstRow) {
            w.merge(firstRow, lastRow, c, c, style);
        }
    }

    private void leaf(ScoredItem leaf, List<ScoredItem> above, int row) {
        LeafCells cells = LeafCells.of(leaf);
        for (int c = 0; c <= last; c++) {
            Role role = columns.get(c).role();
            switch (role) {
                case LEVEL1 -> group(row, c, above, 0, true);
                case LEVEL2 -> group(row, c, above, 1, true);
                case LEVEL1_WEIGHT -> group(row, c, above, 0, false);
                case LEVEL2_WEIGHT -> group(row, c, above, 1, false);
                case ITEM -> w.wideText(row, c, above.size() <= 2 ? leaf.name()
                        : names(above.subList(2, above.size())) + leaf.name(), s.text);
                case WEIGHT -> w.number(row, c, leaf.weight(), s.score);
                case SCORE -> w.number(row, c, leaf.score(), s.score);
                case TARGET -> w.wideText(row, c, column(Role.UNIT) >= 0 ? cells.bareTarget() : cells.target(), s.text);
                case DIRECTION -> w.text(row, c, cells.direction(), s.textCenter);
                case UNIT -> w.text(row, c, cells.unit(), s.textCenter);
                case ACTUAL -> w.wideText(row, c, column(Role.UNIT) >= 0 ? cells.bareActual() : cells.actual(), s.text);
                case BASIS -> w.wideText(row, c, SelfEvaluationCells.departmentText(leaf,
                        SelfEvaluationCells.deviationColumn(columns.get(c).header())), s.text);
                default -> w.text(row, c, null, s.text); // 得分系数, 核心指标 …: the ledger records none
            }
        }
    }

    /** A group's name (or 分值) at a depth in a leaf's row; a leaf shallower than the column leaves it blank. */
    private void group(int row, int column, List<ScoredItem> above, int depth, boolean name) {
        ScoredItem group = depth < above.size() ? above.get(depth) : null;
        if (group == null) {
            w.text(row, column, null, s.text);
        } else if (name) {
            w.wideText(row, column, group.name(), s.textCenter);
        } else {
            w.number(row, column, group.weight(), s.score);
        }
    }

    private static String names(List<ScoredItem> groups) {
        StringBuilder text = new StringBuilder();
        groups.forEach(group -> text.append(group.name()).append(" / "));
        return text.toString();
    }

    private int totals(ScoredTable table, int row) {
        int label = 0;
        w.text(row, label, layout.totalWords().get(0), s.textBold);
        int weight = column(Role.LEVEL1_WEIGHT) >= 0 ? column(Role.LEVEL1_WEIGHT) : column(Role.WEIGHT);
        for (int c = 1; c <= last; c++) {
            if (c == weight) {
                w.number(row, c, table.totalWeight(), s.scoreBold);
            } else if (c == column(Role.SCORE)) {
                w.number(row, c, table.total(), s.scoreBold);
            } else {
                w.text(row, c, null, s.text);
            }
        }
        row++;
        if (!layout.gradeWords().isEmpty()) {
            w.text(row, 0, layout.gradeWords().get(0), s.textBold);
            w.text(row, 1, table.grade(), s.textBold);
            row++;
        }
        return row;
    }

    /** The ledger's flags and the rule of every computed item, under the table: ours, not the department's. */
    private void notes(ScoredTable table, List<ScoredItem> leaves, int row) {
        List<String> notes = new ArrayList<>();
        for (Flag flag : table.flags()) {
            notes.add("【" + flag.label() + "】" + flag.detail());
        }
        for (ScoredItem leaf : leaves) {
            for (Flag flag : leaf.flags()) {
                notes.add("【" + flag.label() + "】" + leaf.name() + "：" + flag.detail());
            }
        }
        notes.add("说明：得分由账本按评价体系规则计算，与 API /evaluation 在同一基准下的结果一致；评分依据、偏差原因为部门所填。");
        for (String note : notes) {
            w.wideText(row, 0, note, s.note);
            w.merge(row, row, 0, last, s.note);
            row++;
        }
    }

    private int column(Role role) {
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).role() == role) {
                return c;
            }
        }
        return -1;
    }

}
