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

    /**
     * Every target as the seeds write it (000, 002), plus full-width and spaced variants: read with the direction
     * given (second column; empty = none given, the text must state it). Columns: text | given | direction |
     * comparator | number | unit | normalised | base unit.
     */
    @ParameterizedTest(name = "{0} [{1}]")
    @CsvSource(delimiter = '|', textBlock = """
            >=5                                                   | ''   | POSITIVE | GE | 5     | ''   | 5        | ''
            >450                                                  | ''   | POSITIVE | GT | 450   | ''   | 450      | ''
            <5%                                                   | ''   | REVERSE  | LT | 5     | %    | 5        | %
            100%                                                  | 正向 | POSITIVE | GE | 100   | %    | 100      | %
            100%                                                  | 等于 | EQUAL    | EQ | 100   | %    | 100      | %
            100%                                                  | 反向 | REVERSE  | LE | 100   | %    | 100      | %
            100%达标                                              | ''   | POSITIVE | GE | 100   | %    | 100      | %
            100%达标                                              | 等于 | EQUAL    | EQ | 100   | %    | 100      | %
            至少一次                                              | ''   | POSITIVE | GE | 1     | 次   | 1        | 次
            2次或以上                                             | ''   | POSITIVE | GE | 2     | 次   | 2        | 次
            12份                                                  | 正向 | POSITIVE | GE | 12    | 份   | 12       | 份
            >=10000M                                              | ''   | POSITIVE | GE | 10000 | M    | 10000    | M
            ≥700万次                                              | 正向 | POSITIVE | GE | 700   | 万次 | 7000000  | 次
            大于95%                                               | ''   | POSITIVE | GT | 95    | %    | 95       | %
            ≤5%                                                   | 反向 | REVERSE  | LE | 5     | %    | 5        | %
            ≥6个月                                                | ''   | POSITIVE | GE | 6     | 个月 | 6        | 月
            ≥1212万件                                             | ''   | POSITIVE | GE | 1212  | 万件 | 12120000 | 件
            ≥500个。                                              | ''   | POSITIVE | GE | 500   | 个   | 500      | 个
            不低于95%                                             | ''   | POSITIVE | GE | 95    | %    | 95       | %
            提供20份以上的数据质量报告                            | ''   | POSITIVE | GE | 20    | 份   | 20       | 份
            对已纳入集成服务的政策兑现事项，100%完成标准化必填要素梳理。 | '' | POSITIVE | GE | 100 | % | 100 | %
            ＞95％                                                | ''   | POSITIVE | GT | 95    | %    | 95       | %
            ≧98%                                                  | ''   | POSITIVE | GE | 98    | %    | 98       | %
            １２份                                                | 正向 | POSITIVE | GE | 12    | 份   | 12       | 份
            >=85 分                                               | ''   | POSITIVE | GE | 85    | 分   | 85       | 分
            >=4000000                                             | ''   | POSITIVE | GE | 4000000 | '' | 4000000  | ''
            三、1、≥700万次                                       | ''   | POSITIVE | GE | 700   | 万次 | 7000000  | 次
            热线每月接通率不低于95%                               | ''   | POSITIVE | GE | 95    | %    | 95       | %
            12345热线接通率不低于95%                              | ''   | POSITIVE | GE | 95    | %    | 95       | %
            5%以内                                                | ''   | REVERSE  | LE | 5     | %    | 5        | %
            不超过5%                                              | ''   | REVERSE  | LE | 5     | %    | 5        | %
            少于5个                                               | ''   | REVERSE  | LT | 5     | 个   | 5        | 个
            超过1,212万件                                         | ''   | POSITIVE | GT | 1212  | 万件 | 12120000 | 件
            =100%                                                 | ''   | EQUAL    | EQ | 100   | %    | 100      | %
            至少十二次                                            | ''   | POSITIVE | GE | 12    | 次   | 12       | 次
            0.5亿元                                               | 正向 | POSITIVE | GE | 0.5   | 亿元 | 50000000 | 元
            24小时内                                              | ''   | REVERSE  | LE | 24    | 小时 | 24       | 小时
            5个工作日内                                           | ''   | REVERSE  | LE | 5     | 个工作日 | 5    | 工作日
            到0次                                                 | 反向 | REVERSE  | LE | 0     | 次   | 0        | 次
            控制在预算数以内，≤100%                               | ''   | REVERSE  | LE | 100   | %    | 100      | %
            2021年完成12份                                        | 正向 | POSITIVE | GE | 12    | 份   | 12       | 份
            第十二次会议前召开3次                                 | 正向 | POSITIVE | GE | 3     | 次   | 3        | 次
            """)
    void reads_targetsWithTheirDirection(String text, String given, Direction direction, TargetComparator comparator,
            String number, String unit, String normalised, String baseUnit) {
        TargetExpression target = TargetExpression.parse("targetExpression", text, Direction.fromText("direction", given));

        assertThat(target.text()).isEqualTo(text.strip());
        assertThat(target.direction()).isEqualTo(direction);
        assertThat(target.directionSource()).isEqualTo(given.isEmpty() ? DirectionSource.STATED : DirectionSource.GIVEN);
        assertThat(target.comparator()).isEqualTo(comparator);
        assertThat(target.number()).isEqualByComparingTo(number);
        assertThat(target.unit()).isEqualTo(unit);
        assertThat(target.normalisedValue()).isEqualByComparingTo(normalised);
        assertThat(target.baseUnit()).isEqualTo(baseUnit);
    }

    /** Deadlines are 反向 targets on the day of the year (in a common year): "9月前" is before 1 September. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            9月前          | LT | 9月1日
            9月底前        | LE | 9月30日
            9月份前        | LT | 9月1日
            6月30日前      | LE | 6月30日
            年底前         | LE | 12月31日
            年内完成       | LE | 12月31日
            一季度内       | LE | 3月31日
            第三季度末     | LE | 9月30日
            上半年         | LE | 6月30日
            2021年11月底前 | LE | 11月30日
            十月底前完成   | LE | 10月31日
            """)
    void reads_deadlines(String text, TargetComparator comparator, String deadline) {
        TargetExpression target = TargetExpression.parse(text);

        assertThat(target.direction()).isEqualTo(Direction.REVERSE);
        assertThat(target.deadline()).isTrue();
        assertThat(target.comparator()).isEqualTo(comparator);
        assertThat(target.reading()).isEqualTo("反向 " + comparator.symbol() + " " + deadline);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            90%–95%   | 90 | 95 | %
            90%-95%   | 90 | 95 | %
            90%~95%   | 90 | 95 | %
            90％～95％ | 90 | 95 | %
            90-95%    | 90 | 95 | %
            3至5次    | 3  | 5  | 次
            """)
    void reads_ranges(String text, String lower, String upper, String unit) {
        TargetExpression target = TargetExpression.parse(text);

        assertThat(target.direction()).isEqualTo(Direction.EQUAL);
        assertThat(target.comparator()).isEqualTo(TargetComparator.BETWEEN);
        assertThat(target.normalisedValue()).isEqualByComparingTo(lower);
        assertThat(target.upperNormalisedValue()).isEqualByComparingTo(upper);
        assertThat(target.baseUnit()).isEqualTo(unit);
    }

    @Test
    void reads_anyText_asAQualitativeTarget_whenTheDirectionIs定性() {
        TargetExpression target = TargetExpression.parse("targetExpression", "确保海珠区全区政务服务信息化体系运行正常。",
                Direction.QUALITATIVE);

        assertThat(target.qualitative()).isTrue();
        assertThat(target.comparator()).isEqualTo(TargetComparator.GRADED);
        assertThat(target.number()).isNull();
        assertThat(TargetExpression.parse("targetExpression", "满意度≥95%", Direction.QUALITATIVE).qualitative()).isTrue();
    }

    @ParameterizedTest(name = "{0} [{1}]")
    @CsvSource(delimiter = '|', textBlock = """
            按时完成                         | ''   | 未找到数值
            运行良好                         | ''   | 设为「定性」
            一网通办                         | 正向 | 未找到数值
            100%                             | ''   | 未写明比较方式
            2%                               | ''   | 请给出指标方向
            到0次                            | ''   | 未写明比较方式
            95%至100%以上                    | ''   | 无法确定目标
            ≥95%，且≥700万次                 | ''   | 包含多个数值
            ≥95%                             | 反向 | 方向与目标值不一致
            ≤5%                              | 正向 | 方向与目标值不一致
            9月底前                          | 正向 | 方向与目标值不一致
            90%-95%                          | 正向 | 方向与目标值不一致
            95%-90%                          | ''   | 下限
            公用经费控制率 ≤ 0               | ''   | 控制率
            预算执行率=0                     | ''   | 执行率
            ≥0次                             | ''   | 任何实际值都能达到
            <0                               | ''   | 没有任何实际值能达到
            ≥-5个                            | ''   | 不能为负数
            满意度≥120%                      | ''   | 最高为 100%
            约95%                            | ''   | 约数
            95%左右                          | 正向 | 约数
            3月内                            | ''   | 既可指该月份内
            9月底前完成3次                   | ''   | 同时含有时间要求
            2月30日前                        | ''   | 日期不存在
            一季度前                         | ''   | 早于年度开始
            """)
    void refuses_whatAFinanceOfficerCouldNotRead(String text, String given, String reason) {
        assertThatThrownBy(() -> TargetExpression.parse("targetExpression", text, Direction.fromText("direction", given)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.field()).isEqualTo("targetExpression");
                    assertThat(e.rule()).contains(reason);
                });
    }

    @Test
    void refuses_anAbsurdTarget_byTheIndicatorsName() {
        TargetExpression target = TargetExpression.parse("targetExpression", "≤0", Direction.REVERSE);

        assertThatThrownBy(() -> target.checkedFor("targetExpression", "公用经费控制率"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.rule()).contains("控制率"));
        assertThat(target.checkedFor("targetExpression", "安全事故发生次数")).isEqualTo(target);
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

    /**
     * Met / not met with units and 万 multipliers normalised, actuals read against their target; seed 002 key
     * indicators among them, and the examples (9月前 against 7月, 少于5个 against <5个, 0 against ≤ 24小时).
     */
    @ParameterizedTest(name = "{0} [{1}] vs {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            ≥95%                              | ''   | 94.07%                         | NOT_MET
            ≤5%                               | ''   | 0                              | MET
            ≤ 24小时                          | ''   | 0                              | MET
            ≥1212万件                         | ''   | 2871.7436万件                  | MET
            ≥700万次                          | ''   | 805万次                        | MET
            ≥700万次                          | ''   | 600万次                        | NOT_MET
            ≥700万次                          | ''   | 7000000次                      | MET
            140个                             | 正向 | 179个                          | MET
            90%                               | 正向 | 100%                           | MET
            ≥6个月                            | ''   | ≥9个月                         | MET
            ≥6个月                            | ''   | 5月                            | NOT_MET
            ≥5个                              | ''   | ≥3个                           | UNDETERMINED
            <5个                              | ''   | 少于5个                        | MET
            <5个                              | ''   | 不超过5个                      | UNDETERMINED
            <5个                              | ''   | 5个                            | NOT_MET
            ≥70%                              | ''   | 超75%                          | MET
            提供20份以上的数据质量报告        | ''   | 提供了31份数据质量报告         | MET
            100%达标                          | ''   | 100%                           | MET
            100%达标                          | ''   | 98%                            | NOT_MET
            100%达标                          | ''   | 已完成                         | MET
            100%达标                          | ''   | 未达标                         | NOT_MET
            >450                              | ''   | 450                            | NOT_MET
            <5%                               | ''   | 0%                             | MET
            >=70%                             | ''   | 94                             | MET
            至少一次                          | ''   | 1                              | MET
            =100%                             | ''   | 99%                            | NOT_MET
            9月前                             | ''   | 7月                            | MET
            9月前                             | ''   | 9月                            | NOT_MET
            9月前                             | ''   | 8月31日                        | MET
            9月底前                           | ''   | 9月30日                        | MET
            9月底前                           | ''   | 已于9月底前完成                | MET
            年底前                            | ''   | 按时完成                       | MET
            年底前                            | ''   | 未按时完成                     | NOT_MET
            一季度内                          | ''   | 4月                            | NOT_MET
            90%–95%                           | ''   | 92%                            | MET
            90%–95%                           | ''   | 96%                            | NOT_MET
            5个工作日内                       | ''   | 3个工作日                      | MET
            ≥1212万件                         | ''   | 2871.7436万次                  | INCOMPARABLE
            ≥95%                              | ''   | 805万次                        | INCOMPARABLE
            9月底前                           | ''   | 95%                            | INCOMPARABLE
            """)
    void assesses_actualAgainstTarget(String target, String given, String actual, Assessment expected) {
        TargetExpression parsedTarget = TargetExpression.parse("targetExpression", target,
                Direction.fromText("direction", given));
        ActualValue parsedActual = parseActual(actual, parsedTarget);

        assertThat(parsedTarget.assess(parsedActual)).isEqualTo(expected);
        assertThat(parsedTarget.comparableWith(parsedActual)).isEqualTo(expected != Assessment.INCOMPARABLE);
    }

    /** A deadline's actual without a date is refused (it must say when, or 按时/逾期). */
    private static ActualValue parseActual(String actual, TargetExpression target) {
        try {
            return ActualValue.parse("actual", actual, target, null);
        } catch (DomainException notADate) {
            return ActualValue.parse("actual", actual);
        }
    }

    @Test
    void qualitativeTargets_areMetByTheGrade达成_only() {
        TargetExpression target = TargetExpression.parse("targetExpression", "平台运行稳定。", Direction.QUALITATIVE);

        assertThat(target.assess(ActualValue.parse("actual", "平台运行稳定。", target, Grade.ACHIEVED)))
                .isEqualTo(Assessment.MET);
        assertThat(target.assess(ActualValue.parse("actual", "基本完成", target, Grade.LARGELY_ACHIEVED)))
                .isEqualTo(Assessment.NOT_MET);
        assertThatThrownBy(() -> ActualValue.parse("actual", "平台运行稳定。", target, null))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("grade"));
        TargetExpression quantitative = TargetExpression.parse("≥95%");
        assertThatThrownBy(() -> ActualValue.parse("actual", "96%", quantitative, Grade.ACHIEVED))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.rule()).contains("只用于定性指标"));
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

    /** Completion rates of seed 000's tables 1-2 (uncapped) and of §5's reverse, equal, range and deadline cases. */
    @ParameterizedTest(name = "{0} [{1}] vs {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            >=5           | ''   | 7        | 1.4000
            >=4000000     | ''   | 5840000  | 1.4600
            >=85 分       | ''   | 120 分   | 1.4118
            >=70%         | ''   | 94       | 1.3429
            大于 95%      | ''   | 100%     | 1.0526
            <5%           | ''   | 0%       | 1.0000
            ≤5%           | ''   | 10%      | 0.5000
            ≥95%          | ''   | 94.07%   | 0.9902
            ≥1212万件     | ''   | 2871.7436万件 | 2.3694
            100%达标      | ''   | 100%     | 1.0000
            100%达标      | ''   | 未达标   | 0.0000
            100%达标      | ''   | 98%      | 0.9800
            12 份         | 正向 | 12       | 1.0000
            =100%         | ''   | 90%      | 0.9000
            90%–95%       | ''   | 92%      | 1.0000
            90%–95%       | ''   | 99%      | 0.9596
            90%–95%       | ''   | 81%      | 0.9000
            9月前         | ''   | 7月      | 1.0000
            9月底前       | ''   | 10月31日 | 0.8980
            <5个          | ''   | 少于5个  | 1.0000
            """)
    void computes_completionRates(String target, String given, String actual, String rate) {
        TargetExpression parsed = TargetExpression.parse("targetExpression", target, Direction.fromText("direction", given));
        assertThat(parsed.completionRate(ActualValue.parse("actual", actual, parsed, null), 4, RoundingMode.HALF_UP))
                .hasValueSatisfying(value -> assertThat(value).isEqualByComparingTo(new BigDecimal(rate)));
    }

    /** A qualitative indicator's completion rate is the 得分系数 of its grade (default 1 / 0.8 / 0.6 / 0). */
    @ParameterizedTest
    @CsvSource({"ACHIEVED, 1", "LARGELY_ACHIEVED, 0.8", "PARTLY_ACHIEVED, 0.6", "NOT_ACHIEVED, 0"})
    void qualitativeCompletionRate_isTheGradesCoefficient(Grade grade, String coefficient) {
        TargetExpression target = TargetExpression.parse("targetExpression", "运行良好", Direction.QUALITATIVE);
        ActualValue actual = ActualValue.parse("actual", "运行良好", target, grade);

        assertThat(target.completionRate(actual, 4, RoundingMode.HALF_UP))
                .hasValueSatisfying(value -> assertThat(value).isEqualByComparingTo(coefficient));
        GradeCoefficients strict = new GradeCoefficients(BigDecimal.ONE, new BigDecimal("0.5"), new BigDecimal("0.5"),
                BigDecimal.ZERO).validated("gradeCoefficients");
        assertThat(target.completionRate(actual, strict, 4, RoundingMode.HALF_UP)).contains(
                strict.coefficient(grade).setScale(4));
    }

    @Test
    void completionRate_isEmpty_whenIncomparable() {
        assertThat(TargetExpression.parse("≥95%").completionRate(ActualValue.parse("805万次"), 4, RoundingMode.HALF_UP))
                .isEmpty();
    }
}
