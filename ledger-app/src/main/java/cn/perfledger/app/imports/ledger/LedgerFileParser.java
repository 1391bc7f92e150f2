package cn.perfledger.app.imports.ledger;

import static cn.perfledger.app.imports.ledger.LedgerColumn.RECORD_TYPE;

import cn.perfledger.app.imports.ledger.ParsedLedgerFile.ParsedRow;
import cn.perfledger.app.imports.sheet.CellError;
import cn.perfledger.app.imports.sheet.Sheet;
import cn.perfledger.app.imports.sheet.SheetRow;
import cn.perfledger.domain.budget.BudgetCommand.ImportLedgerFile;
import cn.perfledger.domain.common.AmountUnit;
import cn.perfledger.domain.common.FiscalYearId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@link Sheet} as the ledger import template (docs/IMPORT.md) and turns every data row into the command the
 * REST API would send for it ({@link LedgerRows}, cell by cell through {@link LedgerCells}). Checks only what the
 * template itself demands — the declared unit, the header, the kinds of rows, required cells, the form of dates,
 * amounts and codes, the decimals the unit allows — and reports every such error against its row and column. The ledger's own rules (known lines, available budget, dates within
 * the year, unique voucher numbers, …) are left to the ledger, which checks the whole file as one command.
 *
 * <p>Layout: before the header row, a row with {@code 金额单位} in column A and {@code 元} or {@code 万元} in column B
 * (a single cell {@code 金额单位：万元} also counts). The header row is the first row with a {@code 记录类型} cell;
 * every later row is a data row unless it is blank or its 记录类型 cell starts with {@code #} (a note or a
 * commented-out example). Rows before the header that declare nothing are titles or notes and are skipped.
 */
final class LedgerFileParser {

    private static final String UNIT_LABEL = "金额单位";
    private static final Pattern UNIT_IN_ONE_CELL = Pattern.compile("(金额)?单位[:：]\\s*(\\S*)");

    private final Sheet sheet;
    private final FiscalYearId yearId;
    private final LedgerCells cells = new LedgerCells();
    private int headerRow;

    private LedgerFileParser(Sheet sheet, FiscalYearId yearId) {
        this.sheet = sheet;
        this.yearId = yearId;
    }

    /** Reads {@code sheet} for the department-year {@code yearId} (预算科目 rows without a date open on its 1 January). */
    static ParsedLedgerFile parse(Sheet sheet, FiscalYearId yearId) {
        return new LedgerFileParser(sheet, yearId).parse();
    }

    private ParsedLedgerFile parse() {
        List<SheetRow> rows = sheet.rows();
        int header = findHeader(rows);
        if (header < 0) {
            cells.fileError("找不到表头行：表头须有“记录类型”列，请使用导入模板（GET /api/v1/import-templates/ledger.xlsx）");
            return result(List.of());
        }
        headerRow = rows.get(header).number();
        readUnit(rows.subList(0, header));
        readHeader(rows.get(header));
        LedgerRows reader = new LedgerRows(cells, yearId, headerRow);
        List<ParsedRow> parsed = new ArrayList<>();
        int dataRows = 0;
        for (SheetRow row : rows.subList(header + 1, rows.size())) {
            String type = cells.cell(row, RECORD_TYPE);
            if (row.isBlank() || type.startsWith("#") || type.startsWith("＃")) {
                continue;
            }
            dataRows++;
            ParsedRow result = reader.parse(row);
            if (result != null) {
                parsed.add(result);
            }
        }
        if (dataRows == 0) {
            cells.error(headerRow + 1, RECORD_TYPE, "文件没有数据行：表头行之后至少需要一行记录（以 # 开头的示例行不导入）");
        } else if (dataRows > ImportLedgerFile.MAX_ROWS) {
            cells.fileError("一个导入文件最多 " + ImportLedgerFile.MAX_ROWS + " 行记录，本文件 " + dataRows + " 行：请分成多个文件导入");
        }
        return result(parsed);
    }

    private ParsedLedgerFile result(List<ParsedRow> rows) {
        return new ParsedLedgerFile(cells.unit, cells.columns, rows, cells.sortedErrors(), cells.errorCount());
    }

    // ---- layout ----

    private static int findHeader(List<SheetRow> rows) {
        for (int i = 0; i < rows.size(); i++) {
            for (String cell : rows.get(i).cells()) {
                if (LedgerColumn.ofHeader(cell).filter(c -> c == RECORD_TYPE).isPresent()) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** The declared 金额单位: required, exactly one of 元 / 万元, declared once (or twice alike). */
    private void readUnit(List<SheetRow> beforeHeader) {
        String declared = null;
        int declaredRow = 0;
        int declaredColumn = 1;
        for (SheetRow row : beforeHeader) {
            for (int column = 0; column < row.cells().size(); column++) {
                String text = row.text(column);
                String value = null;
                boolean explicit = false;
                int valueColumn = column;
                Matcher oneCell = UNIT_IN_ONE_CELL.matcher(text);
                if (LedgerColumn.normalizeHeader(text).equals(UNIT_LABEL) || text.equals("单位")) {
                    explicit = !text.equals("单位");
                    value = row.text(column + 1);
                    valueColumn = column + 1;
                } else if (oneCell.matches()) {
                    explicit = oneCell.group(1) != null;
                    value = oneCell.group(2);
                }
                // a bare 单位 may name the organisation (单位：某某局); only 金额单位 must be a unit of money
                if (value == null || !explicit && AmountUnit.of(value).isEmpty()) {
                    continue;
                }
                if (value.isEmpty()) {
                    unitError(row.number(), valueColumn, "金额单位未填写：请填 元 或 万元");
                    return;
                }
                if (declared != null && !declared.equals(value)) {
                    unitError(row.number(), valueColumn, "金额单位声明了两次且不一致（第 " + declaredRow + " 行为“" + declared
                            + "”，此处为“" + value + "”）：只能声明一个单位");
                    return;
                }
                declared = value;
                declaredRow = row.number();
                declaredColumn = valueColumn;
            }
        }
        if (declared == null) {
            unitError(1, 1, "缺少金额单位：请在表头之前单独一行，A 列填“金额单位”，B 列填“元”或“万元”（例如 A1=金额单位，B1=万元）");
            return;
        }
        cells.unit = AmountUnit.of(declared).orElse(null);
        if (cells.unit == null) {
            unitError(declaredRow, declaredColumn, "金额单位只能是“元”或“万元”: " + declared);
        }
    }

    private void unitError(int row, int column, String rule) {
        cells.add(CellError.ofCell(row, UNIT_LABEL, column, "unit", rule));
    }

    private void readHeader(SheetRow header) {
        for (int column = 0; column < header.cells().size(); column++) {
            int at = column;
            LedgerColumn.ofHeader(header.text(column)).ifPresent(known -> {
                Integer earlier = cells.columns.putIfAbsent(known, at);
                if (earlier != null) {
                    cells.add(CellError.ofCell(header.number(), known.header(), at, known.field(),
                            "列名重复（与 " + SheetRow.columnLetter(earlier) + " 列相同）：每列只能出现一次"));
                }
            });
        }
    }
}
