package cn.perfledger.app.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perfledger.app.json.LedgerJson;
import cn.perfledger.domain.evaluation.ActualValue;
import cn.perfledger.domain.evaluation.Direction;
import cn.perfledger.domain.evaluation.DirectionSource;
import cn.perfledger.domain.evaluation.EvaluationEvent.IndicatorActualRecorded;
import cn.perfledger.domain.evaluation.EvaluationEvent.IndicatorDefined;
import cn.perfledger.domain.evaluation.EvaluationEvent.IndicatorTargetRevised;
import cn.perfledger.domain.evaluation.TargetComparator;
import cn.perfledger.domain.evaluation.TargetExpression;
import cn.perfledger.domain.rubric.RubricEvent.RubricPublished;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.RoundingMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Revision-1 indicator payloads, in the exact form the revision-1 code wrote them (as in the demo exports of
 * {@code fixtures/events/revision1-*.jsonl.gz}), read as revision 2 give the figures the revision-1 code computed —
 * including its misreadings: "9月前" was ≥ 9 (months) and an actual of 7月 completed it to 77.78%; "少于5个" was 5 and did
 * not meet "<5个". New records are read correctly; old years are not silently rescored.
 */
class IndicatorEventsUpcasterTest {

    private final ObjectMapper json = LedgerJson.newObjectMapper();

    private static String target(String text, String comparator, String number, String unit, String baseUnit,
            String polarity) {
        return "{\"text\":\"" + text + "\",\"comparator\":\"" + comparator + "\",\"number\":" + number + ",\"unit\":\""
                + unit + "\",\"normalisedValue\":" + number + ",\"baseUnit\":\"" + baseUnit + "\",\"polarity\":\""
                + polarity + "\"}";
    }

    private static String actual(String text, String number, String unit, String bound) {
        return "{\"text\":\"" + text + "\",\"kind\":\"QUANTITY\",\"number\":" + number + ",\"unit\":\"" + unit
                + "\",\"normalisedValue\":" + number + ",\"baseUnit\":\"" + unit + "\",\"bound\":"
                + (bound == null ? "null" : "\"" + bound + "\"") + "}";
    }

    private TargetExpression upcastTarget(String revision1Target) throws Exception {
        JsonNode payload = json.readTree("{\"evaluationId\":\"D/2021/evaluation\",\"indicatorId\":\"I-1\",\"path\":[\"产出\"],"
                + "\"name\":\"指标\",\"weight\":2.94,\"targetExpression\":\"x\",\"target\":" + revision1Target
                + ",\"rubricItemCode\":null,\"effectiveDate\":\"2021-01-01\"}");
        JsonNode upcast = IndicatorEventsUpcaster.indicatorDefined().upcast(payload);
        return json.treeToValue(upcast, IndicatorDefined.class).target();
    }

    private ActualValue upcastActual(String revision1Value) throws Exception {
        JsonNode payload = json.readTree("{\"evaluationId\":\"D/2021/evaluation\",\"indicatorId\":\"I-1\",\"actual\":\"x\","
                + "\"value\":" + revision1Value + ",\"effectiveDate\":\"2021-12-31\"}");
        return json.treeToValue(IndicatorEventsUpcaster.indicatorActualRecorded().upcast(payload),
                IndicatorActualRecorded.class).value();
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({"GE, POSITIVE, POSITIVE, GE", "GT, POSITIVE, POSITIVE, GT", "LE, REVERSE, REVERSE, LE",
            "LT, REVERSE, REVERSE, LT", "EQ, EQUAL, EQUAL, EQ", "QUALITATIVE, QUALITATIVE, EQUAL, FULLY_ACHIEVED"})
    void theDirection_isTheOneTheOldComparatorMeant_markedLegacy(String comparator, String polarity,
            Direction direction, TargetComparator upcastComparator) throws Exception {
        TargetExpression target = upcastTarget(target("100%", comparator, "100", "%", "%", polarity));

        assertThat(target.direction()).isEqualTo(direction);
        assertThat(target.directionSource()).isEqualTo(DirectionSource.LEGACY);
        assertThat(target.comparator()).isEqualTo(upcastComparator);
        assertThat(target.upperNumber()).isNull();
    }

    @Test
    void aRevision1Misreading_replaysToTheFigureItHad() throws Exception {
        // revision 1 read "9月前" as ≥ 9 月 (no direction, a bare number meant "at least"): 7月 → 7 ÷ 9
        TargetExpression nineMonths = upcastTarget(target("9月前", "GE", "9", "月", "月", "POSITIVE"));
        ActualValue july = upcastActual(actual("7月", "7", "月", null));
        assertThat(nineMonths.completionRate(july, 4, RoundingMode.HALF_UP)).hasValueSatisfying(
                rate -> assertThat(rate).isEqualByComparingTo("0.7778"));

        // revision 1 compared "少于5个" at its number: 5 is not < 5; the bound is dropped so it still is not
        TargetExpression fewerThanFive = upcastTarget(target("<5个", "LT", "5", "个", "个", "REVERSE"));
        ActualValue lessThanFive = upcastActual(actual("少于5个", "5", "个", "LT"));
        assertThat(lessThanFive.bound()).isNull();
        assertThat(fewerThanFive.metBy(lessThanFive)).isFalse();

        // the same texts recorded now are read as a finance officer reads them
        TargetExpression now = TargetExpression.parse("9月前");
        assertThat(now.metBy(ActualValue.parse("actual", "7月", now, null))).isTrue();
        TargetExpression lessNow = TargetExpression.parse("<5个");
        assertThat(lessNow.metBy(ActualValue.parse("actual", "少于5个", lessNow, null))).isTrue();
    }

    @Test
    void revision1FullyAchieved_keepsItsRule_metAt100_elseActualOverTarget() throws Exception {
        TargetExpression target = upcastTarget(target("100%达标", "QUALITATIVE", "100", "%", "%", "QUALITATIVE"));

        assertThat(target.completionRate(upcastActual(actual("100%", "100", "%", null)), 4, RoundingMode.HALF_UP))
                .hasValueSatisfying(rate -> assertThat(rate).isEqualByComparingTo("1"));
        assertThat(target.completionRate(upcastActual(actual("98%", "98", "%", null)), 4, RoundingMode.HALF_UP))
                .hasValueSatisfying(rate -> assertThat(rate).isEqualByComparingTo("0.98"));
        assertThat(target.completionRate(upcastActual(actual("105%", "105", "%", null)), 4, RoundingMode.HALF_UP))
                .as("revision 1 gave 100% when met, not 105%").hasValueSatisfying(
                        rate -> assertThat(rate).isEqualByComparingTo("1"));
    }

    @Test
    void targetRevisions_andRubrics_areUpcastToo() throws Exception {
        JsonNode revised = json.readTree("{\"evaluationId\":\"D/2021/evaluation\",\"indicatorId\":\"I-1\","
                + "\"previousTargetExpression\":\"≥95%\",\"newTargetExpression\":\"90%\",\"newTarget\":"
                + target("90%", "GE", "90", "%", "%", "POSITIVE") + ",\"reason\":\"调整\",\"effectiveDate\":\"2021-06-30\"}");
        IndicatorTargetRevised event = json.treeToValue(IndicatorEventsUpcaster.indicatorTargetRevised().upcast(revised),
                IndicatorTargetRevised.class);
        assertThat(event.newTarget().direction()).isEqualTo(Direction.POSITIVE);
        assertThat(event.newTarget().directionSource()).isEqualTo(DirectionSource.LEGACY);

        JsonNode rubric = json.readTree("{\"rubricVersionId\":\"r@1\",\"name\":\"规则\",\"jurisdiction\":\"广州市\","
                + "\"templateYear\":2021,\"totalWeight\":100,\"bonusCap\":5,\"tree\":[],\"rounding\":null,\"grades\":null,"
                + "\"sourceNote\":\"x\",\"effectiveDate\":\"2021-01-01\"}");
        JsonNode upcast = RubricPublishedUpcaster.upcast(rubric);
        assertThat(upcast.has("gradeCoefficients") && upcast.get("gradeCoefficients").isNull()).isTrue();
        assertThat(json.treeToValue(upcast, RubricPublished.class).coefficients().display())
                .isEqualTo("达成 1、基本达成 0.8、部分达成 0.6、未达成 0");
    }
}
