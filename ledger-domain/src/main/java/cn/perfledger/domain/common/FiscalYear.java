package cn.perfledger.domain.common;

import java.time.LocalDate;

/** A calendar fiscal year (年度), 1 January to 31 December. */
public record FiscalYear(int year) {

    public FiscalYear {
        if (year < 2000 || year > 2100) {
            throw new DomainException("year", "年度必须在 2000 至 2100 之间: " + year);
        }
    }

    public LocalDate firstDay() {
        return LocalDate.of(year, 1, 1);
    }

    public LocalDate lastDay() {
        return LocalDate.of(year, 12, 31);
    }

    public boolean contains(LocalDate date) {
        return date != null && date.getYear() == year;
    }

    /** Refuses a date outside this year, naming the field. */
    public void requireContains(String field, LocalDate date) {
        if (date == null) {
            throw new DomainException(field, "业务日期不能为空");
        }
        if (!contains(date)) {
            throw new DomainException(field, "业务日期必须在 " + year + " 年度内（" + firstDay() + " 至 " + lastDay() + "）: " + date);
        }
    }

    @Override
    public String toString() {
        return Integer.toString(year);
    }
}
