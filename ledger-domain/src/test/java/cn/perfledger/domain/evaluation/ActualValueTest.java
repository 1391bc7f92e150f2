package cn.perfledger.domain.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.perfledger.domain.common.DomainException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

class ActualValueTest {

    /** Actuals as seed 002 writes them. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            94.07%                           | 94.07     | %    | 94.07       | %   | null
            805万次                          | 805       | 万次 | 8050000     | 次  | null
            2871.7436万件                    | 2871.7436 | 万件 | 28717436    | 件  | null
            0                                | 0         | ''   | 0           | ''  | null
            ≥9个月                           | 9         | 个月 | 9           | 月  | GE
            100%                             | 100       | %    | 100         | %   | null
            1个                              | 1         | 个   | 1           | 个  | null
            179个                            | 179       | 个   | 179         | 个  | null
            提供了31份数据质量报告           | 31        | 份   | 31          | 份  | null
            100%完成标准化必填要素梳理       | 100       | %    | 100         | %   | null
            6447万条                         | 6447      | 万条 | 64470000    | 条  | null
            ９７．５２％                     | 97.52     | %    | 97.52       | %   | null
            9个月以上                        | 9         | 个月 | 9           | 月  | GE
            2021年共出具了489份符合性验收报告 | 489      | 份   | 489         | 份  | null
            少于5个                          | 5         | 个   | 5           | 个  | LT
            超 75%                           | 75        | %    | 75          | %   | GT
            0次                              | 0         | 次   | 0           | 次  | null
            """)
    void parses_quantities(String text, String number, String unit, String normalised, String baseUnit,
            TargetComparator bound) {
        ActualValue actual = ActualValue.parse(text);

        assertThat(actual.kind()).isEqualTo(ActualValue.Kind.QUANTITY);
        assertThat(actual.text()).isEqualTo(text);
        assertThat(actual.number()).isEqualByComparingTo(number);
        assertThat(actual.unit()).isEqualTo(unit);
        assertThat(actual.normalisedValue()).isEqualByComparingTo(normalised);
        assertThat(actual.baseUnit()).isEqualTo(baseUnit);
        assertThat(actual.bound()).isEqualTo(bound);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            达标       | MET
            已达标     | MET
            已完成     | MET
            完成       | MET
            未达标     | NOT_MET
            未完成     | NOT_MET
            不达标     | NOT_MET
            """)
    void parses_qualitativeVerdicts(String text, ActualValue.Kind kind) {
        ActualValue actual = ActualValue.parse(text);

        assertThat(actual.kind()).isEqualTo(kind);
        assertThat(actual.number()).isNull();
        assertThat(actual.normalisedValue()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            良好                                   | 未找到数值或达标结论
            2020年对外公开21个政策文件，解读率100% | 包含多个数值
            90%-95%                                | 区间
            -3次                                   | 负数
            94.07%，97.52%                         | 包含多个数值
            """)
    void refuses_unparseableActuals(String text, String reason) {
        assertThatThrownBy(() -> ActualValue.parse(text))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.field()).isEqualTo("actual");
                    assertThat(e.rule()).contains(reason);
                });
    }

    @ParameterizedTest
    @NullAndEmptySource
    void refuses_blankActuals(String text) {
        assertThatThrownBy(() -> ActualValue.parse(text))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.rule()).contains("不能为空"));
    }
}
