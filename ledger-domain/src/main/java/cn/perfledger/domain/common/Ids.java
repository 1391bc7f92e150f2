package cn.perfledger.domain.common;

import java.util.regex.Pattern;

/**
 * Shared validation of the codes users type as ids (department, unit, line, indicator, voucher) and of free texts.
 *
 * <p>What a reader cannot see must not make two records differ: an id (code, voucher number) refuses every
 * {@linkplain #hiddenInCode hidden character} — zero-width and other format characters, bidi controls, lone
 * surrogates, spaces other than the ASCII space, private-use and unassigned code points, variation selectors and
 * filler characters — so that {@code 记-0012} and {@code 记-0012\u200B} cannot both exist. A free text (name,
 * reason, 文号, summary, basis) refuses {@linkplain #hiddenInText format characters and lone surrogates}: a bidi
 * override would show an auditor a reordered text ({@code 5102} for {@code 2015}), a zero-width character would
 * make a 文号 differ from its look-alike.
 */
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
        requireNoHiddenCharacter(field, "编码", code);
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
        int hidden = firstHidden(stripped, false);
        if (hidden >= 0) {
            throw new DomainException(field, "不能包含不可见字符或文字方向控制字符（" + describe(stripped.codePointAt(hidden))
                    + "）：审阅者看到的文字会与记录的不同");
        }
        return stripped;
    }

    /**
     * Refuses an id ({@code what}: 编码, 凭证号 …) holding a {@linkplain #hiddenInCode hidden character}: two ids that
     * look the same would be different records.
     */
    public static void requireNoHiddenCharacter(String field, String what, String id) {
        int hidden = firstHidden(id, true);
        if (hidden >= 0) {
            throw new DomainException(field, what + "含有不可见字符、文字方向控制字符或特殊空格（" + describe(id.codePointAt(hidden))
                    + "）：两个看起来相同的" + what + "可能并不相同，不予接受");
        }
    }

    /**
     * A character a reader of a free text cannot see or that changes how the text around it is shown: a format
     * character (Unicode category Cf: zero-width space and joiners, word joiner, BOM, soft hyphen, bidi marks,
     * embeddings, overrides and isolates, tag characters) or a lone surrogate (a broken character).
     */
    public static boolean hiddenInText(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.FORMAT || type == Character.SURROGATE;
    }

    /**
     * {@link #hiddenInText}, and what else can make two ids look alike: any space but the ASCII one (no-break,
     * ideographic, thin …), private-use and unassigned code points, variation selectors, the combining grapheme
     * joiner and the blank filler characters (Hangul fillers, braille blank).
     */
    public static boolean hiddenInCode(int codePoint) {
        int type = Character.getType(codePoint);
        return hiddenInText(codePoint) || (Character.isSpaceChar(codePoint) && codePoint != ' ')
                || type == Character.PRIVATE_USE || type == Character.UNASSIGNED
                || (codePoint >= 0xFE00 && codePoint <= 0xFE0F) || (codePoint >= 0xE0100 && codePoint <= 0xE01EF)
                || codePoint == 0x034F || codePoint == 0x115F || codePoint == 0x1160 || codePoint == 0x3164
                || codePoint == 0xFFA0 || codePoint == 0x2800;
    }

    /** The index of the first hidden character of {@code text}, or −1. */
    public static int firstHidden(String text, boolean code) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (code ? hiddenInCode(c) : hiddenInText(c)) {
                return i;
            }
            i += Character.charCount(c);
        }
        return -1;
    }

    /** {@code U+200B 零宽空格}: a hidden character as a reader can identify it. */
    public static String describe(int codePoint) {
        String name = switch (codePoint) {
            case 0x200B -> "零宽空格";
            case 0x200C -> "零宽不连字";
            case 0x200D -> "零宽连字";
            case 0x2060 -> "零宽不换行";
            case 0xFEFF -> "字节顺序标记";
            case 0x00AD -> "软连字符";
            case 0x00A0 -> "不换行空格";
            case 0x3000 -> "全角空格";
            case 0x200E, 0x200F, 0x061C -> "文字方向标记";
            case 0x202A, 0x202B, 0x202C, 0x202D, 0x202E -> "文字方向嵌入或覆盖";
            case 0x2066, 0x2067, 0x2068, 0x2069 -> "文字方向隔离";
            default -> switch (Character.getType(codePoint)) {
                case Character.SURROGATE -> "不成对的代理码元（残缺字符）";
                case Character.FORMAT -> "格式控制字符";
                case Character.PRIVATE_USE -> "私用区字符";
                case Character.UNASSIGNED -> "未分配的码位";
                default -> Character.isSpaceChar(codePoint) ? "特殊空格" : "不可见字符";
            };
        };
        return String.format("U+%04X %s", codePoint, name);
    }
}
