package cn.perfledger.cli.support;

import cn.perfledger.cli.http.ApiException;
import cn.perfledger.cli.output.Column;
import cn.perfledger.cli.output.Json;
import cn.perfledger.cli.output.Table;
import cn.perfledger.cli.output.TextTable;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A refused or failed request in Chinese for the auditor: the server's Problem Details (title, the rule it
 * applied, the field it is about, every row/column error of an import as a table) or, without a body, what the
 * status means and what to do. Never a stack trace.
 */
public final class ProblemPrinter {

    /** Known members of an import refusal's {@code errors[]}, in the order and with the headers shown. */
    private static final Map<String, String> ERROR_HEADERS = Map.of("row", "行", "column", "列", "cell", "单元格",
            "columnLetter", "列号", "field", "字段", "rule", "规则", "sheet", "工作表", "value", "值");
    private static final List<String> ERROR_ORDER = List.of("sheet", "row", "column", "cell", "value", "rule");
    /**
     * Members left out of the table when the one in the value is there: the field's internal name beside the
     * column's Chinese name, the column letter beside the cell (B7). {@code --format json} still has them.
     */
    private static final Map<String, String> SHOWN_BY = Map.of("field", "column", "columnLetter", "cell");

    private ProblemPrinter() {
    }

    /** The lines to print on stderr for {@code e}. */
    public static List<String> lines(ApiException e, String server) {
        List<String> lines = new ArrayList<>();
        int status = e.status();
        JsonNode problem = e.problem();
        String title = Json.text(problem, "title");
        if (title == null || title.isBlank() || !hasChinese(title)) {
            // the ledger's own problems have Chinese titles; Spring's built-in ones ("Not Found") do not
            title = fallbackTitle(status);
        }
        lines.add("错误：" + title + "（HTTP " + status + "）");
        String rule = Json.text(problem, "rule");
        String field = Json.text(problem, "field");
        String detail = Json.text(problem, "detail");
        if (rule != null) {
            lines.add("  规则：" + rule);
        }
        if (field != null && !field.isBlank()) {
            lines.add("  字段：" + field);
        }
        if (detail != null && !detail.equals(rule) && !detail.equals(field + ": " + rule)) {
            lines.add("  说明：" + detail);
        }
        if (problem == null && status >= 300 && status < 400) {
            lines.add("  " + e.rawBody() + "；请检查 --server 地址（当前 " + server + "）");
        }
        JsonNode errors = problem == null ? null : problem.get("errors");
        if (errors != null && errors.isArray() && !errors.isEmpty()) {
            lines.add("  共 " + errors.size() + " 处错误" + byColumn(errors) + (errors.size() > MAX_LISTED_ERRORS
                    ? "，下面列出前 " + MAX_LISTED_ERRORS + " 处：" : "："));
            com.fasterxml.jackson.databind.node.ArrayNode listed = Json.mapper().createArrayNode();
            for (int i = 0; i < Math.min(errors.size(), MAX_LISTED_ERRORS); i++) {
                listed.add(errors.get(i));
            }
            TextTable.render(errorTable(listed)).forEach(line -> lines.add("  " + line));
            if (errors.size() > MAX_LISTED_ERRORS) {
                lines.add("  另有 " + (errors.size() - MAX_LISTED_ERRORS) + " 处错误未列出；全部错误：--format json");
            }
        }
        String correlation = Json.text(problem, "correlationId");
        if (correlation != null) {
            lines.add("  关联标识：" + correlation + "（可在该年度的记录中按此查找）");
        }
        String hint = status == 404 && "path".equals(field)
                ? "服务器没有这个接口：服务器版本可能较旧，或 --server 指向的不是绩效账本服务器" : hint(status);
        if (hint != null) {
            lines.add("  " + hint);
        }
        return lines;
    }

    /** At most this many errors of a refused import are printed as a table; --format json gives them all. */
    public static final int MAX_LISTED_ERRORS = 50;

    /** "（按列：金额 12 处、业务日期 3 处）" when the errors name columns. */
    static String byColumn(JsonNode errors) {
        java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        for (JsonNode error : errors) {
            String column = Json.text(error, "column");
            if (column != null) {
                counts.merge(column, 1, Integer::sum);
            }
        }
        if (counts.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((column, n) -> parts.add(column + " " + n + " 处"));
        return "（按列：" + String.join("、", parts) + "）";
    }

    private static boolean hasChinese(String text) {
        return text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }

    static Table errorTable(JsonNode errors) {
        Set<String> keys = new LinkedHashSet<>();
        ERROR_ORDER.forEach(key -> {
            for (JsonNode error : errors) {
                if (error.has(key)) {
                    keys.add(key);
                }
            }
        });
        for (JsonNode error : errors) {
            error.fieldNames().forEachRemaining(keys::add);
        }
        SHOWN_BY.forEach((hidden, shownBy) -> {
            boolean covered = true;
            for (JsonNode error : errors) {
                covered &= !error.has(hidden) || error.has(shownBy);
            }
            if (covered) {
                keys.remove(hidden);
            }
        });
        List<String> order = new ArrayList<>(keys);
        Column[] columns = order.stream()
                .map(key -> key.equals("row") ? Column.of("行", Column.Kind.COUNT)
                        : Column.text(ERROR_HEADERS.getOrDefault(key, key), key.equals("rule") ? 0 : 40))
                .toArray(Column[]::new);
        Table table = new Table(columns);
        for (JsonNode error : errors) {
            table.row(order.stream().map(key -> Json.text(error, key)).toArray(String[]::new));
        }
        return table;
    }

    static String fallbackTitle(int status) {
        return switch (status) {
            case 400 -> "请求被拒绝";
            case 401 -> "身份验证失败";
            case 403 -> "无权访问";
            case 404 -> "未找到";
            case 405 -> "服务器不支持此操作";
            case 409 -> "与账本已有记录冲突";
            case 429 -> "登录失败次数过多，已暂时锁定";
            case 413 -> "文件过大";
            case 415 -> "不支持的文件类型";
            case 422 -> "输入被拒绝";
            default -> status >= 500 ? "服务器错误" : status >= 300 && status < 400 ? "服务器要求跳转" : "请求失败";
        };
    }

    private static String hint(int status) {
        return switch (status) {
            case 401 -> "请检查用户名和密码（--user/--password，或环境变量 LEDGER_USER/LEDGER_PASSWORD）";
            case 403 -> "当前账号没有执行此操作的权限；请联系管理员";
            case 429 -> "请等待服务器回答的 Retry-After 秒数后再试；在此之前的尝试不校验密码";
            case 405 -> "服务器可能是较旧的版本，尚无此功能";
            default -> status >= 500 ? "服务器已记录日志；请稍后重试或联系管理员" : null;
        };
    }
}
