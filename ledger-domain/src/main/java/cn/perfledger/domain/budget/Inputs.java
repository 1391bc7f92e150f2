package cn.perfledger.domain.budget;

import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.Ids;
import cn.perfledger.domain.common.Money;
import java.math.BigDecimal;

/** How the ledger's commands state their values: required values, amounts in fen, texts and their limits. */
final class Inputs {

    static final int NAME_MAX = 200;
    static final int DOCUMENT_NO_MAX = 100;
    static final int REASON_MAX = 500;
    static final int PAYEE_MAX = 200;
    static final int SUMMARY_MAX = 500;
    static final int BATCH_ID_MAX = 100;
    static final int CONTRACT_NO_MAX = 100;
    static final int ADJUSTMENT_ID_MAX = 100;

    private Inputs() {
    }

    static <T> T require(String field, T value, String rule) {
        if (value == null) {
            throw new DomainException(field, rule);
        }
        return value;
    }

    static long positiveFen(String field, Money amount) {
        require(field, amount, "金额不能为空");
        if (!amount.isPositive()) {
            throw new DomainException(field, "金额必须大于 0: " + amount);
        }
        return amount.fen();
    }

    static long nonNegativeFen(String field, Money amount) {
        require(field, amount, "金额不能为空（没有请填 0）");
        if (amount.isNegative()) {
            throw new DomainException(field, "金额不能为负: " + amount);
        }
        return amount.fen();
    }

    /** Optional text with blank normalized to null, so that "" and null fingerprint alike. */
    static String optionalText(String field, String text, int maxLength) {
        String stripped = Ids.optionalText(field, text, maxLength);
        return stripped == null || stripped.isEmpty() ? null : stripped;
    }

    /** Fen as yuan with two decimals, for messages. */
    static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
