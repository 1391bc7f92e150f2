package cn.perfledger.cli.output;

/**
 * A column of a {@link Table}: its header, what kind of value it holds (which decides the display form and the
 * alignment) and where it appears. Cells always hold the server's raw value; only the aligned text table
 * formats it, so a CSV keeps the exact figures a spreadsheet can compute with.
 *
 * @param maxWidth the most terminal columns the text table gives a cell (longer text is cut with "…"); 0 = no
 *                 limit. CSV cells are never cut.
 */
public record Column(String header, Kind kind, Shown shown, int maxWidth) {

    /** What a column holds. */
    public enum Kind {
        /** free text, left-aligned */
        TEXT,
        /** yuan with 2 decimals and thousands separators in the text table */
        MONEY,
        /** a ratio shown as a percentage (2 decimals) in the text table; the exact ratio in CSV */
        PERCENT,
        /** a score, as the server rounded it */
        SCORE,
        /** a signed score change */
        DELTA,
        /** a count */
        COUNT;

        boolean rightAligned() {
            return this != TEXT;
        }
    }

    /** Where a column appears. */
    public enum Shown {
        EVERYWHERE, TEXT_ONLY, CSV_ONLY
    }

    public static Column text(String header) {
        return new Column(header, Kind.TEXT, Shown.EVERYWHERE, 0);
    }

    public static Column text(String header, int maxWidth) {
        return new Column(header, Kind.TEXT, Shown.EVERYWHERE, maxWidth);
    }

    public static Column of(String header, Kind kind) {
        return new Column(header, kind, Shown.EVERYWHERE, 0);
    }

    public Column textOnly() {
        return new Column(header, kind, Shown.TEXT_ONLY, maxWidth);
    }

    public Column csvOnly() {
        return new Column(header, kind, Shown.CSV_ONLY, maxWidth);
    }

    /** The display form of a raw cell value in the text table. */
    String display(String raw) {
        if (raw == null) {
            return "";
        }
        String shown = switch (kind) {
            case TEXT -> raw;
            case MONEY -> Numbers.money(raw);
            case PERCENT -> Numbers.percent(raw);
            case SCORE -> Numbers.score(raw);
            case DELTA -> Numbers.signed(raw);
            case COUNT -> Numbers.count(raw);
        };
        // one line per row: line breaks and tabs in free text would tear the table apart
        shown = shown.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
        return maxWidth > 0 ? DisplayWidth.truncate(shown, maxWidth) : shown;
    }
}
