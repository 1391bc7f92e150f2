package cn.perfledger.app.imports.ledger;

import static cn.perfledger.app.imports.ledger.LedgerColumn.ADJUSTMENT_ID;
import static cn.perfledger.app.imports.ledger.LedgerColumn.AMOUNT;
import static cn.perfledger.app.imports.ledger.LedgerColumn.DOCUMENT_NO;
import static cn.perfledger.app.imports.ledger.LedgerColumn.ECONOMIC_CODE;
import static cn.perfledger.app.imports.ledger.LedgerColumn.EFFECTIVE_DATE;
import static cn.perfledger.app.imports.ledger.LedgerColumn.FUNCTIONAL_CODE;
import static cn.perfledger.app.imports.ledger.LedgerColumn.FUNDING_SOURCE;
import static cn.perfledger.app.imports.ledger.LedgerColumn.KIND;
import static cn.perfledger.app.imports.ledger.LedgerColumn.LINE_ID;
import static cn.perfledger.app.imports.ledger.LedgerColumn.PAYEE;
import static cn.perfledger.app.imports.ledger.LedgerColumn.PROJECT_CODE;
import static cn.perfledger.app.imports.ledger.LedgerColumn.PROJECT_NAME;
import static cn.perfledger.app.imports.ledger.LedgerColumn.REASON;
import static cn.perfledger.app.imports.ledger.LedgerColumn.RECORD_TYPE;
import static cn.perfledger.app.imports.ledger.LedgerColumn.SUMMARY;
import static cn.perfledger.app.imports.ledger.LedgerColumn.TARGET_LINE_ID;
import static cn.perfledger.app.imports.ledger.LedgerColumn.UNIT;
import static cn.perfledger.app.imports.ledger.LedgerColumn.VOUCHER_NO;

import cn.perfledger.app.api.RequestTextGuard;
import cn.perfledger.app.imports.ledger.ParsedLedgerFile.ParsedRow;
import cn.perfledger.app.imports.sheet.CellError;
import cn.perfledger.app.imports.sheet.Sheet;
import cn.perfledger.app.imports.sheet.SheetRow;
import cn.perfledger.domain.common.AmountUnit;
import cn.perfledger.domain.budget.BudgetCommand;
import cn.perfledger.domain.budget.BudgetCommand.ApproveInitialBudget;
import cn.perfledger.domain.budget.BudgetCommand.DecreaseBudget;
import cn.perfledger.domain.budget.BudgetCommand.ExpenditureEntry;
import cn.perfledger.domain.budget.BudgetCommand.ImportLedgerFile;
import cn.perfledger.domain.budget.BudgetCommand.IncreaseBudget;
import cn.perfledger.domain.budget.BudgetCommand.OpenBudgetLine;
import cn.perfledger.domain.budget.BudgetCommand.RecordExpenditure;
import cn.perfledger.domain.budget.BudgetCommand.TransferBudget;
import cn.perfledger.domain.budget.BudgetEvent.LineShare;
import cn.perfledger.domain.budget.BudgetLineSpec;
import cn.perfledger.domain.budget.EconomicCode;
import cn.perfledger.domain.budget.ExpenditureKind;
import cn.perfledger.domain.budget.FunctionalCode;
import cn.perfledger.domain.budget.FundingSource;
import cn.perfledger.domain.common.BudgetLineId;
import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.domain.common.Money;
import cn.perfledger.domain.common.UnitCode;
import cn.perfledger.domain.common.VoucherNo;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@link Sheet} as the ledger import template (docs/IMPORT.md) and turns every data row into the command the
 * REST API would send for it. Checks only what the template itself demands — the declared unit, the header, the
 * kinds of rows, required cells, the form of dates, amounts and codes, the decimals the unit allows — and reports
 * every such error against its row and column. The ledger's own rules (known lines, available budget, dates within
 * the year, unique voucher numbers, …) are left to the ledger, which checks the whole file as one command.
 *
 * <p>Layout: before the header row, a row with {@code 金额单位} in column A and {@code 元} or {@code 万元} in column B
 * (a single cell {@code 金额单位：万元} also counts). The header row is the first row with a {@code 记录类型} cell;
 * every later row is a data row unless it is blank or its 记录类型 cell starts with {@code #} (a note or a
 * commented-out example). Rows before the header that declare nothing are titles or notes and are skipped.
 */
final class LedgerFileParser {

    /** More errors than this are counted but not listed: a wrong template fails on every row alike. */
    static final int MAX_LISTED = 1000;
    private static final String UNIT_LABEL = "金额单位";
    private static final Pattern UNIT_IN_ONE_CELL = Pattern.compile("(金额)?单位[:：]\\s*(\\S*)");
    private static final Pattern THOUSANDS = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final Pattern DASHED_DATE = Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})");
    private static final Pattern CHINESE_DATE = Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})日");
    private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    /** The error values Excel shows in a cell whose formula failed (and writes into a CSV as text). */
    private static final Set<String> EXCEL_ERRORS = Set.of("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!",
            "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!");

    private final Sheet sheet;
    private final FiscalYearId yearId;
    private final Map<LedgerColumn, Integer> columns = new EnumMap<>(LedgerColumn.class);
    private final List<CellError> errors = new ArrayList<>();
    private final Set<LedgerColumn> reportedMissingColumns = EnumSet.noneOf(LedgerColumn.class);
    private int errorCount;
    private int headerRow;
    private AmountUnit unit;

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
            fileError("找不到表头行：表头须有“记录类型”列，请使用导入模板（GET /api/v1/import-templates/ledger.xlsx）");
            return result(List.of());
        }
        headerRow = rows.get(header).number();
        readUnit(rows.subList(0, header));
        readHeader(rows.get(header));
        List<ParsedRow> parsed = new ArrayList<>();
        int dataRows = 0;
        for (SheetRow row : rows.subList(header + 1, rows.size())) {
            if (row.isBlank() || cell(row, RECORD_TYPE).startsWith("#") || cell(row, RECORD_TYPE).startsWith("＃")) {
                continue;
            }
            dataRows++;
            ParsedRow result = parseRow(row);
            if (result != null) {
                parsed.add(result);
            }
        }
        if (dataRows == 0) {
            error(headerRow + 1, RECORD_TYPE, "文件没有数据行：表头行之后至少需要一行记录（以 # 开头的示例行不导入）");
        } else if (dataRows > ImportLedgerFile.MAX_ROWS) {
            fileError("一个导入文件最多 " + ImportLedgerFile.MAX_ROWS + " 行记录，本文件 " + dataRows + " 行：请分成多个文件导入");
        }
        return result(parsed);
    }

    private ParsedLedgerFile result(List<ParsedRow> rows) {
        // file-wide errors first, then by row (a missing column is found while reading rows but belongs to the header)
        errors.sort(Comparator.comparing(CellError::row, Comparator.nullsFirst(Comparator.naturalOrder())));
        return new ParsedLedgerFile(unit, columns, rows, errors, errorCount);
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
        unit = AmountUnit.of(declared).orElse(null);
        if (unit == null) {
            unitError(declaredRow, declaredColumn, "金额单位只能是“元”或“万元”: " + declared);
        }
    }

    private void unitError(int row, int column, String rule) {
        add(CellError.ofCell(row, UNIT_LABEL, column, "unit", rule));
    }

    private void readHeader(SheetRow header) {
        for (int column = 0; column < header.cells().size(); column++) {
            int at = column;
            LedgerColumn.ofHeader(header.text(column)).ifPresent(known -> {
                Integer earlier = columns.putIfAbsent(known, at);
                if (earlier != null) {
                    add(CellError.ofCell(header.number(), known.header(), at, known.field(),
                            "列名重复（与 " + SheetRow.columnLetter(earlier) + " 列相同）：每列只能出现一次"));
                }
            });
        }
    }

    // ---- rows ----

    /** The row's command, or null when a cell of it is wrong (the errors are recorded). */
    private ParsedRow parseRow(SheetRow row) {
        String typeText = cell(row, RECORD_TYPE);
        if (typeText.isEmpty()) {
            error(row, RECORD_TYPE, "缺少记录类型（可选: " + RecordType.labels() + "）");
            return null;
        }
        RecordType type = RecordType.of(typeText).orElse(null);
        if (type == null) {
            error(row, RECORD_TYPE, "记录类型无效: " + typeText + "（可选: " + RecordType.labels() + "）");
            return null;
        }
        int errorsBefore = errorCount;
        for (LedgerColumn required : type.required()) {
            requirePresent(row, type, required);
        }
        BudgetCommand command = switch (type) {
            case BUDGET_LINE -> budgetLine(row);
            case INITIAL_BUDGET -> new ApproveInitialBudget(yearId, lineId(row, LINE_ID), amount(row),
                    text(row, DOCUMENT_NO), date(row));
            case INCREASE -> new IncreaseBudget(yearId, lineId(row, LINE_ID), amount(row), text(row, DOCUMENT_NO),
                    text(row, REASON), date(row), null, text(row, ADJUSTMENT_ID));
            case DECREASE -> new DecreaseBudget(yearId, lineId(row, LINE_ID), amount(row), text(row, DOCUMENT_NO),
                    text(row, REASON), date(row), null, text(row, ADJUSTMENT_ID));
            case TRANSFER -> transfer(row);
            case VOUCHER -> new RecordExpenditure(yearId, new ExpenditureEntry(value(row, VOUCHER_NO, VoucherNo::new),
                    lineId(row, LINE_ID), amount(row), date(row), text(row, PAYEE), text(row, SUMMARY)), null, null);
        };
        return errorCount == errorsBefore ? new ParsedRow(row.number(), type, command) : null;
    }

    private BudgetCommand budgetLine(SheetRow row) {
        BudgetLineId lineId = lineId(row, LINE_ID);
        UnitCode unitCode = value(row, UNIT, UnitCode::new);
        FundingSource source = choice(row, FUNDING_SOURCE, LedgerFileParser::fundingSource,
                "资金来源无效（可选: 一般公共预算、政府性基金预算、国有资本经营预算、财政专户、其他）");
        ExpenditureKind kind = choice(row, KIND, LedgerFileParser::expenditureKind, "支出类型无效（可选: 人员经费、公用经费、项目支出）");
        String projectCode = text(row, PROJECT_CODE);
        String projectName = text(row, PROJECT_NAME);
        FunctionalCode functional = value(row, FUNCTIONAL_CODE, FunctionalCode::new);
        EconomicCode economic = value(row, ECONOMIC_CODE, EconomicCode::new);
        LocalDate date = cell(row, EFFECTIVE_DATE).isEmpty() ? yearId.year().firstDay() : date(row);
        if (unitCode == null || source == null || kind == null || functional == null || economic == null) {
            return null;
        }
        try {
            BudgetLineSpec spec = new BudgetLineSpec(unitCode, source, kind, projectCode, projectName, functional,
                    economic);
            return new OpenBudgetLine(yearId, lineId, spec, date);
        } catch (DomainException e) {
            // the spec's own rules (project fields only for 项目支出, personnel codes for 人员经费, …)
            error(row, columnFor(RecordType.BUDGET_LINE, e.field()), e.rule());
            return null;
        }
    }

    /** 调剂 moves the amount from the 预算行编号 line to the 调入预算行编号 line: two shares summing to zero. */
    private BudgetCommand transfer(SheetRow row) {
        BudgetLineId from = lineId(row, LINE_ID);
        BudgetLineId to = lineId(row, TARGET_LINE_ID);
        Money amount = amount(row);
        String documentNo = text(row, DOCUMENT_NO);
        String reason = text(row, REASON);
        LocalDate date = date(row);
        String adjustmentId = text(row, ADJUSTMENT_ID);
        if (amount == null) {
            return null;
        }
        return new TransferBudget(yearId, List.of(new LineShare(from, amount.negate()), new LineShare(to, amount)),
                documentNo, reason, date, null, adjustmentId);
    }

    private void requirePresent(SheetRow row, RecordType type, LedgerColumn column) {
        if (!columns.containsKey(column)) {
            if (reportedMissingColumns.add(column)) {
                add(CellError.ofCell(headerRow, column.header(), -1, column.field(),
                        "表头缺少“" + column.header() + "”列：" + type.label() + "记录需要此列"));
            } else {
                errorCount++; // counted so that the row is not imported; reported once at the header
            }
            return;
        }
        if (cell(row, column).isEmpty()) {
            error(row, column, type.label() + "记录必须填写" + column.header());
        }
    }

    // ---- cells ----

    private String cell(SheetRow row, LedgerColumn column) {
        Integer index = columns.get(column);
        return index == null ? "" : row.text(index);
    }

    /** A cell converted by a domain value type's constructor (which states the rule it breaks); null when empty. */
    private <T> T value(SheetRow row, LedgerColumn column, Function<String, T> constructor) {
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

    private BudgetLineId lineId(SheetRow row, LedgerColumn column) {
        return value(row, column, BudgetLineId::new);
    }

    private <T> T choice(SheetRow row, LedgerColumn column, Function<String, T> lookup, String rule) {
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
    private String text(SheetRow row, LedgerColumn column) {
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
     * An amount in the declared unit, converted to yuan exactly. Positive: direction is the row's kind (追减, the
     * outgoing line of 调剂), never a sign. Thousands separators as Excel writes them into a CSV are accepted.
     */
    private Money amount(SheetRow row) {
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
        if (value.signum() <= 0) {
            error(row, AMOUNT, "金额必须大于 0（调减、调出由记录类型表示，不填负数）: " + text);
            return null;
        }
        if (unit == null) {
            return null; // the missing or unknown unit is reported once, at its cell
        }
        if (!unit.fits(value)) {
            error(row, AMOUNT, "金额单位为" + unit.label() + "时最多 " + unit.maxDecimals() + " 位小数（即精确到分）: " + text);
            return null;
        }
        try {
            return unit.toMoney(value);
        } catch (DomainException e) {
            error(row, AMOUNT, e.rule());
            return null;
        }
    }

    private LocalDate date(SheetRow row) {
        String text = usable(row, EFFECTIVE_DATE);
        if (text == null) {
            return null;
        }
        if (text.matches("\\d{4}-\\d{2}-\\d{2}T.*")) {
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

    static FundingSource fundingSource(String text) {
        for (FundingSource source : FundingSource.values()) {
            if (text.equals(source.chineseName()) || text.equalsIgnoreCase(source.name())) {
                return source;
            }
        }
        return switch (text) {
            case "政府性基金" -> FundingSource.GOVERNMENT_FUND;
            case "国有资本经营" -> FundingSource.STATE_CAPITAL;
            default -> null;
        };
    }

    static ExpenditureKind expenditureKind(String text) {
        for (ExpenditureKind kind : ExpenditureKind.values()) {
            if (text.equals(kind.chineseName()) || text.equalsIgnoreCase(kind.name())) {
                return kind;
            }
        }
        return switch (text.replace("基本支出", "").replaceAll("[-—－（）()\\s]", "")) {
            case "人员经费" -> ExpenditureKind.BASIC_PERSONNEL;
            case "公用经费" -> ExpenditureKind.BASIC_OPERATING;
            case "项目支出", "项目" -> ExpenditureKind.PROJECT;
            default -> null;
        };
    }

    /**
     * The column holding the value a ledger rule names, by the field of the row's command: {@code amount} → 金额,
     * {@code shares[1].lineId} of a 调剂 → 调入预算行编号, {@code spec} (a twin of another line) → 单位编码.
     * Fields without a column of their own (the year, a post-close reason) are reported at 记录类型.
     */
    static LedgerColumn columnFor(RecordType type, String field) {
        String name = field == null ? "" : field;
        if (type == RecordType.TRANSFER && name.startsWith("shares")) {
            if (name.endsWith(".lineId")) {
                return name.startsWith("shares[1]") ? TARGET_LINE_ID : LINE_ID;
            }
            return AMOUNT;
        }
        return switch (name) {
            case "lineId", "budgetLineId" -> LINE_ID;
            case "amount" -> AMOUNT;
            case "documentNo" -> DOCUMENT_NO;
            case "adjustmentId" -> ADJUSTMENT_ID;
            case "reason" -> REASON;
            case "effectiveDate" -> EFFECTIVE_DATE;
            case "voucherNo", "correctionOf" -> VOUCHER_NO;
            case "payee" -> PAYEE;
            case "summary" -> SUMMARY;
            case "spec", "unit", "unitCode" -> UNIT;
            case "fundingSource" -> FUNDING_SOURCE;
            case "kind" -> KIND;
            case "projectCode" -> PROJECT_CODE;
            case "projectName" -> PROJECT_NAME;
            case "functionalCode" -> FUNCTIONAL_CODE;
            case "economicCode" -> ECONOMIC_CODE;
            default -> RECORD_TYPE;
        };
    }

    // ---- errors ----

    private void error(SheetRow row, LedgerColumn column, String rule) {
        error(row.number(), column, rule);
    }

    private void error(int row, LedgerColumn column, String rule) {
        add(CellError.ofCell(row, column.header(), columns.getOrDefault(column, -1), column.field(), rule));
    }

    private void fileError(String rule) {
        add(CellError.ofFile(rule));
    }

    private void add(CellError error) {
        errorCount++;
        if (errors.size() < MAX_LISTED) {
            errors.add(error);
        }
    }
}
