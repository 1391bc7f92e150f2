package cn.perfledger.app.imports.evaluation;

import cn.perfledger.app.api.RequestTextGuard;
import cn.perfledger.app.imports.evaluation.TableLayout.Value;
import cn.perfledger.domain.common.DomainException;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads numbers and texts out of cells for the mapping, collecting each problem with its cell. */
final class CellReader {

    private static final Pattern NUMBER = Pattern.compile("([+-]?\\d+(?:\\.\\d+)?)\\s*分?");
    private static final Pattern AMOUNT = Pattern.compile("[+-]?(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d+)?");

    private final List<CellError> errors;

    CellReader(List<CellError> errors) {
        this.errors = errors;
    }

    /** A number as printed (full-width digits allowed, a trailing 分 allowed); null when blank or after an error. */
    BigDecimal number(int row, Value cell, String what) {
        if (cell.blank()) {
            return null;
        }
        Matcher matcher = NUMBER.matcher(TableLayout.normalise(cell.text()).replace('−', '-'));
        if (!matcher.matches()) {
            error(row, cell, what + "应为数字（如 2.94）: " + cell.text());
            return null;
        }
        return new BigDecimal(matcher.group(1));
    }

    /** An amount as printed (thousands separators allowed); null when blank or after an error. */
    String amount(int row, Value cell, String what) {
        if (cell == null || cell.blank()) {
            return null;
        }
        String text = TableLayout.normalise(cell.text());
        if (!AMOUNT.matcher(text).matches()) {
            error(row, cell, what + "应为金额数字（如 1,172.55）: " + cell.text());
            return null;
        }
        return text;
    }

    /**
     * A cell's text for a command, held to the API's text guard (length, control characters, no leading = @ or sign
     * that a spreadsheet would run as a formula); null when blank.
     */
    String text(int row, Value cell) {
        if (cell.blank()) {
            return null;
        }
        try {
            RequestTextGuard.check(cell.text(), cell.label(), 0);
        } catch (DomainException refused) {
            error(row, cell, refused.rule());
        }
        return cell.text();
    }

    void error(int row, Value cell, String rule) {
        errors.add(new CellError(row, cell.column() < 0 ? null : TableLayout.column(cell.column()), cell.label(), rule));
    }

    int count() {
        return errors.size();
    }
}
