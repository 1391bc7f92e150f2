package cn.perfledger.domain.budget;

import cn.perfledger.domain.common.DomainException;
import java.util.List;

/**
 * {@link BudgetCommand.ImportLedgerFile} was refused because rows break ledger rules; nothing was recorded. Lists
 * every refused row (up to {@link #MAX_LISTED}) so that the clerk can correct the whole file at once.
 */
public class ImportRefusedException extends DomainException {

    /** More refusals than this are counted but not listed: they are mostly consequences of the first ones. */
    public static final int MAX_LISTED = 1000;

    /**
     * One refused row.
     *
     * @param row      the index of the row in {@code ImportLedgerFile.rows} (0-based)
     * @param field    the field of the row's command the rule is about, e.g. {@code entry.amount}
     * @param rule     the rule, in Chinese
     * @param conflict whether the row conflicts with recorded state (a used id or voucher number) rather than
     *                 breaking a rule by itself
     */
    public record RowRefusal(int row, String field, String rule, boolean conflict) {
    }

    private final List<RowRefusal> refusals;
    private final int total;

    public ImportRefusedException(List<RowRefusal> refusals, int total) {
        super("rows", "导入文件有 " + total + " 行违反账本规则，未写入任何记录；第一处: rows[" + refusals.get(0).row() + "]."
                + refusals.get(0).field() + ": " + refusals.get(0).rule());
        this.refusals = List.copyOf(refusals);
        this.total = total;
    }

    /** The refused rows in file order, at most {@link #MAX_LISTED}. */
    public List<RowRefusal> refusals() {
        return refusals;
    }

    /** How many rows were refused in all. */
    public int total() {
        return total;
    }
}
