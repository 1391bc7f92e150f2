package cn.perfledger.app.imports.ledger;

import static cn.perfledger.app.imports.ledger.LedgerColumn.AMOUNT;
import static cn.perfledger.app.imports.ledger.LedgerColumn.EFFECTIVE_DATE;

import cn.perfledger.app.api.RequestTextGuard;
import cn.perfledger.app.imports.sheet.CellError;
import cn.perfledger.app.imports.sheet.SheetRow;
import cn.perfledger.domain.common.AmountUnit;
import cn.perfledger.domain.common.BudgetLineId;
import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.Money;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cells of a ledger file's data rows, read by their column: each value in the form the template demands (a
 * domain value type, a date, an amount in the declared unit, guarded free text), or null with the error recorded
 * against its row and column. Collects every error of the file, the layout's included.
 */
final class LedgerCells {

    /** More errors than this are counted but not listed: a wrong template fails on every row alike. */
    static final int MAX_LISTED = 1000;
    private static final Pattern THOUSANDS = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final Pattern DATE_WITH_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T.*");
    private static final Pattern DASHED_DATE = Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})");
    private static final Pattern CHINESE_DATE = Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})日");
    private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    /** The error values Excel shows in a cell whose formula failed (and writes into a CSV as text). */
    private static final Set<String> EXCEL_ERRORS = Set.of("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!",
            "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!");

    /**
     * An amount as the row states it: its size in yuan, and whether it was written red (negative), which only a
     * 支出凭证 row may do (a reversal of its 原凭证号).
     */
    record Amount(Money money, boolean red) {
    }

    final Map<LedgerColumn, Integer> columns = new EnumMap<>(LedgerColumn.class);
    private final List<CellError> errors = new ArrayList<>();
    private int errorCount;
    AmountUnit unit;

    int errorCount() {
        return errorCount;
    }

    /** The errors so far: file-wide ones first, then by row. */
    List<CellError> sortedErrors() {
        // a missing column is found while reading rows but belongs to the header
        errors.sort(Comparator.comparing(CellError::row, Comparator.nullsFirst(Comparator.naturalOrder())));
        return errors;
    }

    String cell(SheetRow row, LedgerColumn column) {
        Integer index = columns.get(column);
        return index == null ? "" : row.text(index);
    }

    /** A cell converted by a domain value type's constructor (which states the rule it breaks); null when empty. */
    <T> T value(SheetRow row, LedgerColumn column, Function<String, T> constructor) {
        String text = usable(row, column);
        if (text == null) {
            return null;
        }
        try {
            return constructor.apply(text);
        } catch (DomainException e) {
            error(row, column, e.rule());
            return null;
        }
    }

    BudgetLineId lineId(SheetRow row, LedgerColumn column) {
        return value(row, column, BudgetLineId::new);
    }

    <T> T choice(SheetRow row, LedgerColumn column, Function<String, T> lookup, String rule) {
        String text = usable(row, column);
        if (text == null) {
            return null;
        }
        T value = lookup.apply(text);
        if (value == null) {
            error(row, column, rule + ": " + text);
        }
        return value;
    }

    /** Free text: the API's text guard applies (no formulas, no control characters, not overlong). */
    String text(SheetRow row, LedgerColumn column) {
        String text = usable(row, column);
        if (text == null) {
            return null;
        }
        try {
            RequestTextGuard.check(text, column.field(), 0);
            return text;
        } catch (DomainException e) {
            error(row, column, e.rule());
            return null;
        }
    }

    /**
     * A positive amount in the declared unit, converted to yuan exactly: direction is the row's kind (追减, the
     * outgoing line of 调剂), never a sign.
     */
    Money amount(SheetRow row) {
        Amount amount = signedAmount(row, false);
        return amount == null ? null : amount.money();
    }

    /**
     * An amount in the declared unit, converted to yuan exactly; negative (red) only where {@code redAllowed}.
     * Thousands separators as Excel writes them into a CSV are accepted.
     */
    Amount signedAmount(SheetRow row, boolean redAllowed) {
        String text = usable(row, AMOUNT);
        if (text == null) {
            return null;
        }
        BigDecimal value;
        try {
            value = Money.parsePlainDecimal(AMOUNT.field(),
                    THOUSANDS.matcher(text).matches() ? text.replace(",", "") : text);
        } catch (DomainException e) {
            error(row, AMOUNT, e.rule());
            return null;
        }
        boolean red = value.signum() < 0;
        if (value.signum() == 0 || red && !redAllowed) {
            error(row, AMOUNT, "金额必须大于 0（调减、调出由记录类型表示，不填负数）: " + text);
            return null;
        }
        value = value.abs();
        if (unit == null) {
            return null; // the missing or unknown unit is reported once, at its cell
        }
        if (!unit.fits(value)) {
            error(row, AMOUNT, "金额单位为" + unit.label() + "时最多 " + unit.maxDecimals() + " 位小数（即精确到分）: " + text);
            return null;
        }
        try {
            return new Amount(unit.toMoney(value), red);
        } catch (DomainException e) {
            error(row, AMOUNT, e.rule());
            return null;
        }
    }

    LocalDate date(SheetRow row) {
        String text = usable(row, EFFECTIVE_DATE);
        if (text == null) {
            return null;
        }
        if (DATE_WITH_TIME.matcher(text).matches()) {
            error(row, EFFECTIVE_DATE, "业务日期不能带时间: " + text.replace('T', ' '));
            return null;
        }
        Matcher m = DASHED_DATE.matcher(text);
        if (!m.matches()) {
            m = CHINESE_DATE.matcher(text);
        }
        if (!m.matches()) {
            m = COMPACT_DATE.matcher(text);
        }
        if (!m.matches()) {
            error(row, EFFECTIVE_DATE, "日期格式无效（应写作 2021-03-15、2021/3/15 或 2021年3月15日，或设为 Excel 日期格式）: " + text);
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            error(row, EFFECTIVE_DATE, "日期不存在: " + text);
            return null;
        }
    }

    /** The cell's text, or null when empty or when it holds an Excel error value (reported). */
    private String usable(SheetRow row, LedgerColumn column) {
        String text = cell(row, column);
        if (text.isEmpty()) {
            return null;
        }
        if (EXCEL_ERRORS.contains(text)) {
            error(row, column, "单元格是 Excel 错误值 " + text + "（公式出错）：请修正后再导入");
            return null;
        }
        return text;
    }

    // ---- errors ----

    void error(SheetRow row, LedgerColumn column, String rule) {
        error(row.number(), column, rule);
    }

    void error(int row, LedgerColumn column, String rule) {
        add(CellError.ofCell(row, column.header(), columns.getOrDefault(column, -1), column.field(), rule));
    }

    void fileError(String rule) {
        add(CellError.ofFile(rule));
    }

    /** An error counted only, because it was listed once already (a missing column, at the header). */
    void countOnly() {
        errorCount++;
    }

    void add(CellError error) {
        errorCount++;
        if (errors.size() < MAX_LISTED) {
            errors.add(error);
        }
    }
}
