package cn.perfledger.app.ui.form;

import java.util.List;

/** A form's command refused (nothing recorded), with the API's status and every field error it named. */
public class FormRejected extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** One error: the API's field path and its rule in Chinese. */
    public record FieldError(String field, String rule) {
    }

    private final int status;
    private final transient List<FieldError> errors;

    public FormRejected(int status, List<FieldError> errors) {
        super(errors.isEmpty() ? "refused" : errors.get(0).field() + ": " + errors.get(0).rule());
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public static FormRejected of(int status, String field, String rule) {
        return new FormRejected(status, List.of(new FieldError(field, rule)));
    }

    public int status() {
        return status;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
