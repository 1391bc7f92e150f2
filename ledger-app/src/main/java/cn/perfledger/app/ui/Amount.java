package cn.perfledger.app.ui;

import cn.perfledger.domain.common.AmountUnit;
import cn.perfledger.domain.common.Money;
import cn.perfledger.projections.ledger.Rates;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * An amount rendered in both units, so that the 元/万元 toggle is pure client-side: {@code yuan} with thousands
 * separators and two decimals as in the seeds ({@code 392,951,003.55}), {@code wan} in 万元 with two decimals
 * ({@code 39,295.10}, half-up). {@code value} is the exact yuan figure (for charts and sign tests).
 */
public record Amount(BigDecimal value, String yuan, String wan) {

    /** Null stays null (the templates show "—"). */
    public static Amount of(Money money) {
        return money == null ? null : of(money.yuan());
    }

    public static Amount of(BigDecimal yuan) {
        if (yuan == null) {
            return null;
        }
        BigDecimal wan = AmountUnit.WAN_YUAN.fromYuan(yuan).setScale(2, RoundingMode.HALF_UP);
        return new Amount(yuan, format(yuan.setScale(2, RoundingMode.HALF_UP)), format(wan));
    }

    public boolean negative() {
        return value.signum() < 0;
    }

    /** Locale.ROOT: the output never depends on the machine's locale. */
    private static String format(BigDecimal value) {
        return String.format(Locale.ROOT, "%,.2f", value);
    }

    /** A fraction as a percentage with two decimals, half-up ({@code 0.998936 → "99.89%"}); null → "—". */
    public static String percent(BigDecimal fraction) {
        return fraction == null ? "—" : Rates.percent(fraction).toPlainString() + "%";
    }
}
