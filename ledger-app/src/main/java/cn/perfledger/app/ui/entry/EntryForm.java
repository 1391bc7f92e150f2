package cn.perfledger.app.ui.entry;

import cn.perfledger.app.api.CommandResult;
import cn.perfledger.app.ui.form.FormRejected;
import cn.perfledger.app.ui.form.FormValues;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.http.ResponseEntity;

/**
 * One form of an entry page: its fields (which may depend on the year: its lines, procurements, vouchers) and what
 * it sends. The form only names fields and builds the API's request body from them; every rule is the API's.
 *
 * @param id          the form's path segment ({@code /entry/{page}/{id}})
 * @param errorFields where an error of the API's field path belongs on this form (e.g. {@code shares[1].lineId} →
 *                    {@code targetLineId}); unnamed paths go to the field of the path's last segment, else above
 *                    the form
 */
public record EntryForm(String id, String title, String intro, Function<EntryYear, List<Field>> fields,
        Action action, Map<String, String> errorFields) {

    /** How an input is drawn. */
    public enum Kind { TEXT, MONEY, DATE, SELECT, TEXTAREA, RATE, YEAR, CHECKBOX }

    /** A choice of a select, or a suggestion of a text input. */
    public record Option(String value, String label) {
    }

    /** One input: its request field name, Chinese label, kind, whether required, a hint, choices, a default. */
    public record Field(String name, String label, Kind kind, boolean required, String hint, List<Option> options,
            String defaultValue) {

        public Field {
            options = options == null ? List.of() : List.copyOf(options);
        }

        public static Field of(String name, String label, Kind kind, boolean required, String hint) {
            return new Field(name, label, kind, required, hint, List.of(), null);
        }

        public Field withOptions(List<Option> choices) {
            return new Field(name, label, kind, required, hint, choices, defaultValue);
        }

        public Field withDefault(String value) {
            return new Field(name, label, kind, required, hint, options, value);
        }
    }

    /** Sends the form's command through the API's endpoint method; refusals surface as {@link FormRejected}. */
    @FunctionalInterface
    public interface Action {
        ResponseEntity<CommandResult> send(EntryYear year, FormValues values);
    }

    public EntryForm {
        errorFields = errorFields == null ? Map.of() : Map.copyOf(errorFields);
    }

    /** The field a closed year's corrections carry (结账后更正原因). */
    public static final String POST_CLOSE_REASON = "postCloseReason";

    /**
     * Whether the year takes this form: an open year every form; a closed one only the corrections that state why
     * (the forms that ask for the 结账后更正原因, as the ledger's post-close policy takes them), never the others.
     */
    public boolean takenBy(EntryYear year) {
        return !year.closed() || fields.apply(year).stream().anyMatch(f -> f.name().equals(POST_CLOSE_REASON));
    }

    /** The label of a field of this form, for an error shown above the form. */
    public String labelOf(EntryYear year, String field) {
        return fields.apply(year).stream().filter(f -> f.name().equals(field)).map(Field::label).findFirst()
                .orElse(null);
    }
}
