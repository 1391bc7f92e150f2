package cn.perfledger.app.api.evaluation;

import cn.perfledger.app.history.EventHistory;
import cn.perfledger.domain.common.IndicatorId;
import cn.perfledger.domain.common.RubricItemCode;
import cn.perfledger.domain.common.RubricVersionId;
import cn.perfledger.domain.rubric.InputReference;
import cn.perfledger.domain.rubric.RubricEvent.RubricPublished;
import cn.perfledger.domain.rubric.RubricNode;
import cn.perfledger.projections.basis.RecordedEvent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Whether a rubric scores an indicator at all: a leaf reads it by id or by its tag, or an indicator group gathers
 * its tag (or a code below the group) or its path. An indicator no item reads is recorded but scores nothing; the
 * answer says so, listing the groups (with their paths) and the codes it could be tagged with.
 */
@Component
public class IndicatorScoring {

    private final EventHistory history;

    public IndicatorScoring(EventHistory history) {
        this.history = history;
    }

    /** The warning for an indicator of {@code rubric} no item scores, or an empty list. */
    public List<String> warnings(RubricVersionId version, IndicatorId id, List<String> path, RubricItemCode tag) {
        RubricPublished rubric = published(version);
        if (rubric == null) {
            return List.of();
        }
        List<String> groups = new ArrayList<>();
        Set<String> tags = new LinkedHashSet<>();
        boolean[] scored = {false};
        for (RubricNode top : rubric.tree()) {
            visit(top, rubric.tree(), id, path, tag, groups, tags, scored);
        }
        if (scored[0]) {
            return List.of();
        }
        return List.of("评价体系 " + version + " 中没有评分项读取该指标（" + id + "，路径「" + String.join(" / ",
                path == null ? List.of() : path) + "」" + (tag == null ? "，未标记评分项" : "，标记 " + tag)
                + "）：它已登记，但不计入任何得分。可归入的指标组：" + (groups.isEmpty() ? "无" : String.join("；", groups))
                + "；可标记的评分项编码（rubricItemCode，指标组的编码或其下任一评分项的编码）：" + (tags.isEmpty() ? "无" : String.join("、", tags)));
    }

    private static void visit(RubricNode node, List<RubricNode> tree, IndicatorId id, List<String> path,
            RubricItemCode tag, List<String> groups, Set<String> tags, boolean[] scored) {
        InputReference input = node.input();
        if (input instanceof InputReference.IndicatorInput indicator) {
            if (indicator.taggedWith() != null) {
                tags.add(indicator.taggedWith().value());
            }
            scored[0] |= id.equals(indicator.indicatorId()) || (tag != null && tag.equals(indicator.taggedWith()));
        } else if (input instanceof InputReference.IndicatorGroupInput group) {
            tags.add(group.groupCode().value());
            groups.add(node.name() + "（" + group.groupCode() + (group.pathPrefix().isEmpty() ? ""
                    : "，路径以「" + String.join(" / ", group.pathPrefix()) + "」开头") + "）");
            boolean byPath = !group.pathPrefix().isEmpty() && path != null && path.size() >= group.pathPrefix().size()
                    && path.subList(0, group.pathPrefix().size()).equals(group.pathPrefix());
            scored[0] |= byPath || (tag != null && under(tree, group.groupCode(), tag));
        }
        node.children().forEach(child -> visit(child, tree, id, path, tag, groups, tags, scored));
    }

    /** Whether {@code tag} is {@code group} or the code of a node below it. */
    private static boolean under(List<RubricNode> tree, RubricItemCode group, RubricItemCode tag) {
        for (RubricNode node : tree) {
            if (node.code().equals(group)) {
                return contains(node, tag);
            }
            if (under(node.children(), group, tag)) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(RubricNode node, RubricItemCode tag) {
        return node.code().equals(tag) || node.children().stream().anyMatch(child -> contains(child, tag));
    }

    /**
     * Whether {@code rubric} has an item of this code (an entry of the evaluation names one); true when the version is
     * not published, which the year's own checks report.
     */
    public boolean hasItem(RubricVersionId version, RubricItemCode code) {
        RubricPublished rubric = published(version);
        return rubric == null || RubricNode.find(rubric.tree(), code).isPresent();
    }

    private RubricPublished published(RubricVersionId version) {
        for (RecordedEvent event : history.rubric(version)) {
            if (event.payload() instanceof RubricPublished published) {
                return published;
            }
        }
        return null;
    }
}
