package cn.perfledger.cli.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option converters with Chinese messages for the two kinds of basis date. */
public final class Converters {

    /**
     * Times without an offset are read in China Standard Time: auditors think in Beijing time, and the server
     * echoes the exact instant it used, so nothing is hidden.
     */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private Converters() {
    }

    /** {@code --as-of}: a calendar date {@code yyyy-MM-dd} (评价基准日, inclusive). */
    public static final class DateConverter implements ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value.strip());
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("日期应为 yyyy-MM-dd，例如 2021-12-31，而不是 '" + value + "'");
            }
        }
    }

    /**
     * {@code --known-at}: a moment (知悉时点, inclusive). Accepted: an ISO instant ({@code 2022-03-15T00:00:00Z}),
     * a date-time with offset ({@code 2022-03-15T08:00+08:00}), a local date-time in Beijing time
     * ({@code 2022-03-15T08:00}), or a date, meaning the end of that day in Beijing time (everything recorded
     * on that day is known).
     */
    public static final class KnownAtConverter implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            String v = value.strip();
            try {
                return Instant.parse(v);
            } catch (DateTimeParseException notInstant) {
                // try the friendlier forms
            }
            try {
                return OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeParseException notOffset) {
                // next
            }
            try {
                return LocalDateTime.parse(v).atZone(CHINA).toInstant();
            } catch (DateTimeParseException notLocal) {
                // next
            }
            try {
                return LocalDate.parse(v).atTime(LocalTime.MAX).atZone(CHINA).toInstant();
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("知悉时点应为 ISO-8601 时刻（2022-03-15T00:00:00Z）、北京时间"
                        + "（2022-03-15T08:00）或日期（2022-03-15，指当日结束），而不是 '" + value + "'");
            }
        }
    }
}
