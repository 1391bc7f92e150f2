package cn.perfledger.domain.rubric;

import cn.perfledger.domain.common.IndicatorId;
import cn.perfledger.domain.common.RubricItemCode;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where a rubric leaf takes its input from. Polymorphic in JSON by {@code kind} because rubric data files name
 * the input kind explicitly.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = InputReference.LedgerMetricInput.class, name = "ledgerMetric"),
        @JsonSubTypes.Type(value = InputReference.IndicatorInput.class, name = "indicator"),
        @JsonSubTypes.Type(value = InputReference.IndicatorGroupInput.class, name = "indicatorGroup"),
        @JsonSubTypes.Type(value = InputReference.JudgementInput.class, name = "judgement"),
        @JsonSubTypes.Type(value = InputReference.BonusPenaltyInput.class, name = "bonusPenalty"),
        @JsonSubTypes.Type(value = InputReference.LedgerMetricTargetInput.class, name = "ledgerMetricTarget")
})
public sealed interface InputReference {

    /** The Chinese name of the input kind, for messages. */
    String label();

    /** A rate the projections compute from the ledger (an exact fraction). */
    record LedgerMetricInput(LedgerMetric metric) implements InputReference {

        @Override
        public String label() {
            return "账本指标";
        }
    }

    /**
     * A ledger metric (the 完成值) against a target (the 指标值): the target of the department's own indicator, named by
     * its id or by the rubric code it is tagged with, or a target the rubric itself fixes ({@code target}, e.g.
     * "≤2%"); exactly one of the three. The target must state its direction and be a percentage, since every ledger
     * metric is a rate.
     */
    record LedgerMetricTargetInput(LedgerMetric metric, IndicatorId indicatorId, RubricItemCode taggedWith,
            String target) implements InputReference {

        public static LedgerMetricTargetInput againstTagged(LedgerMetric metric, RubricItemCode code) {
            return new LedgerMetricTargetInput(metric, null, code, null);
        }

        public static LedgerMetricTargetInput againstFixed(LedgerMetric metric, String target) {
            return new LedgerMetricTargetInput(metric, null, null, target);
        }

        /** The department's indicator holding the target, as an indicator reference; null for a fixed target. */
        public IndicatorInput indicator() {
            return target != null ? null : new IndicatorInput(indicatorId, taggedWith);
        }

        @Override
        public String label() {
            return "账本指标对照目标值";
        }
    }

    /**
     * One indicator of the evaluation, named either by its id or by the rubric code it is tagged with
     * (exactly one of the two): its completion rate, or whether it is met.
     */
    record IndicatorInput(IndicatorId indicatorId, RubricItemCode taggedWith) implements InputReference {

        public static IndicatorInput byId(IndicatorId indicatorId) {
            return new IndicatorInput(indicatorId, null);
        }

        public static IndicatorInput byTag(RubricItemCode code) {
            return new IndicatorInput(null, code);
        }

        @Override
        public String label() {
            return "单个绩效指标";
        }
    }

    /**
     * A group of the evaluation's indicators: those tagged with {@code groupCode} or with the code of any node
     * below it in the rubric tree (so "LZ" gathers every indicator under 履职效能) and, when {@code pathPrefix}
     * is not empty, also those whose path begins with it (for indicators defined without a tag).
     */
    record IndicatorGroupInput(RubricItemCode groupCode, List<String> pathPrefix) implements InputReference {

        public IndicatorGroupInput {
            pathPrefix = pathPrefix == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(pathPrefix));
        }

        public static IndicatorGroupInput of(RubricItemCode groupCode) {
            return new IndicatorGroupInput(groupCode, List.of());
        }

        @Override
        public String label() {
            return "绩效指标组";
        }
    }

    /** The score an evaluator enters (with its 评分依据) under the leaf's own code. */
    record JudgementInput() implements InputReference {

        @Override
        public String label() {
            return "评价人评分";
        }
    }

    /** The evaluation's bonus and penalty entries (加减分事项). */
    record BonusPenaltyInput() implements InputReference {

        @Override
        public String label() {
            return "加减分事项";
        }
    }
}
