package cn.perfledger.app.ui.form;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;

/**
 * A form's values as the JSON body of the API request they stand for: a blank input is an absent member (null), so
 * the API's own "不能为空" answers for a required one; {@link #put} copies a field under the request's name.
 */
public final class FormValues {

    private final MultiValueMap<String, String> form;
    private final Map<String, Object> body = new LinkedHashMap<>();

    private FormValues(MultiValueMap<String, String> form) {
        this.form = form;
    }

    public static FormValues of(MultiValueMap<String, String> form) {
        return new FormValues(form);
    }

    /** The trimmed value of {@code field}, or null when blank or absent. */
    public String text(String field) {
        String value = form.getFirst(field);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Copies {@code field} into the body under the same name. */
    public FormValues put(String field) {
        return put(field, text(field));
    }

    public FormValues put(String member, Object value) {
        body.put(member, value);
        return this;
    }

    /** The non-blank values of {@code fields}, in order, as one list member (e.g. 一级/二级/三级 as a path). */
    public FormValues list(String member, String... fields) {
        List<String> values = new ArrayList<>();
        for (String field : fields) {
            if (text(field) != null) {
                values.add(text(field));
            }
        }
        return put(member, values.isEmpty() ? null : values);
    }

    /** Every non-blank value of a multi-valued field (checkboxes) as a list member. */
    public FormValues all(String field) {
        List<String> values = form.getOrDefault(field, List.of()).stream().filter(v -> !v.isBlank()).toList();
        return put(field, values);
    }

    public Map<String, Object> body() {
        return body;
    }
}
