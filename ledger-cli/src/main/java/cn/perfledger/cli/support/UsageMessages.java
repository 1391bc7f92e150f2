package cn.perfledger.cli.support;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picocli's parse errors in Chinese. Picocli words them in English and offers no message bundle for them, so
 * the common ones are recognised by their (stable, documented) wording; anything else is shown as it is.
 */
public final class UsageMessages {

    private record Rule(Pattern pattern, String replacement) {
    }

    /** Applied in order, each to the result of the previous: an outer message, then its inner phrases. */
    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("^Invalid value for (?:option|positional parameter) '([^']+)': ", Pattern.DOTALL),
                    "$1 的值无效："),
            new Rule(Pattern.compile("^Invalid value for positional parameter at index \\d+ \\(([^)]+)\\): "),
                    "$1 的值无效："),
            new Rule(Pattern.compile("^Missing required parameters?: (.+)$"), "缺少参数 $1"),
            // an argument group given in part (verify DEPT without YEAR)
            new Rule(Pattern.compile("^Error: Missing required argument\\(s\\): (.+)$"), "缺少参数 $1（须同时给出）"),
            new Rule(Pattern.compile("^Missing required options?:? (.+)$"), "缺少必需的选项 $1"),
            new Rule(Pattern.compile("^Unknown options?: (.+)$"), "未知选项 $1"),
            new Rule(Pattern.compile("^Unmatched arguments? (?:from|at) index \\d+: (.+)$"), "多余或无法识别的参数 $1"),
            new Rule(Pattern.compile("^Expected parameter for option '([^']+)' but found '([^']*)'$"),
                    "选项 $1 缺少取值（其后是 '$2'）"),
            new Rule(Pattern.compile("^Missing required parameter for option '([^']+)' \\(([^)]*)\\)$"),
                    "选项 $1 缺少取值（$2）"),
            new Rule(Pattern.compile("^option '([^']+)' \\(([^)]*)\\) should be specified only once.*$"),
                    "选项 $1 只能给一次"),
            new Rule(Pattern.compile("'([^']*)' is not an? (?:int|Integer|long)"), "'$1' 不是整数"),
            new Rule(Pattern.compile("expected one of \\[([^\\]]*)\\] \\(case-insensitive\\) but was '([^']*)'"),
                    "应为 [$1] 之一，而不是 '$2'"));

    private UsageMessages() {
    }

    /** {@code message} in Chinese when it is one of picocli's usual ones. */
    public static String chinese(String message) {
        if (message == null) {
            return "参数有误";
        }
        String text = message;
        for (Rule rule : RULES) {
            Matcher matcher = rule.pattern().matcher(text);
            if (matcher.find()) {
                text = matcher.replaceFirst(rule.replacement());
            }
        }
        // enum values are typed in lower case (--format table), picocli lists the constants' names
        Matcher list = Pattern.compile("应为 \\[([^\\]]*)\\] 之一").matcher(text);
        return list.find() ? list.replaceFirst("应为 " + list.group(1).toLowerCase(java.util.Locale.ROOT)
                .replace(", ", "、") + " 之一") : text;
    }
}
