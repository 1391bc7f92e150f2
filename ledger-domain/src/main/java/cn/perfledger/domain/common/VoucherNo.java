package cn.perfledger.domain.common;

/**
 * Identifies an accounting voucher (凭证号), unique within a department-year. Real voucher numbers
 * carry Chinese characters ("记-0012"), so any printable text without spaces is accepted — printable meaning
 * visible: no zero-width, bidi or other hidden character ({@link Ids#requireNoHiddenCharacter}).
 */
public record VoucherNo(String value) {

    public VoucherNo {
        if (value == null || value.isBlank()) {
            throw new DomainException("voucherNo", "凭证号不能为空");
        }
        if (value.length() > 64) {
            throw new DomainException("voucherNo", "凭证号长度不能超过 64 个字符");
        }
        Ids.requireNoHiddenCharacter("voucherNo", "凭证号", value);
        if (!value.codePoints().allMatch(c -> !Character.isWhitespace(c) && !Character.isISOControl(c))) {
            throw new DomainException("voucherNo", "凭证号不能包含空格或控制字符: " + value);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
