package cn.perfledger.projections.evaluation;

import cn.perfledger.domain.common.RubricItemCode;
import cn.perfledger.domain.evaluation.Direction;
import cn.perfledger.domain.evaluation.ActualValue;
import cn.perfledger.domain.evaluation.GradeCoefficients;
import cn.perfledger.domain.evaluation.TargetComparator;
import cn.perfledger.domain.evaluation.TargetExpression;
import cn.perfledger.domain.rubric.RubricEvent.RubricPublished;
import cn.perfledger.domain.rubric.RubricNode;
import cn.perfledger.projections.ledger.Rates;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * 绩效指标完成情况 at one basis: every indicator with its target, actual, completion rate (uncapped) and status,
 * the share met per group (一级 and 一级/二级 path, rubric item) and overall (绩效目标完成率 = met ÷ defined).
 * Lists are in definition order. Plain data, ready to be serialized.
 */
public record IndicatorReport(List<Row> indicators, List<GroupShare> byPath, List<GroupShare> byRubricItem,
        GroupShare overall) {

    public IndicatorReport {
        indicators = List.copyOf(indicators);
        byPath = List.copyOf(byPath);
        byRubricItem = List.copyOf(byRubricItem);
    }

    /**
     * One indicator. {@code level1..3} are its path (一级/二级/三级, null where the path is shorter);
     * {@code direction}/{@code directionLabel} its 指标方向 and {@code directionSourceLabel} where it came from (填报人给出,
     * 目标值写明, 旧版按文字推定); {@code targetReading} how the target was read ("正向 ≥ 95%"); {@code gradeLabel} the
     * grade recorded for a qualitative indicator (else null); {@code completionRate} is the exact fraction (null
     * without a comparable actual) and {@code completionRateDisplay} the same in percent with two decimals, not capped.
     */
    public record Row(String indicatorId, List<String> path, String level1, String level2, String level3,
            String name, BigDecimal weight, String rubricItemCode, String targetText, TargetComparator comparator,
            String comparatorLabel, Direction direction, String directionLabel, String directionSourceLabel,
            String targetReading, String actualText, String gradeLabel, BigDecimal completionRate,
            String completionRateDisplay, IndicatorStatus status, String statusLabel, List<Flag> flags) {

        public Row {
            path = List.copyOf(path);
            flags = List.copyOf(flags);
        }

        public static Row of(IndicatorState indicator) {
            return of(indicator, GradeCoefficients.DEFAULT);
        }

        /** With the rubric's 得分系数 for the completion rate of a qualitative indicator. */
        public static Row of(IndicatorState indicator, GradeCoefficients coefficients) {
            List<String> path = indicator.path();
            BigDecimal rate = indicator.completionRate(coefficients);
            IndicatorStatus status = indicator.status();
            TargetExpression target = indicator.target();
            ActualValue actual = indicator.actual();
            return new Row(indicator.indicatorId().value(), path, level(path, 0), level(path, 1), level(path, 2),
                    indicator.name(), indicator.weight(),
                    indicator.rubricItemCode() == null ? null : indicator.rubricItemCode().value(),
                    target.text(), target.comparator(), target.comparator().symbol(), target.direction(),
                    target.direction().label(), target.directionSource().label(), target.reading(),
                    actual == null ? null : actual.text(),
                    actual == null || actual.grade() == null ? null : actual.grade().label(), rate,
                    Display.percent(rate), status, status.label(), indicator.flags());
        }

        private static String level(List<String> path, int index) {
            return path.size() > index ? path.get(index) : null;
        }
    }

    /** Counts of a group of indicators and its share met (met ÷ defined; null for an empty group). */
    public record GroupShare(String key, String label, int defined, int met, int notMet, int incomparable,
            int missingActual, BigDecimal shareMet, String shareMetDisplay) {

        public static GroupShare of(String key, String label, List<IndicatorState> members) {
            int met = 0;
            int notMet = 0;
            int incomparable = 0;
            int missing = 0;
            for (IndicatorState member : members) {
                switch (member.status()) {
                    case MET -> met++;
                    case NOT_MET -> notMet++;
                    case INCOMPARABLE -> incomparable++;
                    case MISSING_ACTUAL -> missing++;
                }
            }
            BigDecimal share = Rates.ratio(BigDecimal.valueOf(met), BigDecimal.valueOf(members.size()));
            return new GroupShare(key, label, members.size(), met, notMet, incomparable, missing, share,
                    Display.percent(share));
        }
    }

    /** The key of the whole-evaluation group. */
    public static final String OVERALL_KEY = "ALL";

    public static IndicatorReport of(EvaluationFold evaluation) {
        return of(evaluation, null);
    }

    /** With a rubric, rubric-item groups are labelled with the item's name instead of its code. */
    public static IndicatorReport of(EvaluationFold evaluation, RubricPublished rubric) {
        List<IndicatorState> all = evaluation.indicators();
        GradeCoefficients coefficients = rubric == null ? GradeCoefficients.DEFAULT
                : GradeCoefficients.orDefault(rubric.gradeCoefficients());
        List<Row> rows = all.stream().map(indicator -> Row.of(indicator, coefficients)).toList();

        List<GroupShare> byPath = new ArrayList<>();
        groups(all, indicator -> pathKey(indicator, 1)).forEach((key, members) -> {
            byPath.add(GroupShare.of(key, key, members));
            groups(members, indicator -> pathKey(indicator, 2))
                    .forEach((subKey, subMembers) -> byPath.add(GroupShare.of(subKey, subKey, subMembers)));
        });

        List<GroupShare> byItem = new ArrayList<>();
        groups(all, indicator -> indicator.rubricItemCode() == null ? null : indicator.rubricItemCode().value())
                .forEach((code, members) -> byItem.add(GroupShare.of(code, itemLabel(rubric, code), members)));

        return new IndicatorReport(rows, byPath, byItem, GroupShare.of(OVERALL_KEY, "绩效目标完成率", all));
    }

    /** The first {@code depth} levels of the path joined with " / ", or null when the path is shorter. */
    private static String pathKey(IndicatorState indicator, int depth) {
        List<String> path = indicator.path();
        return path.size() < depth ? null : String.join(" / ", path.subList(0, depth));
    }

    /** Groups in order of first appearance; indicators without a key are left out. */
    private static Map<String, List<IndicatorState>> groups(List<IndicatorState> indicators,
            Function<IndicatorState, String> key) {
        Map<String, List<IndicatorState>> groups = new LinkedHashMap<>();
        for (IndicatorState indicator : indicators) {
            String k = key.apply(indicator);
            if (k != null) {
                groups.computeIfAbsent(k, unused -> new ArrayList<>()).add(indicator);
            }
        }
        return groups;
    }

    private static String itemLabel(RubricPublished rubric, String code) {
        if (rubric == null) {
            return code;
        }
        return RubricNode.find(rubric.tree(), new RubricItemCode(code)).map(RubricNode::name).orElse(code);
    }
}
