package cn.perfledger.app.ui.form;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.util.MultiValueMap;

/**
 * The forms of one rendered page: which form was posted (if any), its values to show again, and the refusals by
 * field, in Chinese. A template asks {@link #err} next to each field and {@link #rest} after the last one, so an
 * error whose field has no input on the form (a rule about the whole request) is still shown, once.
 */
public final class FormState {

    private final String form;
    private final Map<String, List<String>> values;
    private final Map<String, String> errors = new LinkedHashMap<>();
    private final Set<String> shown = new LinkedHashSet<>();

    private FormState(String form, Map<String, List<String>> values) {
        this.form = form;
        this.values = values;
    }

    /** A page as first opened: no form posted. */
    public static FormState fresh() {
        return new FormState(null, Map.of());
    }

    /** The page again after {@code form} was posted with {@code values}. */
    public static FormState posted(String form, MultiValueMap<String, String> values) {
        return new FormState(form, new LinkedHashMap<>(values));
    }

    /** Records a refusal; a null or empty field is about the request as a whole. */
    public void reject(String field, String rule) {
        errors.merge(field == null || field.isBlank() ? "" : field, rule, (a, b) -> a.equals(b) ? a : a + "；" + b);
    }

    /** Records every error of a refused request, each field under {@code prefix} (a row of a sheet). */
    public void reject(String prefix, FormRejected refused) {
        refused.errors().forEach(e -> reject(prefix + (e.field() == null ? "" : e.field()), e.rule()));
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public Map<String, String> errors() {
        return Map.copyOf(errors);
    }

    public boolean isPosted(String name) {
        return name.equals(form);
    }

    /** The refusal of {@code field} when {@code name} is the posted form, else null. */
    public String err(String name, String field) {
        if (!isPosted(name)) {
            return null;
        }
        // a value's own constructor names its part (departmentId.departmentId, path[0]): shown at the same input
        List<String> rules = new ArrayList<>();
        errors.forEach((key, rule) -> {
            if (key.equals(field) || key.startsWith(field + ".") || key.startsWith(field + "[")) {
                shown.add(key);
                rules.add(rule);
            }
        });
        return rules.isEmpty() ? null : String.join("；", rules);
    }

    /** Every refusal of the posted form whose field starts with {@code prefix} (one row of a sheet), joined. */
    public String errRow(String name, String prefix) {
        if (!isPosted(name)) {
            return null;
        }
        List<String> rules = new ArrayList<>();
        errors.forEach((field, rule) -> {
            if (field.startsWith(prefix)) {
                shown.add(field);
                String rest = field.substring(prefix.length()).replaceFirst("^\\.", "");
                rules.add(rest.isEmpty() ? rule : label(rest) + "：" + rule);
            }
        });
        return rules.isEmpty() ? null : String.join("；", rules);
    }

    /** Refusals of the posted form not yet shown next to a field. */
    public List<String> rest(String name) {
        List<String> rest = new ArrayList<>();
        if (isPosted(name)) {
            errors.forEach((field, rule) -> {
                if (!shown.contains(field)) {
                    String label = label(field);
                    // a field the users have a word for leads; a path inside an uploaded file follows the rule
                    rest.add(field.isEmpty() ? rule : label.equals(field) ? rule + "（位置：" + field + "）"
                            : label + "：" + rule);
                }
            });
        }
        return rest;
    }

    /** The posted value of {@code field} when {@code name} was posted, else {@code fallback}. */
    public String val(String name, String field, Object fallback) {
        if (isPosted(name) && values.containsKey(field)) {
            List<String> posted = values.get(field);
            return posted == null || posted.isEmpty() ? "" : posted.get(0);
        }
        return fallback == null ? "" : String.valueOf(fallback);
    }

    /** Whether a checkbox {@code value} of {@code field} is ticked (posted, or by default). */
    public boolean checked(String name, String field, String value, boolean fallback) {
        if (isPosted(name)) {
            List<String> posted = values.get(field);
            return posted != null && posted.contains(value);
        }
        return fallback;
    }

    /** A new Idempotency-Key for one rendering of a form: a double click sends it twice, a new form a new one. */
    public String key() {
        return FormKeys.newKey();
    }

    /** Field names of the API's requests in the users' words, for refusals shown away from their input. */
    public static String label(String field) {
        String last = field.replaceAll("^.*[.\\]]", "");
        return switch (last) {
            case "indicatorId" -> "指标编号";
            case "path" -> "指标层级";
            case "name" -> "名称";
            case "weight" -> "分值";
            case "targetExpression", "newTargetExpression" -> "年度指标值";
            case "direction", "newDirection" -> "指标方向";
            case "actual" -> "实际完成值";
            case "grade" -> "评定等级";
            case "score" -> "得分";
            case "basis" -> "评分依据";
            case "evaluator" -> "评分人";
            case "reason" -> "原因";
            case "effectiveDate" -> "业务日期";
            case "digest" -> "摘要";
            case "referenceDate" -> "评价基准日";
            case "rubricItemCode" -> "评分项";
            case "rubricVersion", "rubricVersionId" -> "评价体系版本";
            case "departments", "scope" -> "部门范围";
            case "roles" -> "角色";
            case "password" -> "密码";
            case "username" -> "用户名";
            case "file" -> "文件";
            case "idempotencyKey" -> "表单";
            default -> field;
        };
    }
}
