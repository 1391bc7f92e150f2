package cn.perfledger.domain.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the quantities (number, 万/亿 multiplier, unit) in a target or actual text, and ranges between two of them.
 * Shared by {@link TargetReader} and {@link ActualReader} so that both sides of a comparison are read by the same
 * rules. Calendar years ("2020年", "2021年度") and hotline names ("12345热线") are labels, not quantities; a minus
 * sign before a number is kept (the plausibility rules refuse negative counts).
 */
final class QuantityText {

    /** Longest first: the regex alternation takes the first alternative that matches. */
    private static final String UNITS = "%|‰|个百分点|个工作日|工作日|个月|人次|小时|分钟|平方米|平方公里|立方米|公里|千米|厘米|公顷"
            + "|Mbps|Gbps|MB|GB|TB|PB|km|KM"
            + "|[个次份件条项月天日年周人家台套篇场期批宗户座本页册张名位分元秒倍亩米吨辆头只株棵盏块处所例种粒]|M|G|T";
    /** Chinese numerals only count before a measure word ("至少一次"), never in words like 一网通办 or ordinals (第十二次). */
    private static final String MEASURE_WORDS = "个工作日|工作日|个月|人次|小时|[个次份件条项月天年周人家台套篇场期批宗户座本页册张名位倍辆头只株棵盏块处所例种]";
    private static final String MULTIPLIERS = "亿|千万|百万|万";

    private static final Pattern ARABIC = Pattern.compile(
            "(?<![\\d.第])(\\d+(?:\\.\\d+)?)[ \\t]*(" + MULTIPLIERS + ")?[ \\t]*(" + UNITS + ")?");
    private static final Pattern CHINESE = Pattern.compile(
            "(?<![第零〇一二两三四五六七八九十百])([零〇一二两三四五六七八九十百]+)[ \\t]*(" + MULTIPLIERS + ")?[ \\t]*(" + MEASURE_WORDS + ")");
    /** A range between two numbers: 90%–95%, 90%-95%, 90%~95%, 90至95%. */
    private static final Pattern RANGE_JOINER = Pattern.compile("\\s*(?:-|–|—|~|〜|至|到)\\s*");
    /** Names that carry digits: 12345热线, 12345平台. */
    private static final Pattern NAME_AFTER_NUMBER = Pattern.compile("^(?:热线|政务服务便民热线|平台|专线)");
    /** "≥100百分比": the word 百分比 after a number is a percent sign. */
    private static final Pattern PERCENT_WORD = Pattern.compile("(?<=\\d)\\s*百分比");
    private static final Pattern THOUSANDS = Pattern.compile("(?<=\\d),(?=\\d{3}(?!\\d))");
    /** Outline numbering the seed tables put in front of targets: "三、1、≥700万次", "（2）". */
    private static final Pattern LEADING_NUMBERING =
            Pattern.compile("^\\s*(?:(?:[一二三四五六七八九十]+|\\d+)、\\s*|[（(][一二三四五六七八九十\\d]+[)）]\\s*)+");

    private QuantityText() {
    }

    /**
     * One quantity found in a text. {@code unit} is as written including the multiplier ("万次"),
     * {@code baseUnit} is the unit family without it ("次"), {@code normalisedValue} = number × multiplier.
     */
    record Quantity(int start, int end, BigDecimal number, String unit, BigDecimal normalisedValue, String baseUnit) {

        /** Two mentions of the same figure (value and unit family) are one quantity, not a conflict. */
        String identity() {
            return normalisedValue.stripTrailingZeros().toPlainString() + "|" + baseUnit;
        }

        String display() {
            return number.toPlainString() + unit;
        }
    }

    /**
     * Full-width forms to ASCII (＞ ％ ０-９ ．), ≧/≦ to ≥/≤, thousands separators removed, leading outline
     * numbering dropped. The full-width comma stays: it separates clauses, never digit groups.
     */
    static String normalise(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c >= 0xFF01 && c <= 0xFF5E && c != 0xFF0C) {
                out.appendCodePoint(c - 0xFEE0);
            } else if (c == 0x2267) {
                out.append('≥');
            } else if (c == 0x2266) {
                out.append('≤');
            } else if (c == 0xFE6A) {
                out.append('%');
            } else if (c == 0xFE65) {
                out.append('>');
            } else if (c == 0xFE64) {
                out.append('<');
            } else if (c == 0x3000) {
                out.append(' ');
            } else if (c == 0x2550) {
                out.append('='); // "═": some provinces' forms print the equals sign as a box-drawing double line
            } else {
                out.appendCodePoint(c);
            }
        });
        String withoutSeparators = PERCENT_WORD.matcher(THOUSANDS.matcher(out).replaceAll("")).replaceAll("%");
        return LEADING_NUMBERING.matcher(withoutSeparators.strip()).replaceFirst("").strip();
    }

    /** All quantities of a normalised text, in order of appearance. */
    static List<Quantity> scan(String text) {
        List<Quantity> found = new ArrayList<>();
        Matcher arabic = ARABIC.matcher(text);
        int previousEnd = -1;
        while (arabic.find()) {
            if (isLabel(text, arabic)) {
                continue;
            }
            BigDecimal number = new BigDecimal(arabic.group(1));
            if (minusBefore(text, arabic.start(), previousEnd)) {
                number = number.negate();
            }
            found.add(quantity(arabic.start(), arabic.end(), number, arabic.group(2), arabic.group(3)));
            previousEnd = arabic.end();
        }
        Matcher chinese = CHINESE.matcher(text);
        while (chinese.find()) {
            found.add(quantity(chinese.start(), chinese.end(), BigDecimal.valueOf(chineseNumber(chinese.group(1))),
                    chinese.group(2), chinese.group(3)));
        }
        found.sort(Comparator.comparingInt(Quantity::start));
        return found;
    }

    /** A calendar year (19xx/20xx followed by 年) or a name with digits is a label, not a quantity. */
    private static boolean isLabel(String text, Matcher arabic) {
        String digits = arabic.group(1);
        if ("年".equals(arabic.group(3)) && arabic.group(2) == null && digits.matches("(19|20)\\d\\d")) {
            return true;
        }
        return arabic.group(3) == null && NAME_AFTER_NUMBER.matcher(text.substring(arabic.end())).find();
    }

    /**
     * A minus sign right before the number, unless it joins the number to the quantity before it (90%-95% and
     * 5个-10个 are ranges; ≥-5个 and 增长-5% are negative).
     */
    private static boolean minusBefore(String text, int start, int previousEnd) {
        if (start == 0 || (text.charAt(start - 1) != '-' && text.charAt(start - 1) != '−')) {
            return false;
        }
        return previousEnd < 0 || !text.substring(previousEnd, start - 1).isBlank();
    }

    /**
     * The two quantities of a range when {@code first} and {@code second} are joined only by a range sign and their
     * units agree ("90-95%" gives the first the second's unit); otherwise null.
     */
    static Quantity[] range(String text, Quantity first, Quantity second) {
        String between = text.substring(first.end(), second.start());
        if (!RANGE_JOINER.matcher(between).matches()) {
            return null;
        }
        Quantity lower = first;
        if (first.unit().isEmpty() && !second.unit().isEmpty()) {
            BigDecimal multiplier = second.number().signum() == 0 ? BigDecimal.ONE
                    : second.normalisedValue().divide(second.number());
            lower = new Quantity(first.start(), first.end(), first.number(), second.unit(),
                    first.number().multiply(multiplier), second.baseUnit());
        }
        if (!lower.baseUnit().equals(second.baseUnit())) {
            return null;
        }
        return new Quantity[] {lower, second};
    }

    /** Quantities that name different figures; repeated mentions of one figure count once. */
    static List<Quantity> distinct(List<Quantity> quantities) {
        Map<String, Quantity> byIdentity = new LinkedHashMap<>();
        quantities.forEach(q -> byIdentity.putIfAbsent(q.identity(), q));
        return List.copyOf(byIdentity.values());
    }

    /** Whether two unit families can be compared; a unitless number takes the other side's unit ("94" vs "≥70%"). */
    static boolean comparableUnits(String baseUnit, String otherBaseUnit) {
        return baseUnit.isEmpty() || otherBaseUnit.isEmpty() || baseUnit.equals(otherBaseUnit);
    }

    static String displayList(List<Quantity> quantities) {
        return String.join("、", quantities.stream().map(Quantity::display).toList());
    }

    private static Quantity quantity(int start, int end, BigDecimal number, String multiplier, String unit) {
        String writtenUnit = (multiplier == null ? "" : multiplier) + (unit == null ? "" : unit);
        BigDecimal normalised = multiplier == null ? number : number.multiply(multiplierValue(multiplier));
        return new Quantity(start, end, number, writtenUnit, normalised, family(unit));
    }

    private static BigDecimal multiplierValue(String multiplier) {
        return switch (multiplier) {
            case "万" -> BigDecimal.TEN.pow(4);
            case "百万" -> BigDecimal.TEN.pow(6);
            case "千万" -> BigDecimal.TEN.pow(7);
            case "亿" -> BigDecimal.TEN.pow(8);
            default -> throw new IllegalArgumentException(multiplier);
        };
    }

    /** "个月" and "月" are one family, as are "日" and "天"; "个" (a count) stays apart from "个月". */
    private static String family(String unit) {
        if (unit == null) {
            return "";
        }
        return switch (unit) {
            case "个月" -> "月";
            case "km", "KM", "千米" -> "公里";
            case "个工作日" -> "工作日";
            case "日" -> "天";
            default -> unit;
        };
    }

    /** 一 … 九十九, with 十 and 百 ("十二" = 12, "二十" = 20, "一百零五" = 105). */
    private static long chineseNumber(String numerals) {
        long total = 0;
        long current = 0;
        for (char c : numerals.toCharArray()) {
            switch (c) {
                case '十' -> {
                    total += (current == 0 ? 1 : current) * 10;
                    current = 0;
                }
                case '百' -> {
                    total += (current == 0 ? 1 : current) * 100;
                    current = 0;
                }
                default -> current = "零一二三四五六七八九".indexOf(c) >= 0 ? "零一二三四五六七八九".indexOf(c)
                        : c == '两' ? 2 : 0;
            }
        }
        return total + current;
    }
}
