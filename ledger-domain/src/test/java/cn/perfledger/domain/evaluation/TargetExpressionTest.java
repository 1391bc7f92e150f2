package cn.perfledger.domain.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.perfledger.domain.common.DomainException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TargetExpressionTest {

    /** Every target as the seeds write it (000, 002), plus full-width and spaced variants. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            >=5                                                   | GE          | 5     | ''   | 5        | ''  | POSITIVE
            >450                                                  | GT          | 450   | ''   | 450      | ''  | POSITIVE
            <5%                                                   | LT          | 5     | %    | 5        | %   | REVERSE
            100%                                                  | GE          | 100   | %    | 100      | %   | POSITIVE
            100%达标                                              | QUALITATIVE | 100   | %    | 100      | %   | QUALITATIVE
            至少一次                                              | GE          | 1     | 次   | 1        | 次  | POSITIVE
            2次或以上                                             | GE          | 2     | 次   | 2        | 次  | POSITIVE
            12份                                                  | GE          | 12    | 份   | 12       | 份  | POSITIVE
            >=10000M                                              | GE          | 10000 | M    | 10000    | M   | POSITIVE
            ≥700万次                                              | GE          | 700   | 万次 | 7000000  | 次  | POSITIVE
            大于95%                                               | GT          | 95    | %    | 95       | %   | POSITIVE
            ≤5%                                                   | LE          | 5     | %    | 5        | %   | REVERSE
            ≥6个月                                                | GE          | 6     | 个月 | 6        | 月  | POSITIVE
            1个                                                   | GE          | 1     | 个   | 1        | 个  | POSITIVE
            ≥1212万件                                             | GE          | 1212  | 万件 | 12120000 | 件  | POSITIVE
            ≥500个。                                              | GE          | 500   | 个   | 500      | 个  | POSITIVE
            140个                                                 | GE          | 140   | 个   | 140      | 个  | POSITIVE
            90%                                                   | GE          | 90    | %    | 90       | %   | POSITIVE
            不低于95%                                             | GE          | 95    | %    | 95       | %   | POSITIVE
            提供20份以上的数据质量报告                            | GE          | 20    | 份   | 20       | 份  | POSITIVE
            对已纳入集成服务的政策兑现事项，100%完成标准化必填要素梳理。 | QUALITATIVE | 100 | % | 100 | % | QUALITATIVE
            ＞95％                                                | GT          | 95    | %    | 95       | %   | POSITIVE
            ≧98%                                                  | GE          | 98    | %    | 98       | %   | POSITIVE
            １２份                                                | GE          | 12    | 份   | 12       | 份  | POSITIVE
            12 份                                                 | GE          | 12    | 份   | 12       | 份  | POSITIVE
            >=85 分                                               | GE          | 85    | 分   | 85       | 分  | POSITIVE
            大于 95%                                              | GT          | 95    | %    | 95       | %   | POSITIVE
            >=4000000                                             | GE          | 4000000 | '' | 4000000  | ''  | POSITIVE
            ≥5500万条                                             | GE          | 5500  | 万条 | 55000000 | 条  | POSITIVE
            三、1、≥700万次                                       | GE          | 700   | 万次 | 7000000  | 次  | POSITIVE
            四、5、提供20份以上的数据质量报告                     | GE          | 20    | 份   | 20       | 份  | POSITIVE
            热线每月接通率不低于95%                               | GE          | 95    | %    | 95       | %   | POSITIVE
            5%以内                                                | LE          | 5     | %    | 5        | %   | REVERSE
            不超过5%                                              | LE          | 5     | %    | 5        | %   | REVERSE
            低于5%                                                | LT          | 5     | %    | 5        | %   | REVERSE
            小于5%                                                | LT          | 5     | %    | 5        | %   | REVERSE
            超过1,212万件                                         | GT          | 1212  | 万件 | 12120000 | 件  | POSITIVE
            不少于500个                                           | GE          | 500   | 个   | 500      | 个  | POSITIVE
            =100%                                                 | EQ          | 100   | %    | 100      | %   | EQUAL
            至少十二次                                            | GE          | 12    | 次   | 12       | 次  | POSITIVE
            两次                                                  | GE          | 2     | 次   | 2        | 次  | POSITIVE
            满意率不低于95%（≥95%）                               | GE          | 95    | %    | 95       | %   | POSITIVE
            0.5亿元                                               | GE          | 0.5   | 亿元 | 50000000 | 元  | POSITIVE
            第十二次会议前召开3次                                 | GE          | 3     | 次   | 3        | 次  | POSITIVE
            第1季度完成2次或以上                                  | GE          | 2     | 次   | 2        | 次  | POSITIVE
            """)
    void parses_seedTargets(String text, TargetComparator comparator, String number, String unit, String normalised,
            String baseUnit, Direction polarity) {
        TargetExpression target = TargetExpression.parse(text);

        assertThat(target.text()).isEqualTo(text.strip());
        assertThat(target.comparator()).isEqualTo(comparator);
        assertThat(target.number()).isEqualByComparingTo(number);
        assertThat(target.unit()).isEqualTo(unit);
        assertThat(target.normalisedValue()).isEqualByComparingTo(normalised);
        assertThat(target.baseUnit()).isEqualTo(baseUnit);
        assertThat(target.direction()).isEqualTo(polarity);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            按时完成                         | 未找到数值
            达标                             | 未找到数值
            一网通办                         | 未找到数值
            95%至100%                        | 包含多个数值
            12345热线接通率不低于95%         | 包含多个数值
            2021年完成12份                   | 包含多个数值
            ≥95%，且≥700万次                 | 包含多个数值
            """)
    void refuses_unparseableTargets(String text, String reason) {
        assertThatThrownBy(() -> TargetExpression.parse(text))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.field()).isEqualTo("targetExpression");
                    assertThat(e.rule()).contains(reason);
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t"})
    void refuses_blankTargets(String text) {
        assertThatThrownBy(() -> TargetExpression.parse(text))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.rule()).contains("不能为空"));
    }

    @Test
    void refuses_nullAndOverlongTargets_namingTheGivenField() {
        assertThatThrownBy(() -> TargetExpression.parse("newTargetExpression", null))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.field()).isEqualTo("newTargetExpression"));
        assertThatThrownBy(() -> TargetExpression.parse("≥95%" + "说明".repeat(300)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.rule()).contains("长度不能超过"));
    }

    /** Met / not met with units and 万 multipliers normalised; seed 002 key indicators among them. */
    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            ≥95%                              | 94.07%                         | NOT_MET
            ≤5%                               | 0                              | MET
            ≥1212万件                         | 2871.7436万件                  | MET
            ≥700万次                          | 805万次                        | MET
            ≥700万次                          | 600万次                        | NOT_MET
            ≥700万次                          | 7000000次                      | MET
            ≥95%                              | 97.52%                         | MET
            140个                             | 179个                          | MET
            1个                               | 1个                            | MET
            90%                               | 100%                           | MET
            ≥6个月                            | ≥9个月                         | MET
            ≥6个月                            | 5月                            | NOT_MET
            提供20份以上的数据质量报告        | 提供了31份数据质量报告         | MET
            对已纳入集成服务的政策兑现事项，100%完成标准化必填要素梳理。 | 100%完成标准化必填要素梳理 | MET
            100%达标                          | 100%                           | MET
            100%达标                          | 98%                            | NOT_MET
            100%达标                          | 已完成                         | MET
            100%达标                          | 达标                           | MET
            100%达标                          | 未达标                         | NOT_MET
            100%达标                          | 未完成                         | NOT_MET
            ≥5500万条                         | 6447万条                       | MET
            >450                              | 450                            | NOT_MET
            >450                              | 530                            | MET
            <5%                               | 5%                             | NOT_MET
            <5%                               | 0%                             | MET
            >=70%                             | 94                             | MET
            至少一次                          | 1                              | MET
            2次或以上                         | 2                              | MET
            大于95%                           | 95%                            | NOT_MET
            =100%                             | 100%                           | MET
            =100%                             | 99%                            | NOT_MET
            ≥1212万件                         | 2871.7436万次                  | INCOMPARABLE
            ≥95%                              | 805万次                        | INCOMPARABLE
            """)
    void assesses_actualAgainstTarget(String target, String actual, Assessment expected) {
        TargetExpression parsedTarget = TargetExpression.parse(target);
        ActualValue parsedActual = ActualValue.parse(actual);

        assertThat(parsedTarget.assess(parsedActual)).isEqualTo(expected);
        if (expected != Assessment.INCOMPARABLE) {
            assertThat(parsedTarget.metBy(parsedActual)).isEqualTo(expected == Assessment.MET);
            assertThat(parsedTarget.comparableWith(parsedActual)).isTrue();
        } else {
            assertThat(parsedTarget.comparableWith(parsedActual)).isFalse();
        }
    }

    @Test
    void metBy_refusesIncomparableUnits() {
        TargetExpression target = TargetExpression.parse("≥95%");
        ActualValue actual = ActualValue.parse("805万次");

        assertThatThrownBy(() -> target.metBy(actual))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.field()).isEqualTo("actual");
                    assertThat(e.rule()).contains("不可比较");
                });
    }

    /** Completion rates of seed 000's tables 1-2 (uncapped) and of §5's reverse and qualitative cases. */
    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            >=5           | 7        | 1.4000
            >=4000000     | 5840000  | 1.4600
            >=85 分       | 120 分   | 1.4118
            >=70%         | 94       | 1.3429
            大于 95%      | 100%     | 1.0526
            <5%           | 0%       | 1.0000
            ≤5%           | 10%      | 0.5000
            ≥95%          | 94.07%   | 0.9902
            ≥1212万件     | 2871.7436万件 | 2.3694
            100%达标      | 100%     | 1.0000
            100%达标      | 未达标   | 0.0000
            100%达标      | 98%      | 0.9800
            12 份         | 12       | 1.0000
            =100%         | 90%      | 0.9000
            """)
    void computes_completionRates(String target, String actual, String rate) {
        assertThat(TargetExpression.parse(target).completionRate(ActualValue.parse(actual), 4, RoundingMode.HALF_UP))
                .hasValueSatisfying(value -> assertThat(value).isEqualByComparingTo(new BigDecimal(rate)));
    }

    @Test
    void completionRate_isEmpty_whenIncomparable() {
        assertThat(TargetExpression.parse("≥95%").completionRate(ActualValue.parse("805万次"), 4, RoundingMode.HALF_UP))
                .isEmpty();
    }
}
