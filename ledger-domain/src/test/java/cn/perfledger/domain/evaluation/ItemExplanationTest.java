package cn.perfledger.domain.evaluation;

import static cn.perfledger.domain.evaluation.EvaluationFixtures.DEC_31;
import static cn.perfledger.domain.evaluation.EvaluationFixtures.ID;
import static cn.perfledger.domain.evaluation.EvaluationFixtures.NEXT_YEAR;
import static cn.perfledger.domain.evaluation.EvaluationFixtures.domainError;
import static cn.perfledger.domain.evaluation.EvaluationFixtures.started;

import cn.perfledger.domain.common.RubricItemCode;
import cn.perfledger.domain.evaluation.EvaluationCommand.RecordItemExplanation;
import cn.perfledger.domain.evaluation.EvaluationEvent.ItemExplanationRecorded;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The department's explanation of an item (ExplanationBook): any item, computed ones included; the last one stands. */
class ItemExplanationTest {

    private static final RubricItemCode COMPUTED_ITEM = new RubricItemCode("M.FUND.BUDGET-COMPLETION");

    private FixtureConfiguration<Evaluation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Evaluation.class);
    }

    @Test
    void recordsTheDepartmentsTexts_strippedAndBlankAsNone() {
        fixture.given(started())
                .when(new RecordItemExplanation(ID, COMPUTED_ITEM, "  财政拨款执行到位 ", "个别项目年底验收，支付滞后", "  ",
                        DEC_31))
                .expectEvents(new ItemExplanationRecorded(ID, COMPUTED_ITEM, "财政拨款执行到位", "个别项目年底验收，支付滞后", null,
                        false, DEC_31));
    }

    @Test
    void aLaterOne_supersedesTheEarlier_andSaysSo() {
        fixture.given(started(), new ItemExplanationRecorded(ID, COMPUTED_ITEM, "旧说明", null, null, false, DEC_31))
                .when(new RecordItemExplanation(ID, COMPUTED_ITEM, null, null, "提前安排验收与支付", NEXT_YEAR))
                .expectEvents(new ItemExplanationRecorded(ID, COMPUTED_ITEM, null, null, "提前安排验收与支付", true,
                        NEXT_YEAR));
    }

    @Test
    void refuses_withoutAnyText() {
        fixture.given(started())
                .when(new RecordItemExplanation(ID, COMPUTED_ITEM, " ", null, "", DEC_31))
                .expectNoEvents()
                .expectException(domainError("basis", "至少填写一项"));
    }

    @Test
    void refuses_withoutAnItem_anOverlongText_orADateOutsideTheWindow() {
        fixture.given(started())
                .when(new RecordItemExplanation(ID, null, "说明", null, null, DEC_31))
                .expectException(domainError("rubricItemCode", "不能为空"));
        fixture.given(started())
                .when(new RecordItemExplanation(ID, COMPUTED_ITEM, null, "因".repeat(4001), null, DEC_31))
                .expectException(domainError("deviationReason", "4000"));
        fixture.given(started())
                .when(new RecordItemExplanation(ID, COMPUTED_ITEM, "说明", null, null, LocalDate.of(2023, 1, 1)))
                .expectException(domainError("effectiveDate", "之间"));
    }
}
