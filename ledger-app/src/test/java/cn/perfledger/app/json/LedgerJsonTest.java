package cn.perfledger.app.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.perfledger.domain.budget.BudgetEvent;
import cn.perfledger.domain.budget.BudgetEvent.FiscalYearOpened;
import cn.perfledger.domain.budget.BudgetEvent.UnitRef;
import cn.perfledger.domain.budget.BudgetLineSpec;
import cn.perfledger.domain.budget.EconomicCode;
import cn.perfledger.domain.budget.ExpenditureKind;
import cn.perfledger.domain.budget.FunctionalCode;
import cn.perfledger.domain.budget.FundingSource;
import cn.perfledger.domain.common.BudgetLineId;
import cn.perfledger.domain.common.DepartmentId;
import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.FiscalYear;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.domain.common.Money;
import cn.perfledger.domain.common.RubricVersionId;
import cn.perfledger.domain.common.UnitCode;
import cn.perfledger.domain.common.RubricItemCode;
import cn.perfledger.domain.common.VoucherNo;
import cn.perfledger.domain.common.IndicatorId;
import cn.perfledger.domain.evaluation.ActualValue;
import cn.perfledger.domain.evaluation.Direction;
import cn.perfledger.domain.evaluation.EvaluationEvent.EvaluationTableImported;
import cn.perfledger.domain.evaluation.EvaluationEvent.IndicatorActualRecorded;
import cn.perfledger.domain.evaluation.EvaluationEvent.IndicatorDefined;
import cn.perfledger.domain.evaluation.Grade;
import cn.perfledger.domain.evaluation.EvaluationId;
import cn.perfledger.domain.evaluation.TargetExpression;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.SerializedObject;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

class LedgerJsonTest {

    private final ObjectMapper mapper = LedgerJson.newObjectMapper();

    @Test
    void valueTypes_areScalars() throws Exception {
        FiscalYearId id = FiscalYearId.of("GZ-ZSJ", 2021);
        BudgetEvent.ExpenditureRecorded event = new BudgetEvent.ExpenditureRecorded(id, new VoucherNo("记-0012"),
                new BudgetLineId("L-1"), Money.of("1234.5"), LocalDate.of(2021, 3, 31), "某公司", null, "b1", null,
                null);
        String json = mapper.writeValueAsString(event);
        assertThat(json).isEqualTo("{\"fiscalYearId\":\"GZ-ZSJ/2021\",\"voucherNo\":\"记-0012\",\"lineId\":\"L-1\","
                + "\"amount\":\"1234.50\",\"effectiveDate\":\"2021-03-31\",\"payee\":\"某公司\",\"summary\":null,"
                + "\"batchId\":\"b1\",\"correctionOf\":null,\"postCloseReason\":null}");
        assertThat(mapper.readValue(json, BudgetEvent.ExpenditureRecorded.class)).isEqualTo(event);
    }

    @Test
    void ledgerFileImported_hasItsLockedJsonForm_andRoundTrips() throws Exception {
        BudgetEvent.LedgerFileImported event = new BudgetEvent.LedgerFileImported(FiscalYearId.of("GZ-ZSJ", 2021),
                "imp-2021-03", "2021年预算台账.xlsx", "ab".repeat(32), 57, 56, LocalDate.of(2021, 10, 15));
        String json = mapper.writeValueAsString(event);
        assertThat(json).isEqualTo("{\"fiscalYearId\":\"GZ-ZSJ/2021\",\"importId\":\"imp-2021-03\","
                + "\"fileName\":\"2021年预算台账.xlsx\",\"sha256\":\"" + "ab".repeat(32) + "\",\"rowCount\":57,"
                + "\"eventCount\":56,\"effectiveDate\":\"2021-10-15\"}");
        assertThat(mapper.readValue(json, BudgetEvent.LedgerFileImported.class)).isEqualTo(event);
        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(mapper).build();
        SerializedObject<byte[]> serialized = serializer.serialize(event, byte[].class);
        assertThat(serialized.getType().getRevision()).isEqualTo("1");
        assertThat((Object) serializer.deserialize(serialized)).isEqualTo(event);
    }

    @Test
    void evaluationTableImported_hasAStableJsonForm_revision1() throws Exception {
        EvaluationTableImported event = new EvaluationTableImported(EvaluationId.of("GZ-ZSJ", 2021),
                "2021年度自评表.xlsx", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", 40, 17, 17, 13,
                27, 0, LocalDate.of(2021, 12, 31));
        String json = mapper.writeValueAsString(event);
        assertThat(json).isEqualTo("{\"evaluationId\":\"GZ-ZSJ/2021/evaluation\",\"fileName\":\"2021年度自评表.xlsx\","
                + "\"digest\":\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\",\"rows\":40,"
                + "\"indicatorsDefined\":17,\"actualsRecorded\":17,\"judgementScoresEntered\":13,"
                + "\"declaredFiguresRecorded\":27,\"unchanged\":0,\"effectiveDate\":\"2021-12-31\"}");
        assertThat(mapper.readValue(json, EvaluationTableImported.class)).isEqualTo(event);
        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(LedgerJson.newObjectMapper()).build();
        SerializedObject<byte[]> serialized = serializer.serialize(event, byte[].class);
        assertThat(serialized.getType().getRevision()).isEqualTo("1");
        assertThat((Object) serializer.deserialize(serialized)).isEqualTo(event);
    }

    @Test
    void indicatorEvents_haveTheirLockedJsonForm_revision2() throws Exception {
        EvaluationId id = EvaluationId.of("HZ-ZSJ", 2020);
        TargetExpression target = TargetExpression.parse("targetExpression", "100%", Direction.POSITIVE);
        IndicatorDefined defined = new IndicatorDefined(id, new IndicatorId("HZ20-DEPT-14"), List.of("关键指标"),
                "部门年度整体预期预算完成率", BigDecimal.ZERO, "100%", target, null, LocalDate.of(2020, 1, 1));
        assertThat(mapper.writeValueAsString(defined)).isEqualTo("{\"evaluationId\":\"HZ-ZSJ/2020/evaluation\","
                + "\"indicatorId\":\"HZ20-DEPT-14\",\"path\":[\"关键指标\"],\"name\":\"部门年度整体预期预算完成率\",\"weight\":0,"
                + "\"targetExpression\":\"100%\",\"target\":{\"text\":\"100%\",\"direction\":\"POSITIVE\","
                + "\"directionSource\":\"GIVEN\",\"comparator\":\"GE\",\"number\":100,\"unit\":\"%\",\"normalisedValue\":100,"
                + "\"baseUnit\":\"%\",\"upperNumber\":null,\"upperNormalisedValue\":null},\"rubricItemCode\":null,"
                + "\"effectiveDate\":\"2020-01-01\"}");
        TargetExpression qualitative = TargetExpression.parse("targetExpression", "平台运行稳定。", Direction.QUALITATIVE);
        ActualValue graded = ActualValue.parse("actual", "平台运行稳定。", qualitative, Grade.ACHIEVED);
        IndicatorActualRecorded recorded = new IndicatorActualRecorded(id, new IndicatorId("HZ20-DEPT-10"),
                "平台运行稳定。", graded, LocalDate.of(2020, 12, 31));
        assertThat(mapper.writeValueAsString(recorded)).isEqualTo("{\"evaluationId\":\"HZ-ZSJ/2020/evaluation\","
                + "\"indicatorId\":\"HZ20-DEPT-10\",\"actual\":\"平台运行稳定。\",\"value\":{\"text\":\"平台运行稳定。\","
                + "\"kind\":\"GRADED\",\"number\":null,\"unit\":\"\",\"normalisedValue\":null,\"baseUnit\":\"\","
                + "\"bound\":null,\"grade\":\"ACHIEVED\"},\"effectiveDate\":\"2020-12-31\"}");
        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(LedgerJson.newObjectMapper()).build();
        for (Object event : List.of(defined, recorded)) {
            SerializedObject<byte[]> serialized = serializer.serialize(event, byte[].class);
            assertThat(serialized.getType().getRevision()).isEqualTo("2");
            assertThat((Object) serializer.deserialize(serialized)).isEqualTo(event);
        }
    }

    @Test
    void nestedRecords_enums_lists_andNumbersRoundTrip() throws Exception {
        FiscalYearOpened opened = new FiscalYearOpened(FiscalYearId.of("D1", 2023), new DepartmentId("D1"), 2023,
                "海珠区某局", List.of(new UnitRef(new UnitCode("BJ"), "本级")), new RubricVersionId("haizhu-2023@1"),
                LocalDate.of(2023, 1, 1));
        String json = mapper.writeValueAsString(opened);
        assertThat(json).contains("\"units\":[{\"code\":\"BJ\",\"name\":\"本级\"}]").contains("\"year\":2023");
        assertThat(mapper.readValue(json, FiscalYearOpened.class)).isEqualTo(opened);

        BudgetEvent.BudgetLineOpened line = new BudgetEvent.BudgetLineOpened(FiscalYearId.of("D1", 2023),
                new BudgetLineId("L1"), new BudgetLineSpec(new UnitCode("BJ"), FundingSource.GENERAL_PUBLIC_BUDGET,
                        ExpenditureKind.BASIC_OPERATING, null, null, new FunctionalCode("2010101"),
                        new EconomicCode("30201")), LocalDate.of(2023, 1, 1));
        String lineJson = mapper.writeValueAsString(line);
        assertThat(lineJson).contains("\"functionalCode\":\"2010101\"").contains("\"economicCode\":\"30201\"")
                .contains("\"fundingSource\":\"GENERAL_PUBLIC_BUDGET\"");
        assertThat(mapper.readValue(lineJson, BudgetEvent.BudgetLineOpened.class)).isEqualTo(line);

        assertThat(mapper.writeValueAsString(new FiscalYear(2021))).isEqualTo("2021");
        assertThat(mapper.readValue("2021", FiscalYear.class)).isEqualTo(new FiscalYear(2021));
        assertThat(mapper.writeValueAsString(new BigDecimal("1E+3"))).isEqualTo("1000");
    }

    @Test
    void compositeIds_areStrings_butParsedTextsStayObjects() throws Exception {
        EvaluationId evaluationId = EvaluationId.of("D1", 2023);
        assertThat(mapper.writeValueAsString(evaluationId)).isEqualTo("\"D1/2023/evaluation\"");
        assertThat(mapper.readValue("\"D1/2023/evaluation\"", EvaluationId.class)).isEqualTo(evaluationId);
        TargetExpression target = TargetExpression.parse(">=95%");
        JsonNode node = mapper.readTree(mapper.writeValueAsString(target));
        assertThat(node.isObject()).isTrue();
        assertThat(node.get("text").asText()).isEqualTo(">=95%");
        assertThat(mapper.treeToValue(node, TargetExpression.class)).isEqualTo(target);
        assertThat(mapper.writeValueAsString(new RubricItemCode("A-1"))).isEqualTo("\"A-1\"");
    }

    @Test
    void money_acceptsStringsAndPlainNumbers_refusesThreeDecimalsAndExponents() throws Exception {
        assertThat(mapper.readValue("\"123.45\"", Money.class)).isEqualTo(Money.of("123.45"));
        assertThat(mapper.readValue("123.4", Money.class)).isEqualTo(Money.of("123.40"));
        assertThat(mapper.readValue("7", Money.class)).isEqualTo(Money.of("7.00"));
        assertThatThrownBy(() -> mapper.readValue("123.456", Money.class))
                .isInstanceOf(InvalidFormatException.class).hasCauseInstanceOf(DomainException.class)
                .hasMessageContaining("两位小数");
        assertThatThrownBy(() -> mapper.readValue("1e5", Money.class))
                .isInstanceOf(InvalidFormatException.class).hasMessageContaining("科学计数法");
        assertThatThrownBy(() -> mapper.readValue("\"1,000\"", Money.class))
                .isInstanceOf(InvalidFormatException.class);
    }

    @Test
    void invalidIds_fail_withTheDomainRuleAndPath() {
        assertThatThrownBy(() -> mapper.readValue("{\"fiscalYearId\":\"nope\"}", BudgetEvent.FixedAssetsRecorded.class))
                .isInstanceOf(InvalidFormatException.class)
                .satisfies(e -> assertThat(((InvalidFormatException) e).getPath().get(0).getFieldName())
                        .isEqualTo("fiscalYearId"));
    }

    /** A stand-in for an aggregate: private fields, no getters, package-private state classes, typed-id keys. */
    static final class SampleAggregate {
        private FiscalYearId id;
        private Map<BudgetLineId, SampleLine> lines = new LinkedHashMap<>();
        private Map<String, Long> vouchers = new LinkedHashMap<>();
        private boolean closed;
        private transient int notSerialized = 42;

        SampleAggregate() {
        }

        public String getDerived() {
            throw new AssertionError("getters must not be called");
        }
    }

    static final class SampleLine {
        private long availableFen;
        private Money lastAmount;

        public SampleLine() {
        }

        long availableFen() {
            return availableFen;
        }
    }

    @Test
    void aggregateLikeClasses_serializeByFields_notGetters() throws Exception {
        SampleAggregate aggregate = new SampleAggregate();
        aggregate.id = FiscalYearId.of("D1", 2021);
        SampleLine line = new SampleLine();
        line.availableFen = 12345;
        line.lastAmount = Money.of("1.00");
        aggregate.lines.put(new BudgetLineId("L-1"), line);
        aggregate.vouchers.put("V1", 7L);
        aggregate.closed = true;
        String json = mapper.writeValueAsString(aggregate);
        assertThat(json).isEqualTo("{\"id\":\"D1/2021\",\"lines\":{\"L-1\":{\"availableFen\":12345,"
                + "\"lastAmount\":\"1.00\"}},\"vouchers\":{\"V1\":7},\"closed\":true}");
        SampleAggregate back = mapper.readValue(json, SampleAggregate.class);
        assertThat(back.id).isEqualTo(aggregate.id);
        assertThat(back.lines.get(new BudgetLineId("L-1")).availableFen()).isEqualTo(12345);
        assertThat(back.closed).isTrue();
        Map<FiscalYearId, Integer> keyed = mapper.readValue("{\"D1/2021\":1}", new TypeReference<>() {
        });
        assertThat(keyed).containsEntry(FiscalYearId.of("D1", 2021), 1);
    }

    @Test
    void unknownProperties_areIgnored() throws Exception {
        String json = "{\"fiscalYearId\":\"D1/2021\",\"originalValue\":\"1.00\",\"inUseValue\":\"1.00\","
                + "\"effectiveDate\":\"2021-01-01\",\"addedInAFutureRevision\":true}";
        assertThat(mapper.readValue(json, BudgetEvent.FixedAssetsRecorded.class).inUseValue())
                .isEqualTo(Money.of("1"));
    }

    @Test
    void frameworkClasses_keepJacksonDefaults() throws Exception {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "x");
        problem.setType(URI.create("about:blank"));
        problem.setProperty("field", "amount");
        JsonNode node = mapper.readTree(mapper.writeValueAsString(problem));
        assertThat(node.get("field").asText()).isEqualTo("amount");
        assertThat(node.get("status").asInt()).isEqualTo(400);
        assertThat(node.has("properties")).isFalse();

        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(LedgerJson.newObjectMapper()).build();
        TrackingToken token = ReplayToken.createReplayToken(GapAwareTrackingToken.newInstance(10, Set.of(3L, 5L)),
                GapAwareTrackingToken.newInstance(2, Set.of()));
        SerializedObject<byte[]> serialized = serializer.serialize(token, byte[].class);
        TrackingToken back = serializer.deserialize(serialized);
        assertThat(back).isEqualTo(token);
    }

    /** The request an attacker sent: the first amount passes a glance, the last one was stored. */
    @Test
    void aNameTwiceInOneObject_isRefused_namingTheFieldAndWhere() {
        String twice = "{\"fiscalYearId\":\"D1/2021\",\"voucherNo\":\"V-1\",\"lineId\":\"L1\","
                + "\"amount\":\"1.00\",\"amount\":\"999999.00\",\"effectiveDate\":\"2021-03-01\"}";
        assertThatThrownBy(() -> mapper.readValue(twice, BudgetEvent.ExpenditureRecorded.class))
                .satisfies(e -> assertThat(LedgerJson.strictnessRefusal(e)).isEqualTo(new LedgerJson.Refusal(
                        "amount", "字段重复：同一 JSON 对象中「amount」出现了不止一次，无法判断以哪一个为准，每个字段只能写一次")));

        String nested = "{\"batchId\":\"b\",\"entries\":[{\"amount\":\"1.00\"},"
                + "{\"voucherNo\":\"V-2\",\"amount\":\"1.00\",\"voucherNo\":\"V-3\"}]}";
        assertThatThrownBy(() -> mapper.readTree(nested))
                .satisfies(e -> assertThat(LedgerJson.strictnessRefusal(e).field()).isEqualTo("entries[1].voucherNo"));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"{\"a\":1} x", "{\"a\":1}{\"a\":2}", "{\"a\":1} 1",
            "{\"a\":1}]", "{\"a\":1} // comment", "{\"a\":1}\u0000", "{\"a\":1}\n\"more\""})
    void textAfterTheValue_isRefused(String json) {
        assertThatThrownBy(() -> mapper.readValue(json, Map.class))
                .satisfies(e -> assertThat(LedgerJson.strictnessRefusal(e)).as(String.valueOf(e)).isNotNull()
                        .satisfies(r -> {
                            assertThat(r.field()).isEqualTo("body");
                            assertThat(r.rule()).startsWith("请求体只能是一个 JSON 值，其后不能再有其他内容（第 ");
                        }));
        assertThatThrownBy(() -> mapper.readTree(json)).isNotNull();
    }

    @Test
    void whiteSpaceAfterTheValue_andOtherFailures_areNotStrictnessRefusals() throws Exception {
        assertThat(mapper.readValue("{\"a\":1} \r\n\t ", Map.class)).containsEntry("a", 1);
        assertThatThrownBy(() -> mapper.readValue("x", Map.class))
                .satisfies(e -> assertThat(LedgerJson.strictnessRefusal(e)).isNull());
        assertThatThrownBy(() -> mapper.readValue("{\"a\":", Map.class))
                .satisfies(e -> assertThat(LedgerJson.strictnessRefusal(e)).isNull());
    }
}
