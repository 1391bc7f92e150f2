package cn.perfledger.app.eventstore;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.axonframework.common.DateTimeUtils;

/**
 * Reads the {@code timeStamp} column. Axon writes it as {@code 2021-03-01T08:00:00.123Z}; that shape is read
 * field by field, anything else through Axon's own parser. Reading a 100,000-event year parses 100,000 of them,
 * and {@code DateTimeFormatter} took as long as the rest of the row's metadata.
 */
public final class StoredTimestamp {

    private static final int LENGTH = "2021-03-01T08:00:00.123Z".length();

    private StoredTimestamp() {
    }

    /** The instant the column holds, exactly as {@link DateTimeUtils#parseInstant} reads it. */
    public static Instant parse(String text) {
        if (text.length() == LENGTH && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                && text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(19) == '.'
                && text.charAt(23) == 'Z') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 2);
            int day = digits(text, 8, 2);
            int hour = digits(text, 11, 2);
            int minute = digits(text, 14, 2);
            int second = digits(text, 17, 2);
            int millis = digits(text, 20, 3);
            if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= LocalDate.of(year, month, 1).lengthOfMonth()
                    && hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59
                    && millis >= 0) {
                long epochSecond = LocalDate.of(year, month, day).toEpochDay() * 86_400L
                        + hour * 3_600L + minute * 60L + second;
                return Instant.ofEpochSecond(epochSecond, millis * 1_000_000L);
            }
        }
        return DateTimeUtils.parseInstant(text);
    }

    /** The decimal value of {@code count} ASCII digits from {@code from}, or −1 if one is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
