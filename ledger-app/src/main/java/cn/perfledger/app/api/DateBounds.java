package cn.perfledger.app.api;

import cn.perfledger.domain.common.DomainException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The dates and instants the ledger accepts from outside — body fields, query parameters of the API
 * ({@link DateParameters}) and of the pages: 1900-01-01 to 2999-12-31, instants within those days (UTC). ISO-8601
 * reaches from year −999,999,999 to +999,999,999, which nothing in a ledger means and which breaks date arithmetic
 * further on; such a value is a 400 naming the field, never a 500.
 */
public final class DateBounds {

    public static final LocalDate FIRST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LAST = LocalDate.of(2999, 12, 31);
    private static final Instant FIRST_INSTANT = FIRST.atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant END_INSTANT = LAST.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();

    private DateBounds() {
    }

    /** {@code date}, or a {@link DomainException} naming {@code field} when it lies outside the bounds. */
    public static LocalDate check(String field, LocalDate date) {
        if (date != null && (date.isBefore(FIRST) || date.isAfter(LAST))) {
            throw new DomainException(field, "日期超出可接受范围（" + FIRST + " 至 " + LAST + "）: " + date);
        }
        return date;
    }

    /** {@code instant}, or a {@link DomainException} naming {@code field} when it lies outside the bounds. */
    public static Instant check(String field, Instant instant) {
        if (instant != null && (instant.isBefore(FIRST_INSTANT) || !instant.isBefore(END_INSTANT))) {
            throw new DomainException(field, "时刻超出可接受范围（" + FIRST + "T00:00:00Z 至 " + LAST
                    + "T23:59:59Z）: " + instant);
        }
        return instant;
    }
}
