package cn.perfledger.app.imports.evaluation;

import cn.perfledger.app.imports.evaluation.TableFile.Grid;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the rows of a 自评表 in one of the layouts of the {@link LayoutCatalog}: the layout is the one whose header
 * words a header row carries (the most specific one; two equally specific ones are refused), a header row names
 * the columns by their text, and every row under it until the next header is one 三级指标 with its cells. As in the
 * printed table, where 一级/二级 cells are merged, a row with a blank 一级 or 二级 cell continues the one above. The
 * table ends at its 总分 row, followed perhaps by its 自评等级; above the first header only the layout's 预算资金
 * block is read ({@link BudgetBlock}).
 *
 * <p>A header cell also owns the blank header cells to its right, as a header merged across several columns does: a
 * value written anywhere under it belongs to it. A header printed on two rows (a merged 指标值 over 年度指标值 and
 * 调整指标值) is read as one, the lower row naming the columns it splits. Two values under one header are refused
 * rather than guessed.
 */
public final class TableLayout {

    /** What a column of the table holds. */
    public enum Role {
        LEVEL1, LEVEL1_WEIGHT, LEVEL2, LEVEL2_WEIGHT, ITEM, WEIGHT, DESCRIPTION, TARGET, ACTUAL, SCORE, BASIS,
        /** 指标性质 / 指标方向 (正向, 反向, 等于, 定性, 定量, or a comparator ≥ ≤ =): optional. */
        DIRECTION,
        /** 评定等级 of a qualitative indicator (达成 …): optional. */
        GRADE,
        /** 调整指标值: the target as adjusted during the year, when printed. */
        ADJUSTED_TARGET,
        /** 度量单位 printed apart from the 指标值 and 完成值. */
        UNIT,
        /** 得分系数: the printed 得分 must be 分值 × 系数. */
        COEFFICIENT,
        /** 是否核心指标 (是/否). */
        CORE
    }

    private TableLayout() {
    }

    /** The columns [first, last] a header cell owns, and its text as printed. */
    record Span(int first, int last, String label) {
    }

    /** A header row (1-based {@code row}) and the span of each role it names. */
    record Header(int row, Map<Role, Span> spans) {

        boolean has(Role role) {
            return spans.containsKey(role);
        }

        /** The printed name of the role's column, e.g. 年度指标值; the role's Chinese name when the header lacks it. */
        String label(Role role) {
            Span span = spans.get(role);
            return span != null ? span.label() : chinese(role);
        }
    }

    /** A cell read for a role: its text (trimmed), its 0-based column, the printed name of its column. */
    record Value(String text, int column, String label) {

        boolean blank() {
            return text.isEmpty();
        }
    }

    /** A row naming a 三级指标, with the 一级/二级 it falls under (carried down from merged cells). */
    record ItemLine(int row, Header header, String level1, String level2, Map<Role, Value> values,
            List<String> cells) {

        Value value(Role role) {
            Value value = values.get(role);
            return value != null ? value : new Value("", -1, header.label(role));
        }
    }

    /** The 总分 row, and the 自评等级 printed in it or just under it (null when none). */
    record TotalLine(int row, Header header, Map<Role, Value> values, Value grade, List<String> cells) {

        Value value(Role role) {
            Value value = values.get(role);
            return value != null ? value : new Value("", -1, header.label(role));
        }
    }

    /** The table found in the file: its layout, item rows, 总分 row (or null), budget block (or null), problems. */
    record Table(String format, String sheet, LayoutDefinition layout, List<ItemLine> items, TotalLine total,
            BudgetBlock.Block budget, List<CellError> errors) {
    }

    /** Reads the first sheet that has a header row of a known layout; a file without one is refused. */
    static Table parse(List<Grid> grids) {
        return parse(grids, null);
    }

    /**
     * Reads the first sheet with a header row of {@code chosen} (any known layout when null). A row that looks like a
     * header (it names 三级指标) but is no known layout's is refused listing what it says and the layouts known.
     */
    static Table parse(List<Grid> grids, LayoutDefinition chosen) {
        List<LayoutDefinition> layouts = chosen != null ? List.of(chosen) : LayoutCatalog.all();
        String unknownHeader = null;
        for (Grid grid : grids) {
            for (int r = 0; r < grid.rows().size(); r++) {
                List<String> cells = grid.rows().get(r);
                LayoutDefinition layout = detect(r + 1, cells, layouts);
                if (layout != null) {
                    return parse(grid, r, layout);
                }
                if (unknownHeader == null && cells.stream().anyMatch(c -> normalise(c).startsWith("三级指标"))) {
                    unknownHeader = "第 " + (r + 1) + " 行" + (grid.sheet() == null ? "" : "（工作表「" + grid.sheet() + "」）")
                            + "的表头为：" + headersOf(cells);
                }
            }
        }
        String known = chosen != null ? "所选样式 " + chosen.id() + "（" + chosen.name() + "）的表头须含："
                + String.join("、", chosen.detect().stream().map(TableLayout::word).toList())
                : "已知的自评表样式：" + LayoutCatalog.described();
        if (unknownHeader != null) {
            throw new TableRejectedException(List.of(CellError.file("表头不属于已知的任何自评表样式：" + unknownHeader + "。"
                    + known + "。请按其中一种样式填写表头，或请管理员增加该样式")));
        }
        throw new TableRejectedException(List.of(CellError.file("未找到自评表的表头行（须有一行写明 三级指标 及各列名称）。" + known)));
    }

    /** The layout a header row is, the most specific of those whose words it carries; a tie is refused. */
    private static LayoutDefinition detect(int row, List<String> cells, List<LayoutDefinition> layouts) {
        List<LayoutDefinition> matching = layouts.stream().filter(layout -> layout.detects(cells)).toList();
        if (matching.isEmpty()) {
            return null;
        }
        int most = matching.stream().mapToInt(layout -> layout.detect().size()).max().orElseThrow();
        List<LayoutDefinition> best = matching.stream().filter(layout -> layout.detect().size() == most).toList();
        if (best.size() > 1) {
            throw new TableRejectedException(List.of(new CellError(row, null, "表头", "第 " + row + " 行的表头同时符合多种样式（"
                    + String.join("、", best.stream().map(LayoutDefinition::id).toList()) + "），无法确定按哪种读取：请在上传时指定样式"
                    + "（参数 layout）")));
        }
        return best.get(0);
    }

    private static Table parse(Grid grid, int firstHeader, LayoutDefinition layout) {
        List<CellError> errors = new ArrayList<>();
        BudgetBlock.Block budget = layout.budget() == null ? null
                : BudgetBlock.parse(grid.rows().subList(0, firstHeader), layout.budget(), errors);
        List<ItemLine> items = new ArrayList<>();
        TotalLine total = null;
        Header header = null;
        String level1 = null;
        String level2 = null;
        for (int r = firstHeader; r < grid.rows().size(); r++) {
            List<String> cells = grid.rows().get(r);
            int row = r + 1;
            if (layout.detects(cells)) {
                List<String> below = r + 1 < grid.rows().size() ? grid.rows().get(r + 1) : List.of();
                if (subHeader(below, layout)) {
                    cells = overlay(cells, below);
                    r++;
                }
                header = header(row, cells, layout, errors);
                level1 = null;
                level2 = null;
                continue;
            }
            if (cells.stream().allMatch(c -> clean(c).isEmpty())) {
                continue;
            }
            Map<Role, Value> values = values(row, header, layout, cells, errors);
            String first = cells.stream().map(TableLayout::normalise).filter(c -> !c.isEmpty()).findFirst().orElse("");
            if (layout.totalWords().contains(first)) {
                total = new TotalLine(row, header, values, grade(grid, r, layout), cells);
                break; // the table ends at its 总分 row; what follows are notes
            }
            Value level1Cell = values.get(Role.LEVEL1);
            if (level1Cell != null && !level1Cell.blank()) {
                level1 = level1Cell.text();
                level2 = null;
            }
            Value level2Cell = values.get(Role.LEVEL2);
            if (level2Cell != null && !level2Cell.blank()) {
                level2 = level2Cell.text();
            }
            Value item = values.get(Role.ITEM);
            if (item != null && !item.blank()) {
                items.add(new ItemLine(row, header, level1, level2, values, cells));
                continue;
            }
            Value orphan = firstNonBlank(values, Role.WEIGHT, Role.DESCRIPTION, Role.TARGET, Role.ACTUAL, Role.SCORE,
                    Role.BASIS);
            if (orphan != null) {
                Span itemSpan = header.spans().get(Role.ITEM);
                errors.add(new CellError(row, column(itemSpan.first()), itemSpan.label(),
                        "该行填写了“" + orphan.label() + "”等内容，但“" + itemSpan.label() + "”为空：每行须写明所评的三级指标"));
            } // else a row naming only its 一级/二级 指标: it sets the context of the rows below
        }
        if (items.isEmpty() && errors.isEmpty()) {
            errors.add(CellError.file("表头下没有指标行"));
        }
        return new Table(grid.format(), grid.sheet(), layout, items, total, budget, errors);
    }

    /** The row under a header is its second line when every cell it fills is a column name of the layout. */
    private static boolean subHeader(List<String> cells, LayoutDefinition layout) {
        List<String> filled = cells.stream().map(TableLayout::normalise).filter(c -> !c.isEmpty()).toList();
        return !filled.isEmpty() && filled.stream().allMatch(cell -> layout.columns().stream()
                .anyMatch(column -> column.matches(cell)));
    }

    /** The two lines of a header as one: a lower cell names its column, a blank one leaves the upper cell's name. */
    private static List<String> overlay(List<String> upper, List<String> lower) {
        List<String> cells = new ArrayList<>(upper);
        for (int c = 0; c < lower.size(); c++) {
            if (!clean(lower.get(c)).isEmpty()) {
                while (cells.size() <= c) {
                    cells.add("");
                }
                cells.set(c, lower.get(c));
            }
        }
        return cells;
    }

    /** The 自评等级 in the 总分 row or in one of the three rows under it: the cell after the one naming it. */
    private static Value grade(Grid grid, int totalRow, LayoutDefinition layout) {
        for (int r = totalRow; r < Math.min(grid.rows().size(), totalRow + 4); r++) {
            List<String> cells = grid.rows().get(r);
            for (int c = 0; c < cells.size(); c++) {
                String text = normalise(cells.get(c));
                if (!text.isEmpty() && layout.gradeWords().stream().anyMatch(text::startsWith)) {
                    for (int v = c + 1; v < cells.size(); v++) {
                        if (!clean(cells.get(v)).isEmpty()) {
                            return new Value(clean(cells.get(v)), v, clean(cells.get(c)));
                        }
                    }
                    return new Value("", c, clean(cells.get(c)));
                }
            }
        }
        return null;
    }

    private static Header header(int row, List<String> cells, LayoutDefinition layout, List<CellError> errors) {
        Map<Role, Span> spans = new EnumMap<>(Role.class);
        List<Integer> named = new ArrayList<>();
        for (int c = 0; c < cells.size(); c++) {
            if (!clean(cells.get(c)).isEmpty()) {
                named.add(c);
            }
        }
        Role weightOf = null;
        for (int i = 0; i < named.size(); i++) {
            int c = named.get(i);
            int last = i + 1 < named.size() ? named.get(i + 1) - 1 : TableFile.MAX_COLUMNS - 1;
            String label = clean(cells.get(c));
            String text = normalise(label);
            Role role = layout.columns().stream().filter(column -> column.matches(text)).map(LayoutDefinition.Column::role)
                    .findFirst().orElse(null); // null: a column the import does not read (序号, 备注 …)
            if (role == null) {
                continue;
            }
            if (layout.weightAfterLevel()) {
                if (role == Role.LEVEL1 || role == Role.LEVEL2 || role == Role.ITEM) {
                    weightOf = role == Role.LEVEL1 ? Role.LEVEL1_WEIGHT : role == Role.LEVEL2 ? Role.LEVEL2_WEIGHT
                            : Role.WEIGHT;
                } else if (role == Role.WEIGHT) {
                    role = weightOf;
                    weightOf = null;
                    if (role == null) {
                        continue; // a second 分值 after one level: the layout reads one per level
                    }
                }
            }
            if (spans.containsKey(role)) {
                errors.add(new CellError(row, column(c), label, "表头中“" + label + "”重复（已见于 "
                        + column(spans.get(role).first()) + " 列）"));
                continue;
            }
            spans.put(role, new Span(c, last, label));
        }
        for (Role role : layout.required()) {
            if (!spans.containsKey(role)) {
                errors.add(new CellError(row, null, chinese(role), "表头缺少“" + chinese(role) + "”列（样式「" + layout.id()
                        + "」须有：" + String.join("、", layout.required().stream().map(TableLayout::chinese).toList()) + "）"));
            }
        }
        return new Header(row, spans);
    }

    /** The value of each role of the header in a row; a header whose required columns are missing reads nothing. */
    private static Map<Role, Value> values(int row, Header header, LayoutDefinition layout, List<String> cells,
            List<CellError> errors) {
        Map<Role, Value> values = new EnumMap<>(Role.class);
        if (header == null || !header.spans().keySet().containsAll(layout.required())) {
            return values;
        }
        for (Map.Entry<Role, Span> entry : header.spans().entrySet()) {
            Span span = entry.getValue();
            Value found = null;
            for (int c = span.first(); c <= span.last() && c < cells.size(); c++) {
                String text = clean(cells.get(c));
                if (text.isEmpty()) {
                    continue;
                }
                if (found != null) {
                    errors.add(new CellError(row, column(c), span.label(), "“" + span.label() + "”（" + column(span.first())
                            + "–" + column(Math.min(span.last(), cells.size() - 1)) + " 列）下有多个非空单元格（"
                            + column(found.column()) + "、" + column(c) + "）：一项只能写在一个单元格中"));
                    break;
                }
                found = new Value(text, c, span.label());
            }
            values.put(entry.getKey(), found != null ? found : new Value("", span.first(), span.label()));
        }
        return values;
    }

    private static Value firstNonBlank(Map<Role, Value> values, Role... roles) {
        for (Role role : roles) {
            Value value = values.get(role);
            if (value != null && !value.blank()) {
                return value;
            }
        }
        return null;
    }

    /** The non-blank cells of a row as “A：一级指标、B：分值 …”, to show what a header said. */
    static String headersOf(List<String> cells) {
        List<String> named = new ArrayList<>();
        for (int c = 0; c < cells.size(); c++) {
            if (!clean(cells.get(c)).isEmpty()) {
                named.add(column(c) + "：" + clean(cells.get(c)).replace('\n', ' '));
            }
        }
        return String.join("、", named);
    }

    /** A layout word as users read it (without the match markers). */
    private static String word(String word) {
        return word.startsWith("=") || word.startsWith("^") ? word.substring(1) : word;
    }

    static String clean(String text) {
        return Cells.clean(text);
    }

    static String normalise(String text) {
        return Cells.normalise(text);
    }

    static String column(int index) {
        return Cells.column(index);
    }

    static String chinese(Role role) {
        return switch (role) {
            case LEVEL1 -> "一级指标";
            case LEVEL1_WEIGHT, LEVEL2_WEIGHT, WEIGHT -> "分值";
            case LEVEL2 -> "二级指标";
            case ITEM -> "三级指标";
            case DESCRIPTION -> "指标解释";
            case TARGET -> "年度指标值";
            case ACTUAL -> "实际完成值";
            case SCORE -> "得分";
            case BASIS -> "评分依据";
            case DIRECTION -> "指标性质";
            case GRADE -> "评定等级";
            case ADJUSTED_TARGET -> "调整指标值";
            case UNIT -> "度量单位";
            case COEFFICIENT -> "得分系数";
            case CORE -> "是否核心指标";
        };
    }
}
