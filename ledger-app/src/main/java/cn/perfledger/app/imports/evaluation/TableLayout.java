package cn.perfledger.app.imports.evaluation;

import cn.perfledger.app.imports.evaluation.TableFile.Grid;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the rows of a 自评表 in the layout of seed 002: a header row names the columns by their text (一级指标, 分值,
 * 二级指标, 分值, 三级指标, 分值, then 指标解释 — or 年度指标值 and 实际完成值 —, 得分/自评分, 评分依据), and every row
 * under it until the next header is one 三级指标 with its cells. As in the printed table, where 一级/二级 cells are
 * merged, a row with a blank 一级 or 二级 cell continues the one above. The table ends at its 总分 row; everything
 * above the first header (title, 单位基本情况, 支出规模) and below the 总分 row (notes) is not part of it.
 *
 * <p>A header cell also owns the blank header cells to its right, as a header merged across several columns does: a
 * value written anywhere under it belongs to it. Two values under one header are refused rather than guessed.
 */
final class TableLayout {

    /** What a column of the table holds. */
    enum Role {
        LEVEL1, LEVEL1_WEIGHT, LEVEL2, LEVEL2_WEIGHT, ITEM, WEIGHT, DESCRIPTION, TARGET, ACTUAL, SCORE, BASIS,
        /** 指标性质 / 指标方向 (正向, 反向, 等于, 定性, or 定量): optional. */
        DIRECTION,
        /** 评定等级 of a qualitative indicator (达成 …): optional. */
        GRADE
    }

    private static final Set<String> TOTAL_WORDS = Set.of("总分", "合计", "总计", "自评总分", "自评得分", "得分合计");
    private static final List<Role> REQUIRED = List.of(Role.ITEM, Role.WEIGHT, Role.SCORE, Role.BASIS);

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

    /** The 总分 row. */
    record TotalLine(int row, Header header, Map<Role, Value> values) {

        Value value(Role role) {
            Value value = values.get(role);
            return value != null ? value : new Value("", -1, header.label(role));
        }
    }

    /** The table found in the file: its item rows, its 总分 row (or null), and what could not be read. */
    record Table(String format, String sheet, List<ItemLine> items, TotalLine total, List<CellError> errors) {
    }

    /** Reads the first sheet that has a header row; a file without one is refused. */
    static Table parse(List<Grid> grids) {
        for (Grid grid : grids) {
            for (int r = 0; r < grid.rows().size(); r++) {
                if (isHeader(grid.rows().get(r))) {
                    return parse(grid, r);
                }
            }
        }
        throw new TableRejectedException(List.of(CellError.file("未找到自评表的表头行：须有一行依次写明 一级指标、分值、二级指标、分值、"
                + "三级指标、分值、指标解释（或 年度指标值、实际完成值）、得分、评分依据")));
    }

    private static Table parse(Grid grid, int firstHeader) {
        List<CellError> errors = new ArrayList<>();
        List<ItemLine> items = new ArrayList<>();
        TotalLine total = null;
        Header header = null;
        String level1 = null;
        String level2 = null;
        for (int r = firstHeader; r < grid.rows().size(); r++) {
            List<String> cells = grid.rows().get(r);
            int row = r + 1;
            if (isHeader(cells)) {
                header = header(row, cells, errors);
                level1 = null;
                level2 = null;
                continue;
            }
            if (cells.stream().allMatch(c -> clean(c).isEmpty())) {
                continue;
            }
            Map<Role, Value> values = values(row, header, cells, errors);
            Value first = firstNonBlank(values, Role.LEVEL1, Role.LEVEL2, Role.ITEM);
            if (first != null && TOTAL_WORDS.contains(normalise(first.text()))) {
                total = new TotalLine(row, header, values);
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
        return new Table(grid.format(), grid.sheet(), items, total, errors);
    }

    /** A row that names 三级指标 and 分值 is a header row. */
    static boolean isHeader(List<String> cells) {
        boolean item = false;
        boolean weight = false;
        for (String cell : cells) {
            String text = normalise(cell);
            item |= text.startsWith("三级指标");
            weight |= text.equals("分值");
        }
        return item && weight;
    }

    private static Header header(int row, List<String> cells, List<CellError> errors) {
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
            Role role;
            if (text.startsWith("一级指标")) {
                role = Role.LEVEL1;
                weightOf = Role.LEVEL1_WEIGHT;
            } else if (text.startsWith("二级指标")) {
                role = Role.LEVEL2;
                weightOf = Role.LEVEL2_WEIGHT;
            } else if (text.startsWith("三级指标")) {
                role = Role.ITEM;
                weightOf = Role.WEIGHT;
            } else if (text.equals("分值")) {
                role = weightOf;
                weightOf = null;
            } else if (text.contains("指标解释")) {
                role = Role.DESCRIPTION;
            } else if (text.contains("年度指标值") || text.contains("年度目标值") || text.equals("目标值")
                    || text.equals("指标值")) {
                role = Role.TARGET;
            } else if (text.contains("指标性质") || text.contains("指标方向")) {
                role = Role.DIRECTION;
            } else if (text.contains("评定等级") || text.contains("完成等级")) {
                role = Role.GRADE;
            } else if (text.contains("实际完成") || text.equals("实际值")) {
                role = Role.ACTUAL;
            } else if (text.contains("依据")) {
                role = Role.BASIS; // before 得分: “得分依据” is the basis, not the score
            } else if (text.contains("得分") || text.equals("自评分")) {
                role = Role.SCORE;
            } else {
                role = null; // a column the import does not read (序号, 备注 …)
            }
            if (role == null) {
                continue;
            }
            if (spans.containsKey(role)) {
                errors.add(new CellError(row, column(c), label, "表头中“" + label + "”重复（已见于 "
                        + column(spans.get(role).first()) + " 列）"));
                continue;
            }
            spans.put(role, new Span(c, last, label));
        }
        for (Role role : REQUIRED) {
            if (!spans.containsKey(role)) {
                errors.add(new CellError(row, null, chinese(role), "表头缺少“" + chinese(role) + "”列"));
            }
        }
        return new Header(row, spans);
    }

    /** The value of each role of the header in a row; a header whose required columns are missing reads nothing. */
    private static Map<Role, Value> values(int row, Header header, List<String> cells, List<CellError> errors) {
        Map<Role, Value> values = new EnumMap<>(Role.class);
        if (header == null || !header.spans().keySet().containsAll(REQUIRED)) {
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

    /** A cell's text without surrounding blanks (including the no-break and ideographic spaces Excel users type). */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        int start = 0;
        int end = text.length();
        while (start < end && blank(text.charAt(start))) {
            start++;
        }
        while (end > start && blank(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean blank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /**
     * A text compared by its words only: NFKC (full-width letters, digits and brackets as ASCII), no blanks or line
     * breaks, no quotation marks — a name typed in Excel matches the rubric's however it was spaced or quoted.
     */
    static String normalise(String text) {
        String nfkc = Normalizer.normalize(clean(text), Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(nfkc.length());
        nfkc.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)
                && "\"'“”‘’「」『』".indexOf(c) < 0).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** The Excel column letter of a 0-based column: 0 → A, 25 → Z, 26 → AA. */
    static String column(int index) {
        StringBuilder letters = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            letters.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return letters.toString();
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
        };
    }
}
