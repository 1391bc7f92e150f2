package cn.perfledger.app.ui.form;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.util.MultiValueMap;

/**
 * A form's values as the JSON body of the API request they stand for: a blank input is an absent member (null), so
 * the API's own "不能为空" answers for a required one; {@link #put} copies a field under the request's name, and
 * {@link #node} gives a JSON tree for a body with nested members. {@link ApiForm} reads the body as the request.
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

    /** The names of the posted fields. */
    public Set<String> names() {
        return form.keySet();
    }

    /** A JSON body with the named fields that were filled in (empty fields are absent, as a client omits them). */
    public ObjectNode node(String... names) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (String name : names) {
            String value = text(name);
            if (value != null) {
                node.put(name, value);
            }
        }
        return node;
    }

    /**
     * A rate typed as a percentage ("75%", "75 %") as the API's fraction ("0.75"); anything else unchanged, so the
     * API words what is wrong with it.
     */
    public static String fraction(String text) {
        if (text == null || !text.endsWith("%")) {
            return text;
        }
        try {
            return new BigDecimal(text.substring(0, text.length() - 1).strip()).movePointLeft(2).toPlainString();
        } catch (NumberFormatException e) {
            return text;
        }
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
