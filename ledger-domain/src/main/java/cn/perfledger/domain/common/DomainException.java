package cn.perfledger.domain.common;

/**
 * A command was refused because it breaks a rule of the ledger. Names the field and the rule (in
 * Chinese, for the users) so that the API can answer with a precise Problem Details body.
 */
public class DomainException extends RuntimeException {

    private final String field;
    private final String rule;

    public DomainException(String field, String rule) {
        super(field + ": " + rule);
        this.field = field;
        this.rule = rule;
    }

    /** The command field the rule applies to, e.g. {@code amount} or {@code lines[3].voucherNo}. */
    public String field() {
        return field;
    }

    /** The rule that was broken, in the users' language. */
    public String rule() {
        return rule;
    }
}
