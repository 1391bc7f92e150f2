package cn.perfledger.domain.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a reader cannot see must not make two ids or two texts differ. */
class IdsTest {

    /** Zero-width, bidi, BOM, soft hyphen, tag, lone surrogates; for ids also odd spaces, private use, fillers. */
    @ParameterizedTest
    @ValueSource(strings = {"\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD", "\u200E", "\u200F",
            "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u061C",
            "\uDB40\uDC41", "\uD800", "\uDC00", "\u00A0", "\u3000", "\u2009", "\uE000", "\uFE0F", "\u034F",
            "\u3164", "\u2800"})
    void aVoucherNumberWithAHiddenCharacter_isRefused_naming_theCodePoint(String hidden) {
        String lookAlike = "记-00" + hidden + "12";
        assertThatThrownBy(() -> new VoucherNo(lookAlike)).isInstanceOf(DomainException.class)
                .satisfies(e -> {
                    DomainException refusal = (DomainException) e;
                    assertThat(refusal.field()).isEqualTo("voucherNo");
                    assertThat(refusal.rule()).contains(String.format("U+%04X", hidden.codePointAt(0)));
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"L1\u200B", "\u202EL1", "L\uD8001", "L\u00A01"})
    void codesRefuseThemToo_withTheSameRule(String code) {
        assertThatThrownBy(() -> new BudgetLineId(code)).isInstanceOf(DomainException.class)
                .hasMessageContaining("不可见字符");
        assertThatThrownBy(() -> new DepartmentId(code)).hasMessageContaining("不可见字符");
        assertThatThrownBy(() -> new UnitCode(code)).hasMessageContaining("不可见字符");
        assertThatThrownBy(() -> new IndicatorId(code)).hasMessageContaining("不可见字符");
    }

    @ParameterizedTest
    @ValueSource(strings = {"财预〔2021\u200B〕12号", "财预\u202E〔2021〕12号", "\uFEFF财预〔2021〕12号", "摘要\uD800"})
    void freeTexts_refuseFormatCharactersAndLoneSurrogates(String text) {
        assertThatThrownBy(() -> Ids.requireText("documentNo", text, 100)).isInstanceOf(DomainException.class)
                .hasMessageContaining("方向控制字符");
    }

    @ParameterizedTest
    @ValueSource(strings = {"穗财预〔2021〕12 号", "市本级\u30002021 年", "收费公路\uE000站", "记-0012", "😀 完成"})
    void freeTexts_keepSpacesPrivateUseCharactersAndPairedSurrogates(String text) {
        assertThat(Ids.requireText("reason", text, 100)).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"记-0012", "凭证2021/03-号", "V-1", "𠀀-1"})
    void visibleVoucherNumbers_stayAccepted(String number) {
        assertThat(new VoucherNo(number).value()).isEqualTo(number);
    }
}
