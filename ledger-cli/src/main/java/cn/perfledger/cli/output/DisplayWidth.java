package cn.perfledger.cli.output;

/**
 * How many terminal columns a string occupies. Chinese characters and full-width punctuation take two columns,
 * so padding by {@code String.length()} would misalign every table with a Chinese name in it. East Asian
 * "ambiguous" characters (“ ” — ─) count as one: that is how terminals in a UTF-8, non-CJK-legacy locale draw
 * them, and the tables avoid them in their own frame for that reason.
 */
public final class DisplayWidth {

    private DisplayWidth() {
    }

    /** The columns {@code text} occupies on a terminal. */
    public static int of(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            width += of(cp);
            i += Character.charCount(cp);
        }
        return width;
    }

    /** The columns one code point occupies: 0 for combining marks and format characters, 2 for wide ones. */
    public static int of(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
                || cp == 0x200B) {
            return 0;
        }
        return wide(cp) ? 2 : 1;
    }

    /** Unicode East Asian Width W or F (the ranges that matter for Chinese text). */
    static boolean wide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F)        // Hangul Jamo initials
                || (cp >= 0x2E80 && cp <= 0x303E)    // CJK radicals, Kangxi, CJK symbols and punctuation (、。〔〕)
                || (cp >= 0x3041 && cp <= 0x33FF)    // kana, bopomofo, CJK compatibility
                || (cp >= 0x3400 && cp <= 0x4DBF)    // CJK extension A
                || (cp >= 0x4E00 && cp <= 0x9FFF)    // CJK unified ideographs
                || (cp >= 0xA000 && cp <= 0xA4CF)    // Yi
                || (cp >= 0xAC00 && cp <= 0xD7A3)    // Hangul syllables
                || (cp >= 0xF900 && cp <= 0xFAFF)    // CJK compatibility ideographs
                || (cp >= 0xFE10 && cp <= 0xFE19)    // vertical forms
                || (cp >= 0xFE30 && cp <= 0xFE6F)    // CJK compatibility forms, small forms
                || (cp >= 0xFF00 && cp <= 0xFF60)    // full-width forms （），：
                || (cp >= 0xFFE0 && cp <= 0xFFE6)    // full-width signs ￥
                || (cp >= 0x1F300 && cp <= 0x1F64F)  // pictographs, emoticons
                || (cp >= 0x1F900 && cp <= 0x1F9FF)
                || (cp >= 0x20000 && cp <= 0x3FFFD); // CJK extensions B and later
    }

    /**
     * {@code text} cut to at most {@code max} columns, ending in "…" when something was cut (a wide character is
     * never split in half).
     */
    public static String truncate(String text, int max) {
        if (of(text) <= max) {
            return text;
        }
        StringBuilder kept = new StringBuilder();
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int w = of(cp);
            if (width + w > max - 1) {
                break;
            }
            kept.appendCodePoint(cp);
            width += w;
            i += Character.charCount(cp);
        }
        return kept.append('…').toString();
    }

    /** {@code text} padded with spaces to {@code width} columns, on the right (left-aligned) or on the left. */
    public static String pad(String text, int width, boolean alignRight) {
        int missing = width - of(text);
        if (missing <= 0) {
            return text;
        }
        String spaces = " ".repeat(missing);
        return alignRight ? spaces + text : text + spaces;
    }
}
