package cn.perfledger.app.ui.entry;

import cn.perfledger.app.ui.entry.EntryForm.Field;
import cn.perfledger.app.ui.entry.EntryForm.Kind;
import cn.perfledger.app.ui.form.FormRejected.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A form as the template draws it: each field with the value to show (the default, or what was posted) and the
 * error the API named for it, in Chinese next to the field; errors of no field of the form above it, with the
 * field's name. A posted form keeps its key, so the corrected post is still one submission.
 */
public record FormView(String id, String title, String intro, String action, String key, List<FieldView> fields,
        List<String> errors, boolean rejected) {

    /** One input. {@code listId} names the datalist of a text field's suggestions. */
    public record FieldView(String name, String label, String kind, boolean required, String hint, String value,
            List<OptionView> options, String error, String listId, String inputId) {
    }

    public record OptionView(String value, String label, boolean selected) {
    }

    static FormView of(EntryForm form, EntryYear year, String action, String key, Map<String, String> posted,
            List<FieldError> errors) {
        List<Field> fields = form.fields().apply(year);
        Map<String, String> byField = new LinkedHashMap<>();
        List<String> general = new ArrayList<>();
        for (FieldError error : errors) {
            String target = target(form, fields, error.field());
            if (target != null) {
                byField.merge(target, error.rule(), (a, b) -> a + "；" + b);
            } else {
                general.add(error.field() == null || error.field().isBlank() ? error.rule()
                        : EntryLabels.of(error.field()) + "：" + error.rule());
            }
        }
        List<FieldView> views = new ArrayList<>();
        for (Field field : fields) {
            String value = posted == null ? field.defaultValue() : posted.get(field.name());
            String inputId = form.id() + "-" + field.name().replaceAll("[^A-Za-z0-9_-]", "_");
            List<OptionView> options = new ArrayList<>();
            if (field.kind() == Kind.SELECT && field.options().stream().noneMatch(o -> o.value().isEmpty())) {
                options.add(new OptionView("", field.required() ? "请选择" : "（不填）", value == null || value.isEmpty()));
            }
            field.options().forEach(o -> options.add(new OptionView(o.value(), o.label(),
                    o.value().equals(value == null ? "" : value))));
            String listId = field.kind() == Kind.TEXT && !field.options().isEmpty() ? inputId + "-list" : null;
            views.add(new FieldView(field.name(), field.label(), field.kind().name().toLowerCase(java.util.Locale.ROOT),
                    field.required(), field.hint(), value, options, byField.get(field.name()), listId, inputId));
        }
        return new FormView(form.id(), form.title(), form.intro(), action, key, views, general, !errors.isEmpty());
    }

    /** The field of the form an error of the API's {@code path} belongs to, or null. */
    private static String target(EntryForm form, List<Field> fields, String path) {
        if (path == null) {
            return null;
        }
        if (form.errorFields().containsKey(path)) {
            return form.errorFields().get(path);
        }
        for (String candidate : List.of(path, path.substring(path.lastIndexOf('.') + 1),
                path.contains(".") ? path.substring(0, path.indexOf('.')) : path)) {
            if (fields.stream().anyMatch(f -> f.name().equals(candidate))) {
                return candidate;
            }
        }
        return null;
    }
}
