package cn.perfledger.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DisplayWidthTest {

    @Test
    void chineseCharactersAndFullWidthPunctuation_takeTwoColumns() {
        assertThat(DisplayWidth.of("ABC")).isEqualTo(3);
        assertThat(DisplayWidth.of("预算完成率")).isEqualTo(10);
        assertThat(DisplayWidth.of("穗财预〔2021〕300号")).isEqualTo(2 * 3 + 2 + 4 + 2 + 3 + 2);
        assertThat(DisplayWidth.of("（本级）")).isEqualTo(8);
        assertThat(DisplayWidth.of("、。，：")).isEqualTo(8);
    }

    @Test
    void supplementaryIdeographs_countOnceAsWide_combiningMarksAsNothing() {
        assertThat(DisplayWidth.of("𠀀")).isEqualTo(2); // U+20000, a surrogate pair
        assertThat(DisplayWidth.of("e\u0301")).isEqualTo(1);
    }

    @Test
    void ambiguousQuotes_countAsOne() {
        // “三公经费” — the curly quotes are East Asian "ambiguous": one column on UTF-8 terminals
        assertThat(DisplayWidth.of("“三公经费”")).isEqualTo(10);
    }

    @Test
    void truncate_neverSplitsAWideCharacter_andMarksTheCut() {
        assertThat(DisplayWidth.truncate("预算完成率", 10)).isEqualTo("预算完成率");
        assertThat(DisplayWidth.truncate("预算完成率", 9)).isEqualTo("预算完成…");
        assertThat(DisplayWidth.truncate("预算完成率", 8)).isEqualTo("预算完…");
        assertThat(DisplayWidth.of(DisplayWidth.truncate("预算完成率", 8))).isLessThanOrEqualTo(8);
    }

    @Test
    void pad_byColumns_notByChars() {
        assertThat(DisplayWidth.pad("合计", 6, false)).isEqualTo("合计  ");
        assertThat(DisplayWidth.pad("1.99", 6, true)).isEqualTo("  1.99");
    }
}
