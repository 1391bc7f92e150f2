package cn.perfledger.domain.common;

import java.util.regex.Pattern;

/** Shared validation of the codes users type as ids (department, unit, line, indicator, voucher). */
public final class Ids {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.@-]*");

    private Ids() {
    }

    public static void requireCode(String field, String code, int maxLength) {
        if (code == null || code.isBlank()) {
            throw new DomainException(field, "编码不能为空");
        }
        if (code.length() > maxLength) {
            throw new DomainException(field, "编码长度不能超过 " + maxLength + " 个字符");
        }
        if (!CODE.matcher(code).matches()) {
            throw new DomainException(field, "编码只能包含字母、数字、'.'、'-'、'_'、'@'，且以字母或数字开头: " + code);
        }
    }

    /** Refuses a blank or overlong free text such as a name, reason or 文号. */
    public static String requireText(String field, String text, int maxLength) {
        if (text == null || text.isBlank()) {
            throw new DomainException(field, "不能为空");
        }
        return optionalText(field, text, maxLength);
    }

    /** Accepts null; refuses overlong text and control characters. */
    public static String optionalText(String field, String text, int maxLength) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        if (stripped.length() > maxLength) {
            throw new DomainException(field, "长度不能超过 " + maxLength + " 个字符");
        }
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\t') {
                throw new DomainException(field, "不能包含控制字符");
            }
        }
        return stripped;
    }
}
