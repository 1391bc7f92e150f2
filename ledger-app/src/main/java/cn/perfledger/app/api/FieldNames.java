package cn.perfledger.app.api;

import cn.perfledger.domain.common.ConflictException;
import cn.perfledger.domain.common.DomainException;

/** Renames the field of a domain refusal to the name the request used. */
final class FieldNames {

    private FieldNames() {
    }

    static DomainException stripPrefix(DomainException e, String prefix) {
        String field = e.field();
        if (field == null || !field.startsWith(prefix)) {
            return e;
        }
        String renamed = field.substring(prefix.length());
        DomainException copy = e instanceof ConflictException
                ? new ConflictException(renamed, e.rule())
                : new DomainException(renamed, e.rule());
        copy.initCause(e);
        return copy;
    }
}
