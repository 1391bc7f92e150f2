package cn.perfledger.domain.evaluation;

import cn.perfledger.domain.evaluation.QuantityText.Quantity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The words and symbols that state a comparison around a number, before it ("不低于95%", "≥700万次", "控制在") or
 * after it ("20份以上", "5%以内", "24小时内"). Order matters: a word is looked up with {@code endsWith} /
 * {@code startsWith}, so negated and compound forms come before the words they end with ("不低于" before "低于",
 * "大于等于" before "等于"). Words that only approximate ("左右", "约") state nothing and are reported as vague.
 */
final class ComparatorWords {

    private static final Map<String, TargetComparator> PREFIXES = new LinkedHashMap<>();
    private static final Map<String, TargetComparator> SUFFIXES = new LinkedHashMap<>();
    /** Approximations: a target "约95%" or "95%左右" has no threshold a finance officer could check. */
    private static final List<String> VAGUE_PREFIXES = List.of("大约", "约为", "约", "接近", "近");
    private static final List<String> VAGUE_SUFFIXES = List.of("左右", "上下");

    static {
        prefix(TargetComparator.GE, ">=", "=>", "≥", "大于等于", "大于或等于", "高于或等于", "不低于", "不少于", "不小于",
                "不得低于", "不得少于", "至少", "最少", "提高到", "提高至", "提升到", "提升至", "增加到", "增加至", "达到", "达");
        prefix(TargetComparator.LE, "<=", "=<", "≤", "小于等于", "小于或等于", "低于或等于", "不超过", "未超过", "不得超过",
                "不高于", "不多于", "不大于", "至多", "最多", "控制在", "降低到", "降低至", "降到", "降至", "压减到", "压减至",
                "压缩到", "压缩至", "减少到", "减少至");
        prefix(TargetComparator.GT, ">", "大于", "超过", "高于", "多于", "超");
        prefix(TargetComparator.LT, "<", "低于", "小于", "少于", "不足", "不到");
        prefix(TargetComparator.EQ, "=", "等于");

        suffix(TargetComparator.GT, "以上(不含)", "以上（不含）");
        suffix(TargetComparator.LT, "以下(不含)", "以下（不含）", "以内(不含)", "以内（不含）");
        suffix(TargetComparator.GE, "或以上", "及以上", "以上");
        suffix(TargetComparator.LE, "或以下", "及以下", "以下", "以内", "之内", "内");
    }

    private ComparatorWords() {
    }

    private static void prefix(TargetComparator comparator, String... words) {
        for (String word : words) {
            PREFIXES.put(word, comparator);
        }
    }

    private static void suffix(TargetComparator comparator, String... words) {
        for (String word : words) {
            SUFFIXES.put(word, comparator);
        }
    }

    /** The comparison written right before the quantity (symbol or word), or null. */
    static TargetComparator before(String text, Quantity quantity) {
        String before = text.substring(0, quantity.start());
        if (quantity.number().signum() < 0) {
            before = before.substring(0, before.length() - 1); // the minus sign of "≥-5个"
        }
        before = before.stripTrailing();
        for (Map.Entry<String, TargetComparator> prefix : PREFIXES.entrySet()) {
            if (before.endsWith(prefix.getKey())) {
                return prefix.getValue();
            }
        }
        return null;
    }

    /** The comparison written right after the quantity and its unit ("20份以上", "5%以内"), or null. */
    static TargetComparator after(String text, Quantity quantity) {
        String after = text.substring(quantity.end()).stripLeading();
        for (Map.Entry<String, TargetComparator> suffix : SUFFIXES.entrySet()) {
            if (after.startsWith(suffix.getKey())) {
                return suffix.getValue();
            }
        }
        return null;
    }

    /** The comparison stated before, else after the quantity; null when neither states one. */
    static TargetComparator around(String text, Quantity quantity) {
        TargetComparator before = before(text, quantity);
        return before != null ? before : after(text, quantity);
    }

    /** The approximating word around the quantity ("约", "左右"), or null. */
    static String vagueWord(String text, Quantity quantity) {
        String before = text.substring(0, quantity.start() - (quantity.number().signum() < 0 ? 1 : 0)).stripTrailing();
        for (String word : VAGUE_PREFIXES) {
            if (before.endsWith(word)) {
                return word;
            }
        }
        String after = text.substring(quantity.end()).stripLeading();
        for (String word : VAGUE_SUFFIXES) {
            if (after.startsWith(word)) {
                return word;
            }
        }
        return null;
    }
}
