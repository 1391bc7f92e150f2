package cn.perfledger.domain.evaluation;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates within the fiscal year as targets and actuals write them: deadlines ("9月前", "9月底前", "6月30日前", "年底前",
 * "一季度内", "上半年") and completion dates ("7月", "8月15日", "已于9月底前完成"). A date is kept as its day of the
 * year in a common (non-leap) year, so that deadlines and completion dates compare as numbers: the ledger only ever
 * compares dates of one fiscal year with each other, and a 29 February deadline does not occur in the documents.
 *
 * <p>"N月前" is read as its words say: before month N begins (9月前 = by 31 August), "N月底前" as by the end of
 * month N. A month without a day ("7月") as a completion date is its last day: whenever in July it was done, it was
 * done by 31 July. "N月内" is refused: it may mean within month N or within N months.
 */
final class CalendarText {

    /** The unit family of calendar dates (day of the year). */
    static final String DATE_UNIT = "日期";
    private static final int REFERENCE_YEAR = 2001;

    private static final String MONTH = "(?<![\\d.])(1[0-2]|0?[1-9]|(?<=^|[年于在至到截止\\s，,、(])(?:十[一二]?|[一二三四五六七八九]))";
    private static final String QUARTER = "(?:第)?([1-4一二三四])季度";
    private static final String BEFORE = "(?:之前|以前|前)";
    private static final String YEAR_PREFIX = "(?:(?:19|20)\\d\\d年(?:度)?)?";

    private static final Pattern DAY_DEADLINE = Pattern.compile(YEAR_PREFIX + MONTH + "月(\\d{1,2})[日号](?:" + BEFORE
            + "|止)");
    private static final Pattern MONTH_END_DEADLINE = Pattern.compile(YEAR_PREFIX + MONTH + "月(?:份)?(?:底|末)" + BEFORE + "?");
    private static final Pattern MONTH_START_DEADLINE = Pattern.compile(YEAR_PREFIX + MONTH + "月(?:份)?" + BEFORE);
    private static final Pattern YEAR_END_DEADLINE = Pattern.compile("(?:年底|年末|年终)" + BEFORE + "?|(?<![\\d一二三四五六七八九十两个])(?:年内|年度内)");
    private static final Pattern QUARTER_DEADLINE = Pattern.compile(QUARTER + "(?:内|末|底|" + BEFORE + ")");
    private static final Pattern HALF_DEADLINE = Pattern.compile("(上|下)半年(?:内|末|底|" + BEFORE + ")?");
    private static final Pattern AMBIGUOUS_MONTHS = Pattern.compile(MONTH + "月内");

    private static final Pattern DAY = Pattern.compile(YEAR_PREFIX + MONTH + "月(\\d{1,2})[日号]");
    private static final Pattern MONTH_ONLY = Pattern.compile(YEAR_PREFIX + MONTH + "月(?:份)?(?:上旬|中旬|下旬|初|底|末)?");
    private static final Pattern YEAR_END = Pattern.compile("年底|年末|年终");
    private static final Pattern QUARTER_ONLY = Pattern.compile(QUARTER);
    private static final Pattern HALF = Pattern.compile("(上|下)半年");

    private CalendarText() {
    }

    /** A date found in a text: its span, the day of the year, and the comparison it states (null for a plain date). */
    record Found(int start, int end, int dayOfYear, TargetComparator bound, String written) {
    }

    /** Whether the text uses "N月内", which reads as a month or as a number of months. */
    static String ambiguousMonths(String text) {
        Matcher m = AMBIGUOUS_MONTHS.matcher(text);
        return m.find() && !text.substring(0, m.start()).endsWith("个") ? m.group() : null;
    }

    /** The deadlines a target text states (≤ a day, or &lt; the first day of a month). */
    static List<Found> deadlines(String text) {
        List<Found> found = new ArrayList<>();
        Matcher m = DAY_DEADLINE.matcher(text);
        while (m.find()) {
            add(found, m, dayOf(month(m.group(1)), Integer.parseInt(m.group(2))), TargetComparator.LE);
        }
        m = MONTH_END_DEADLINE.matcher(text);
        while (m.find()) {
            add(found, m, endOfMonth(month(m.group(1))), TargetComparator.LE);
        }
        m = MONTH_START_DEADLINE.matcher(text);
        while (m.find()) {
            add(found, m, dayOf(month(m.group(1)), 1), TargetComparator.LT);
        }
        m = YEAR_END_DEADLINE.matcher(text);
        while (m.find()) {
            add(found, m, endOfMonth(12), TargetComparator.LE);
        }
        m = QUARTER_DEADLINE.matcher(text);
        while (m.find()) {
            int quarter = quarter(m.group(1));
            boolean before = m.group().endsWith("前");
            add(found, m, before ? dayOf(quarter * 3 - 2, 1) : endOfMonth(quarter * 3),
                    before ? TargetComparator.LT : TargetComparator.LE);
        }
        m = HALF_DEADLINE.matcher(text);
        while (m.find()) {
            add(found, m, endOfMonth("上".equals(m.group(1)) ? 6 : 12), TargetComparator.LE);
        }
        return found;
    }

    /**
     * The dates an actual text states: deadlines it claims to have met ("9月底前完成" → ≤ 30 Sep) and plain dates
     * ("7月" → 31 July, "8月15日", "一季度" → 31 March).
     */
    static List<Found> dates(String text) {
        List<Found> found = deadlines(text);
        Matcher m = DAY.matcher(text);
        while (m.find()) {
            add(found, m, dayOf(month(m.group(1)), Integer.parseInt(m.group(2))), null);
        }
        m = MONTH_ONLY.matcher(text);
        while (m.find()) {
            String word = m.group();
            int month = month(m.group(1));
            int day = word.endsWith("上旬") || word.endsWith("初") ? 10 : word.endsWith("中旬") ? 20 : -1;
            add(found, m, day > 0 ? dayOf(month, day) : endOfMonth(month), null);
        }
        m = YEAR_END.matcher(text);
        while (m.find()) {
            add(found, m, endOfMonth(12), null);
        }
        m = QUARTER_ONLY.matcher(text);
        while (m.find()) {
            add(found, m, endOfMonth(quarter(m.group(1)) * 3), null);
        }
        m = HALF.matcher(text);
        while (m.find()) {
            add(found, m, endOfMonth("上".equals(m.group(1)) ? 6 : 12), null);
        }
        return found;
    }

    /** "9月1日" for a day of the year, for messages. */
    static String display(int dayOfYear) {
        LocalDate date = LocalDate.ofYearDay(REFERENCE_YEAR, dayOfYear);
        return date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** Keeps the first (widest, listed first) match of each span: "9月底前" is not also "9月". */
    private static void add(List<Found> found, Matcher m, int dayOfYear, TargetComparator bound) {
        for (Found f : found) {
            if (m.start() < f.end() && f.start() < m.end()) {
                return;
            }
        }
        found.add(new Found(m.start(), m.end(), dayOfYear, bound, m.group()));
    }

    private static int dayOf(int month, int day) {
        YearMonth yearMonth = YearMonth.of(REFERENCE_YEAR, month);
        if (day < 1 || day > yearMonth.lengthOfMonth()) {
            throw new IllegalArgumentException(month + "月" + day + "日");
        }
        return yearMonth.atDay(day).getDayOfYear();
    }

    private static int endOfMonth(int month) {
        return YearMonth.of(REFERENCE_YEAR, month).atEndOfMonth().getDayOfYear();
    }

    private static int month(String written) {
        if (Character.isDigit(written.charAt(0))) {
            return Integer.parseInt(written);
        }
        return switch (written) {
            case "十" -> 10;
            case "十一" -> 11;
            case "十二" -> 12;
            default -> "一二三四五六七八九".indexOf(written) + 1;
        };
    }

    private static int quarter(String written) {
        return Character.isDigit(written.charAt(0)) ? Integer.parseInt(written) : "一二三四".indexOf(written) + 1;
    }
}
