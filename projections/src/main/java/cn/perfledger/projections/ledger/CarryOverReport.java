package cn.perfledger.projections.ledger;

import cn.perfledger.domain.budget.BudgetEvent.FiscalYearClosed;
import cn.perfledger.domain.budget.BudgetEvent.LineCarryOut;
import cn.perfledger.domain.budget.CarryOverKind;
import cn.perfledger.domain.budget.ExpenditureKind;
import cn.perfledger.domain.common.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * 结转结余 of a department-year at one basis: per line and in total, the identity 年初结转和结余 + 本年收入
 * (全年预算) − 本年支出 − 指标收回 = 年末结转和结余, the carry-out split into 结转 and 结余, both
 * 结转结余率 definitions of DOMAIN.md §5, and — once the year is closed — the carry-out the close recorded
 * next to the ledger's current figure (they differ after post-close corrections). The ledger's carry-out is
 * by construction the remainder of the identity, so the check that matters is against the close.
 */
public record CarryOverReport(
        Line total,
        Line fiscalAppropriation,
        List<Line> lines,
        Money carryForward,
        Money surplus,
        Money appropriationRevenue,
        BigDecimal carryOverRate53,
        BigDecimal carryOverRateYearOverYear,
        boolean closed,
        Money carryOutRecordedAtClose,
        boolean changedSinceClose) {

    /**
     * One line's (or a total's) terms of the identity; {@code carryOut} is what they leave. {@code kind} is the
     * close's classification or the default; {@code changedSinceClose} marks a carry-out that post-close
     * corrections moved away from what the close recorded.
     */
    public record Line(String key, String label, Money carryIn, Money revenue, Money expenditure, Money withdrawn,
            Money carryOut, CarryOverKind kind, Money carryOutAtClose, boolean changedSinceClose) {
    }

    public static CarryOverReport of(LedgerMetrics metrics) {
        LedgerFold fold = metrics.fold();
        FiscalYearClosed closed = fold.closed();
        List<Line> lines = new ArrayList<>();
        Money carryForward = Money.ZERO;
        Money surplus = Money.ZERO;
        for (LineFigures line : fold.lines()) {
            LineCarryOut atClose = closed == null ? null : closed.carryOuts().stream()
                    .filter(c -> c.lineId().equals(line.lineId())).findFirst().orElse(null);
            CarryOverKind kind = atClose != null ? atClose.kind()
                    : line.spec().kind() == ExpenditureKind.PROJECT ? CarryOverKind.CARRY_FORWARD : CarryOverKind.SURPLUS;
            Money closeAmount = closed == null ? null : atClose == null ? Money.ZERO : atClose.amount();
            lines.add(line(line.lineId().value(), line.spec().kind().chineseName()
                    + (line.spec().projectName() == null ? "" : " " + line.spec().projectName()), Totals.of(line),
                    kind, closeAmount));
            if (kind == CarryOverKind.CARRY_FORWARD) {
                carryForward = carryForward.plus(line.carryOut());
            } else {
                surplus = surplus.plus(line.carryOut());
            }
        }
        Money recordedAtClose = closed == null ? null : closed.carryOuts().stream().map(LineCarryOut::amount)
                .reduce(Money.ZERO, Money::plus);
        Line total = line("TOTAL", "合计", metrics.total(), null, recordedAtClose);
        return new CarryOverReport(total, line("FISCAL_APPROPRIATION", "财政拨款", metrics.fiscalAppropriation(), null, null),
                lines, carryForward, surplus, metrics.appropriationRevenue(), metrics.carryOverRate53(),
                metrics.carryOverRateYearOverYear(), closed != null, recordedAtClose,
                lines.stream().anyMatch(Line::changedSinceClose));
    }

    private static Line line(String key, String label, Totals t, CarryOverKind kind, Money carryOutAtClose) {
        return new Line(key, label, t.carryIn(), t.fullYear(), t.executed(), t.withdrawn(), t.carryOut(), kind,
                carryOutAtClose, carryOutAtClose != null && !carryOutAtClose.equals(t.carryOut()));
    }
}
