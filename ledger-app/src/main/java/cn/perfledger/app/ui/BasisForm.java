package cn.perfledger.app.ui;

import cn.perfledger.domain.common.DomainException;
import cn.perfledger.app.api.DateBounds;
import cn.perfledger.app.query.BasisResult;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The basis of a page as the user typed it: {@code asOf} (评价基准日, {@code <input type=date>}, yyyy-MM-dd) and
 * {@code knownAt} (知悉时点, {@code <input type=datetime-local>}, read as Beijing time and converted to an
 * instant; a full ISO instant such as {@code 2022-03-15T00:00:00Z} is accepted too, for permalinks). Blank means
 * the default (the year's 12-31; now). Both lie within {@link DateBounds}, like the API's parameters.
 */
public record BasisForm(String asOfText, String knownAtText, LocalDate asOf, Instant knownAt) {

    /** The users' time zone: 知悉时点 typed in the browser and recorded times shown are Beijing time. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** The 知悉时点 field shows yyyy-MM-dd HH:mm:ss whatever the browser's locale (a text field, not datetime-local). */
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public static BasisForm parse(String asOfText, String knownAtText) {
        return parse("asOf", asOfText, "knownAt", knownAtText);
    }

    /**
     * A basis whose parameters have other names (the why page has two bases: {@code fromAsOf}, {@code toKnownAt},
     * …), so that an error names the field the user actually typed into.
     */
    public static BasisForm parse(String asOfField, String asOfText, String knownAtField, String knownAtText) {
        return new BasisForm(blankToNull(asOfText), blankToNull(knownAtText), parseDate(asOfField, asOfText,
                "评价基准日应为日期，格式 yyyy-MM-dd（例如 2021-12-31）"), parseKnownAt(knownAtField, knownAtText));
    }

    /** A date parameter (yyyy-MM-dd), or null when blank. */
    public static LocalDate parseDate(String field, String text, String rule) {
        String value = blankToNull(text);
        if (value == null) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new DomainException(field, rule + "，收到「" + abbreviate(value) + "」");
        }
        return DateBounds.check(field, date);
    }

    static Instant parseKnownAt(String field, String text) {
        String value = blankToNull(text);
        if (value == null) {
            return null;
        }
        try {
            if (value.endsWith("Z") || value.endsWith("z") || value.matches(".*[+-]\\d{2}:\\d{2}$")) {
                return DateBounds.check(field, java.time.OffsetDateTime.parse(value).toInstant());
            }
            // the form's own format, "2022-03-15 09:30[:00]", is the ISO one with a space for the T
            String iso = value.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?") ? value.replace(' ', 'T') : value;
            return DateBounds.check(field, LocalDateTime.parse(iso).atZone(ZONE).toInstant());
        } catch (DateTimeParseException e) {
            throw new DomainException(field, "知悉时点应为北京时间的日期和时刻，格式 yyyy-MM-dd HH:mm（例如 2022-03-15 09:30），"
                    + "或带时区的 ISO-8601 时刻（例如 2022-03-15T01:30:00Z），收到「" + abbreviate(value) + "」");
        }
    }

    /** The value to put back into the {@code datetime-local} input (Beijing time), or "" when blank. */
    public String knownAtInput() {
        return knownAt == null ? "" : LocalDateTime.ofInstant(knownAt, ZONE).format(INPUT);
    }

    public String asOfInput() {
        return asOf == null ? "" : asOf.toString();
    }

    /** An instant as Beijing time, "2022-03-15 09:30:00". */
    public static String beijing(Instant instant) {
        return instant == null ? "—" : LocalDateTime.ofInstant(instant, ZONE).format(SHOWN);
    }

    /** A recorded time as the event store wrote it (ISO instant), shown as Beijing time; unparsable stays raw. */
    public static String beijing(String isoInstant) {
        if (isoInstant == null) {
            return "—";
        }
        try {
            return beijing(Instant.parse(isoInstant));
        } catch (DateTimeParseException e) {
            return isoInstant;
        }
    }

    /** The basis a result was actually computed at, as shown under the form. */
    public record Used(String asOf, String knownAtBeijing, String knownAtIso, boolean knownAtIsNow,
            int eventsAdmitted, long lastGlobalSequence, String digest, String permalinkQuery) {

        /**
         * A basis an audit answer was computed at; those answers carry no event count or digest of their own
         * ({@code eventsAdmitted} −1, {@code digest} null: the basis box leaves them out).
         */
        public static Used of(cn.perfledger.projections.basis.Basis basis, BasisForm form) {
            Instant known = basis.knownAt();
            return new Used(basis.asOf().toString(), beijing(known), known.toString(), form.knownAt() == null, -1,
                    -1, null, "asOf=" + basis.asOf() + "&knownAt=" + known);
        }

        public static Used of(BasisResult<?> result, BasisForm form) {
            Instant known = result.knownAt();
            return new Used(result.asOf().toString(), beijing(known), known.toString(), form.knownAt() == null,
                    result.eventsAdmitted(), result.lastGlobalSequence(), result.digest(),
                    "asOf=" + result.asOf() + "&knownAt=" + known);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
