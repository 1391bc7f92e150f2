package cn.perfledger.app.imports.evaluation;

import cn.perfledger.app.imports.evaluation.TableLayout.ItemLine;
import cn.perfledger.app.imports.evaluation.TableLayout.Value;
import cn.perfledger.domain.common.RubricVersionId;
import cn.perfledger.domain.rubric.RubricEvent.RubricPublished;
import cn.perfledger.domain.rubric.RubricNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The leaves and groups of a rubric by name and code, as the rows of a 自评表 name them. */
final class RubricIndex {

    /** A rubric leaf with the names of the nodes above it, top first. */
    record Leaf(RubricNode node, List<String> ancestors) {

        /** Whether the leaf lies under a group of that name (null: any). */
        boolean under(String groupName) {
            if (groupName == null) {
                return true;
            }
            String wanted = TableLayout.normalise(groupName);
            return ancestors.stream().anyMatch(name -> TableLayout.normalise(name).equals(wanted));
        }
    }

    private final RubricVersionId version;
    private final Map<String, List<Leaf>> leaves = new LinkedHashMap<>();
    private final Map<String, Leaf> codes = new LinkedHashMap<>();
    private final Map<String, RubricNode> groups = new LinkedHashMap<>();

    RubricIndex(RubricPublished rubric) {
        this.version = rubric.rubricVersionId();
        for (RubricNode top : rubric.tree()) {
            index(top, new ArrayList<>());
        }
    }

    /** The leaves of that name (compared by its words). */
    List<Leaf> byName(String name) {
        return leaves.getOrDefault(TableLayout.normalise(name), List.of());
    }

    /** The leaf of that code (any case), or null. */
    Leaf byCode(String code) {
        return codes.get(code.toUpperCase(Locale.ROOT));
    }

    private void index(RubricNode node, List<String> ancestors) {
        if (node.leaf()) {
            Leaf leaf = new Leaf(node, List.copyOf(ancestors));
            leaves.computeIfAbsent(TableLayout.normalise(node.name()), k -> new ArrayList<>()).add(leaf);
            codes.put(node.code().value().toUpperCase(Locale.ROOT), leaf);
            return;
        }
        groups.putIfAbsent(TableLayout.normalise(node.name()), node);
        ancestors.add(node.name());
        node.children().forEach(child -> index(child, ancestors));
        ancestors.remove(ancestors.size() - 1);
    }

    String unknownItem(ItemLine line, Value item) {
        RubricNode group = groups.get(TableLayout.normalise(item.text()));
        if (group != null) {
            return "「" + item.text() + "」在评价体系 " + version + " 中是分组（" + group.code()
                    + "），不是可评分的三级指标";
        }
        String rule = "评价体系 " + version + " 中没有名为「" + item.text() + "」的三级指标";
        for (int c = 0; c < line.cells().size(); c++) {
            String text = line.cells().get(c);
            if (c != item.column() && leaves.containsKey(TableLayout.normalise(text))) {
                return rule + "；本行 " + TableLayout.column(c) + " 列的「" + TableLayout.clean(text)
                        + "」才是三级指标：单元格可能错位（合并单元格被拆开？），请按表头对齐";
            }
        }
        return rule + "（名称须与评价体系一致，或写评分项编码）";
    }

}
