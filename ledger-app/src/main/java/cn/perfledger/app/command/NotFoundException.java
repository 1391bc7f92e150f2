package cn.perfledger.app.command;

/** Something the request names does not exist in the ledger (HTTP 404), with the field that names it. */
public class NotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String rule;

    public NotFoundException(String field, String rule) {
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
