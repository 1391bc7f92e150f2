package cn.perfledger.app.ui.rubric;

import cn.perfledger.app.rubric.RubricCatalog;
import cn.perfledger.app.rubric.RubricCatalog.Detail;
import cn.perfledger.app.security.CurrentUser;
import cn.perfledger.app.security.DepartmentScope;
import cn.perfledger.app.security.LedgerUserDetails;
import cn.perfledger.domain.common.RubricVersionId;
import cn.perfledger.domain.rubric.InputReference;
import cn.perfledger.domain.rubric.RubricNode;
import cn.perfledger.projections.evaluation.Display;
import cn.perfledger.projections.scoring.RuleSummary;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/** 评价体系: the versions a reader sees ({@link RubricCatalog}) and one version's tree, as the API reads them. */
@Controller
@RequestMapping("/rubrics")
public class RubricPagesController {

    /** One node of the tree as a table row, indented by its level. */
    public record NodeRow(int level, String code, String name, String weight, boolean leaf, String ruleLabel,
            String ruleDescription, String inputLabel, String description, String criteria, String provenance,
            String rounding) {
    }

    private final RubricCatalog catalog;

    public RubricPagesController(RubricCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    public String list(Model model) {
        model.addAttribute("pageTitle", "评价体系");
        model.addAttribute("nav", "rubrics");
        model.addAttribute("versions", catalog.list(reader()));
        return "ui/rubric/list";
    }

    @GetMapping("/{rubricVersionId}")
    public String version(@PathVariable String rubricVersionId, Model model) {
        Detail detail = catalog.get(new RubricVersionId(rubricVersionId), reader());
        List<NodeRow> rows = new ArrayList<>();
        detail.tree().forEach(node -> flatten(node, 1, rows));
        model.addAttribute("pageTitle", "评价体系 " + rubricVersionId);
        model.addAttribute("nav", "rubrics");
        model.addAttribute("detail", detail);
        model.addAttribute("v", detail.version());
        model.addAttribute("rows", rows);
        model.addAttribute("rounding", detail.rounding() == null ? "—"
                : "保留 " + detail.rounding().decimals() + " 位小数（" + mode(detail.rounding().mode()) + "）");
        return "ui/rubric/detail";
    }

    private static void flatten(RubricNode node, int level, List<NodeRow> rows) {
        boolean leaf = node.children().isEmpty();
        RuleSummary rule = leaf && node.rule() != null ? RuleSummary.of(node.rule(), node.input(), node.weight()) : null;
        rows.add(new NodeRow(level, node.code() == null ? "" : node.code().toString(), node.name(),
                node.weight() == null ? "" : Display.number(node.weight()), leaf, rule == null ? null : rule.label(),
                rule == null ? null : rule.description(), leaf && node.input() != null ? input(node.input()) : null,
                node.description(), node.criteria(), node.provenance(), node.rounding() == null ? null
                        : node.rounding().decimals() + " 位小数（" + mode(node.rounding().mode()) + "）"));
        node.children().forEach(child -> flatten(child, level + 1, rows));
    }

    /** The input's kind and what it names: the ledger figure, the indicator, the group. */
    static String input(InputReference input) {
        String what = null;
        if (input instanceof InputReference.LedgerMetricInput m && m.metric() != null) {
            what = m.metric().label();
        } else if (input instanceof InputReference.IndicatorInput i) {
            what = i.indicatorId() != null ? "指标 " + i.indicatorId()
                    : i.taggedWith() == null ? null : "标记为 " + i.taggedWith() + " 的指标";
        } else if (input instanceof InputReference.IndicatorGroupInput g && g.groupCode() != null) {
            what = "组 " + g.groupCode() + (g.pathPrefix().isEmpty() ? "" : "（" + String.join(" / ", g.pathPrefix()) + "）");
        }
        return what == null ? input.label() : input.label() + "：" + what;
    }

    private static String mode(java.math.RoundingMode mode) {
        return switch (mode) {
            case HALF_UP -> "四舍五入";
            case DOWN, FLOOR -> "舍去";
            case UP, CEILING -> "进位";
            case HALF_EVEN -> "四舍六入五成双";
            default -> mode.name();
        };
    }

    private static DepartmentScope reader() {
        return CurrentUser.get().map(LedgerUserDetails::scope).orElse(DepartmentScope.of());
    }
}
