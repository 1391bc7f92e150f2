package cn.perfledger.cli.support;

import java.util.Map;

/**
 * Chinese names of the API's enumeration values that the server sends as codes (statuses, directions,
 * classifications). An unknown code is shown as sent, so a newer server never breaks the CLI.
 */
public final class Labels {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("OPEN", "进行中"),
            Map.entry("CLOSED", "已结账"),
            Map.entry("ADDED", "加入"),
            Map.entry("REMOVED", "撤回"),
            Map.entry("INTACT", "完整"),
            Map.entry("INTACT_WITH_UNCHAINED", "完整（含未入链记录）"),
            Map.entry("UNCHAINED", "未入链"),
            Map.entry("PARTLY_UNCHAINED", "前段未入链"),
            Map.entry("BROKEN", "断裂"),
            Map.entry("EQUAL", "一致"),
            Map.entry("ROUNDING", "尾数误差"),
            Map.entry("UNIT_SLIP", "单位错写（元/万元）"),
            Map.entry("INVERTED_RATIO", "比率倒置"),
            Map.entry("SWAPPED", "两数互换"),
            Map.entry("DISCREPANCY", "不符"),
            Map.entry("NOT_AVAILABLE", "账本无此数"),
            Map.entry("INCOMPARABLE", "无法比较"));

    private Labels() {
    }

    /** The Chinese name of {@code code}, or the code itself. */
    public static String of(String code) {
        return code == null ? null : NAMES.getOrDefault(code, code);
    }

    /** 是 / 否 for a JSON boolean's text. */
    public static String yesNo(String bool) {
        return bool == null ? null : Boolean.parseBoolean(bool) ? "是" : "否";
    }
}
