package cn.perfledger.domain.common;

/**
 * A command conflicts with what the ledger already holds (a voucher number used with another payload,
 * a year already opened): the request itself is well formed but cannot be applied (HTTP 409).
 */
public class ConflictException extends DomainException {

    public ConflictException(String field, String rule) {
        super(field, rule);
    }
}
