package cn.perfledger.app.imports.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import cn.perfledger.app.imports.sheet.CellError;
import cn.perfledger.app.imports.sheet.SheetReader;
import cn.perfledger.domain.common.AmountUnit;
import cn.perfledger.domain.budget.BudgetCommand.ApproveInitialBudget;
import cn.perfledger.domain.budget.BudgetCommand.OpenBudgetLine;
import cn.perfledger.app.imports.ledger.ParsedLedgerFile.ParsedRow;
import cn.perfledger.domain.budget.BudgetCommand.RecordExpenditure;
import cn.perfledger.domain.budget.BudgetCommand.ReverseExpenditure;
import cn.perfledger.domain.common.VoucherNo;
import cn.perfledger.domain.budget.BudgetCommand.TransferBudget;
import cn.perfledger.domain.budget.BudgetEvent.LineShare;
import cn.perfledger.domain.budget.ExpenditureKind;
import cn.perfledger.domain.budget.FundingSource;
import cn.perfledger.domain.budget.ImportRefusedException.RowRefusal;
import cn.perfledger.domain.common.BudgetLineId;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.domain.common.Money;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The template's own rules, checked before anything reaches the ledger; every error located by row and column. */
class LedgerFileParserTest {

    private static final FiscalYearId YEAR = FiscalYearId.of("T-PARSE", 2021);
    private static final String HEADER = "记录类型,预算行编号,业务日期,金额,文号,调整原因,凭证号,收款人,摘要,调入预算行编号";

    private static ParsedLedgerFile parse(String csv) {
        return LedgerFileParser.parse(SheetReader.read("t.csv", csv.getBytes(StandardCharsets.UTF_8), 1000), YEAR);
    }

    private static ParsedLedgerFile parse(String unit, String... rows) {
        return parse("金额单位," + unit + "\n" + HEADER + "\n" + String.join("\n", rows) + "\n");
    }

    @Test
    void aMissingUnit_isReportedAtB1() {
        ParsedLedgerFile parsed = parse("某某局2021年账务\n" + HEADER + "\n支出凭证,L1,2021-03-01,1.00,,,记-1\n");
        assertThat(parsed.errors()).extracting(CellError::row, CellError::column, CellError::cell, CellError::field)
                .containsExactly(tuple(1, "金额单位", "B1", "unit"));
        assertThat(parsed.errors().get(0).rule()).contains("缺少金额单位", "元", "万元");
        assertThat(parsed.errorCount()).isEqualTo(1);
    }

    @Test
    void theUnit_maySitInOneCell_butAnOrganisationsUnitIsNotIt() {
        assertThat(parse("单位：广州市某局,金额单位：万元\n" + HEADER + "\n支出凭证,L1,2021-03-01,1,,,记-1\n").unit())
                .isEqualTo(AmountUnit.WAN_YUAN);
        ParsedLedgerFile organisation = parse("单位：广州市某局\n" + HEADER + "\n支出凭证,L1,2021-03-01,1,,,记-1\n");
        assertThat(organisation.errors()).extracting(CellError::cell).containsExactly("B1");
    }

    @Test
    void anUnknownOrTwiceDeclaredUnit_isRefusedAtItsCell() {
        assertThat(parse("千元", "支出凭证,L1,2021-03-01,1,,,记-1").errors())
                .extracting(CellError::cell, CellError::rule).containsExactly(tuple("B1", "金额单位只能是“元”或“万元”: 千元"));
        ParsedLedgerFile twice = parse("金额单位,万元\n金额单位：元\n" + HEADER + "\n支出凭证,L1,2021-03-01,1,,,记-1\n");
        assertThat(twice.errors()).extracting(CellError::cell).containsExactly("A2");
        assertThat(twice.errors().get(0).rule()).contains("不一致");
    }

    @Test
    void wanYuan_isConvertedExactly_toSixDecimalsAndNoMore() {
        ParsedLedgerFile parsed = parse("万元", "年初预算,L1,2021-01-15,\"15,094.71\",财预〔2021〕1号",
                "支出凭证,L1,2021-03-01,0.000001,,,记-1", "支出凭证,L1,2021-03-02,1.0000001,,,记-2");
        assertThat(parsed.errors()).extracting(CellError::row, CellError::cell, CellError::field)
                .containsExactly(tuple(5, "D5", "amount"));
        assertThat(parsed.errors().get(0).rule()).contains("万元", "最多 6 位小数");
        parsed = parse("万元", "年初预算,L1,2021-01-15,\"15,094.71\",财预〔2021〕1号", "支出凭证,L1,2021-03-01,0.000001,,,记-1");
        assertThat(((ApproveInitialBudget) parsed.rows().get(0).command()).amount()).isEqualTo(Money.of("150947100.00"));
        assertThat(((RecordExpenditure) parsed.rows().get(1).command()).entry().amount()).isEqualTo(Money.of("0.01"));
    }

    @Test
    void yuan_allowsTwoDecimals() {
        ParsedLedgerFile parsed = parse("元", "支出凭证,L1,2021-03-01,12.345,,,记-1", "支出凭证,L1,2021-03-01,12.340,,,记-2");
        assertThat(parsed.errors()).extracting(CellError::cell).containsExactly("D3");
        assertThat(parsed.errors().get(0).rule()).contains("元", "最多 2 位小数");
    }

    @Test
    void everyTemplateError_ofEveryRow_isListed_withRowColumnAndRule() {
        ParsedLedgerFile parsed = parse("元",
                "支出凭证,L1,2021-02-30,1.00,,,记-1",          // row 3: no such day
                "付款,L1,2021-03-01,1.00,,,记-2",               // row 4: unknown kind
                "支出凭证,L1,2021-03-01,,,,记-3",               // row 5: amount missing
                "追加,L1,2021-03-01,-5,文1,原因",               // row 6: negative amount
                "追加,L 1,2021/3/1,5,文1,=HYPERLINK(\"x\")",     // row 7: bad line id, formula-like reason
                "支出凭证,L1,#N/A,1,,,记-4",                    // row 8: Excel error value
                "# 支出凭证,L1,不是日期,1,,,记-5",               // row 9: a note, not read
                "",                                            // row 10: blank
                "支出凭证,L1,2021年3月5日,1,,,记-6,,,",          // row 11: fine
                "预算科目,L9");                                  // row 12: spec columns missing from the header
        assertThat(parsed.errors()).extracting(CellError::row, CellError::column, CellError::cell)
                .containsExactly(tuple(2, "单位编码", null), tuple(2, "资金来源", null), tuple(2, "支出类型", null),
                        tuple(2, "功能分类科目", null), tuple(2, "经济分类科目", null),
                        tuple(3, "业务日期", "C3"), tuple(4, "记录类型", "A4"), tuple(5, "金额", "D5"),
                        tuple(6, "金额", "D6"), tuple(7, "预算行编号", "B7"), tuple(7, "调整原因", "F7"),
                        tuple(8, "业务日期", "C8"));
        assertThat(parsed.errors()).extracting(CellError::rule).containsExactly(
                "表头缺少“单位编码”列：预算科目记录需要此列", "表头缺少“资金来源”列：预算科目记录需要此列",
                "表头缺少“支出类型”列：预算科目记录需要此列", "表头缺少“功能分类科目”列：预算科目记录需要此列",
                "表头缺少“经济分类科目”列：预算科目记录需要此列",
                "日期不存在: 2021-02-30", "记录类型无效: 付款（可选: 预算科目、年初预算、追加、追减、调剂、支出凭证、冲销）",
                "支出凭证记录必须填写金额", "金额必须大于 0（调减、调出由记录类型表示，不填负数）: -5",
                "编码只能包含字母、数字、'.'、'-'、'_'、'@'，且以字母或数字开头: L 1",
                "文本不能以 = + - @（含全角 ＝ ＋ － ＠）开头，前面加空格或不可见字符也不行，也不能以制表符或回车开头"
                        + "（电子表格会将其当作公式执行）；带符号的数字如 -3.5% 除外",
                "单元格是 Excel 错误值 #N/A（公式出错）：请修正后再导入");
        assertThat(parsed.rows()).extracting(ParsedLedgerFile.ParsedRow::rowNumber).containsExactly(11);
        assertThat(((RecordExpenditure) parsed.rows().get(0).command()).entry().effectiveDate())
                .isEqualTo(LocalDate.of(2021, 3, 5));
    }

    @Test
    void budgetLines_takeChineseNames_andTheSpecsOwnRulesAreLocated() {
        ParsedLedgerFile parsed = parse("金额单位,元\n"
                + "*记录类型,单位编码,预算行编号,资金来源,支出类型,项目编码,项目名称,功能分类科目,经济分类科目（款）\n"
                + "预算科目,BJ,L1,一般公共预算,公用经费,,,2010101,30201\n"
                + "预算行,XS,L2,政府性基金,项目支出,P-1,信息化,2010150,31002\n"
                + "预算科目,BJ,L3,一般公共预算,人员经费,,,2010101,30201\n"
                + "预算科目,BJ,L4,专项资金,基本支出-公用经费,P-9,,201,30201\n");
        assertThat(parsed.errors()).extracting(CellError::cell, CellError::column).containsExactly(
                tuple("I5", "经济分类科目"), tuple("D6", "资金来源"));
        assertThat(parsed.errors().get(0).rule()).contains("人员经费的经济分类");
        OpenBudgetLine second = (OpenBudgetLine) parsed.rows().get(1).command();
        assertThat(second.spec().fundingSource()).isEqualTo(FundingSource.GOVERNMENT_FUND);
        assertThat(second.spec().kind()).isEqualTo(ExpenditureKind.PROJECT);
        assertThat(second.effectiveDate()).isEqualTo(LocalDate.of(2021, 1, 1));
    }

    @Test
    void aTransfer_movesTheAmountFromTheLineToTheTargetLine() {
        ParsedLedgerFile parsed = parse("元", "调剂,L1,2021-05-01,20,调-1,调剂,,,,L2");
        TransferBudget transfer = (TransferBudget) parsed.rows().get(0).command();
        assertThat(transfer.shares()).containsExactly(new LineShare(new BudgetLineId("L1"), Money.of("-20")),
                new LineShare(new BudgetLineId("L2"), Money.of("20")));
    }

    @Test
    void theLedgersRefusals_areLocatedByTheFieldTheyName() {
        ParsedLedgerFile parsed = parse("元", "支出凭证,L1,2021-03-01,1,,,记-1", "调剂,L1,2021-05-01,20,调-1,调剂,,,,L2");
        assertThat(parsed.locate(new RowRefusal(0, "amount", "超出", false)))
                .isEqualTo(new CellError(3, "金额", "D", "D3", "amount", "超出"));
        assertThat(parsed.locate(new RowRefusal(1, "shares[1].lineId", "不存在", false)).cell()).isEqualTo("J4");
        assertThat(parsed.locate(new RowRefusal(1, "shares[0].lineId", "不存在", false)).cell()).isEqualTo("B4");
        assertThat(parsed.locate(new RowRefusal(1, "shares[0].amount", "低于已支出", false)).cell()).isEqualTo("D4");
        assertThat(parsed.locate(new RowRefusal(0, "fiscalYearId", "另一年度", false)).cell()).isEqualTo("A3");
        assertThat(LedgerCodes.columnFor(RecordType.BUDGET_LINE, "spec")).isEqualTo(LedgerColumn.UNIT);
        assertThat(LedgerCodes.columnFor(RecordType.VOUCHER, "voucherNo")).isEqualTo(LedgerColumn.VOUCHER_NO);
    }

    @Test
    void aFileWithoutHeader_orWithoutRows_isRefused() {
        assertThat(parse("金额单位,元\n凭证号,金额\n").errors()).extracting(CellError::field, CellError::row)
                .containsExactly(tuple("file", null));
        assertThat(parse("金额单位,元\n" + HEADER + "\n# 示例\n").errors()).extracting(CellError::cell).containsExactly("A3");
        assertThat(parse("金额单位,元\n" + HEADER + ",金额\n支出凭证,L1,2021-03-01,1,,,记-1\n").errors())
                .extracting(CellError::cell, CellError::rule).containsExactly(tuple("K2", "列名重复（与 D 列相同）：每列只能出现一次"));
    }

    @Test
    void missingColumnErrors_areListedOnce_butEveryRowIsHeldBack() {
        ParsedLedgerFile parsed = parse("金额单位,元\n记录类型,预算行编号,业务日期,金额\n"
                + "支出凭证,L1,2021-03-01,1\n支出凭证,L1,2021-03-01,2\n");
        assertThat(parsed.errors()).extracting(CellError::column).containsExactly("凭证号");
        assertThat(parsed.errorCount()).isEqualTo(2);
        assertThat(parsed.rows()).isEmpty();
        assertThat(List.of(parsed.errors().get(0).columnLetter() == null)).containsExactly(true);
    }

    // ---- reversals (冲销, 红字) and corrections ----

    private static final String REVERSAL_HEADER = "记录类型,预算行编号,业务日期,金额,凭证号,原凭证号,摘要";

    private static ParsedLedgerFile parseReversals(String... rows) {
        return parse("金额单位,万元\n" + REVERSAL_HEADER + "\n" + String.join("\n", rows) + "\n");
    }

    @Test
    void aReversalRow_andARedVoucherRow_becomeTheReversalOfTheOriginal_andAVoucherWithAnOriginal_itsCorrection() {
        ParsedLedgerFile parsed = parseReversals("冲销,,2021-04-01,0.5,红-1,记-1,重复报销",
                "支出凭证,L1,2021-04-02,-0.25,红-2,记-2,金额录错",
                "支出凭证,L1,2021-04-03,0.75,记-3,记-2,更正金额");
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.rows()).extracting(ParsedRow::type)
                .containsExactly(RecordType.REVERSAL, RecordType.REVERSAL, RecordType.VOUCHER);
        assertThat(parsed.commands().get(0)).isEqualTo(new ReverseExpenditure(YEAR, new VoucherNo("红-1"),
                new VoucherNo("记-1"), Money.of("5000.00"), "重复报销", LocalDate.of(2021, 4, 1), null));
        assertThat(parsed.commands().get(1)).isEqualTo(new ReverseExpenditure(YEAR, new VoucherNo("红-2"),
                new VoucherNo("记-2"), Money.of("2500.00"), "金额录错", LocalDate.of(2021, 4, 2), null));
        RecordExpenditure correction = (RecordExpenditure) parsed.commands().get(2);
        assertThat(correction.correctionOf()).isEqualTo(new VoucherNo("记-2"));
        assertThat(correction.entry().amount()).isEqualTo(Money.of("7500.00"));
    }

    @Test
    void aReversalWithoutItsOriginalOrReason_orARedAdjustment_isRefusedAtTheCell() {
        ParsedLedgerFile parsed = parseReversals("冲销,,2021-04-01,1,红-1,,重复报销",
                "支出凭证,L1,2021-04-02,-1,红-2,,", "追加,L1,2021-04-02,-1,,,");
        assertThat(parsed.rows()).isEmpty();
        assertThat(parsed.errors()).extracting(CellError::cell, CellError::rule).contains(
                tuple("F3", "冲销记录必须填写原凭证号"),
                tuple("F4", "红字支出凭证（冲销）记录必须填写原凭证号"),
                tuple("G4", "冲销记录必须填写冲销原因（摘要或调整原因）"),
                tuple("D5", "金额必须大于 0（调减、调出由记录类型表示，不填负数）: -1"));
    }

    @Test
    void aReversalsReason_isItsSummaryOrItsReason_butNotTwoDifferentOnes() {
        String header = "记录类型,业务日期,金额,凭证号,原凭证号,调整原因,摘要";
        ParsedLedgerFile parsed = parse("金额单位,元\n" + header + "\n冲销,2021-04-01,1,红-1,记-1,退款,\n"
                + "冲销,2021-04-01,1,红-2,记-1,,退款\n冲销,2021-04-01,1,红-3,记-1,退款,退款\n"
                + "冲销,2021-04-01,1,红-4,记-1,退款,重复\n");
        assertThat(parsed.rows()).extracting(r -> ((ReverseExpenditure) r.command()).reason())
                .containsExactly("退款", "退款", "退款");
        assertThat(parsed.errors()).extracting(CellError::cell, CellError::rule)
                .containsExactly(tuple("G6", "冲销只记一个原因：调整原因与摘要都已填写且不同，请只填其中一个"));
    }

    @Test
    void aReversalsRefusals_areLocatedAtItsColumns() {
        ParsedLedgerFile parsed = parseReversals("冲销,,2021-04-01,1,红-1,记-1,重复报销",
                "支出凭证,L1,2021-04-03,1,记-3,记-2,更正");
        assertThat(parsed.locate(new RowRefusal(0, "originalVoucherNo", "不存在", false)).cell()).isEqualTo("F3");
        assertThat(parsed.locate(new RowRefusal(0, "amount", "超过", false)).cell()).isEqualTo("D3");
        assertThat(parsed.locate(new RowRefusal(1, "correctionOf", "尚未冲销", false)).cell()).isEqualTo("F4");
    }
}
