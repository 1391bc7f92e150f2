package cn.perfledger.app.ui;

/** A request parameter of a page is malformed (HTTP 400): names the field and the rule, in Chinese. */
public class UiInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String rule;

    public UiInputException(String field, String rule) {
        super(field + ": " + rule);
        this.field = field;
        this.rule = rule;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }
}
