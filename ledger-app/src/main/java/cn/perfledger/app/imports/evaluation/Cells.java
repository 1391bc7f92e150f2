package cn.perfledger.app.imports.evaluation;

import java.text.Normalizer;

/** How a cell's text is compared and a cell named: blanks trimmed, words normalised, column letters. */
final class Cells {

    private Cells() {
    }

    /** A cell's text without surrounding blanks (including the no-break and ideographic spaces Excel users type). */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        int start = 0;
        int end = text.length();
        while (start < end && blank(text.charAt(start))) {
            start++;
        }
        while (end > start && blank(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean blank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /**
     * A text compared by its words only: NFKC (full-width letters, digits and brackets as ASCII), no blanks or line
     * breaks, no quotation marks — a name typed in Excel matches the rubric's however it was spaced or quoted.
     */
    static String normalise(String text) {
        String nfkc = Normalizer.normalize(clean(text), Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(nfkc.length());
        nfkc.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)
                && "\"'“”‘’「」『』".indexOf(c) < 0).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** The Excel column letter of a 0-based column: 0 → A, 25 → Z, 26 → AA. */
    static String column(int index) {
        StringBuilder letters = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            letters.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return letters.toString();
    }
}
