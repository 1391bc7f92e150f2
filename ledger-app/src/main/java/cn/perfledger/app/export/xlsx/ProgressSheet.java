package cn.perfledger.app.export.xlsx;

import cn.perfledger.app.query.BasisResult;
import cn.perfledger.domain.common.Money;
import cn.perfledger.projections.ledger.Adjustment;
import cn.perfledger.projections.ledger.ExecutionReport;
import cn.perfledger.projections.ledger.ExecutionReport.MonthPoint;
import cn.perfledger.projections.ledger.ExecutionReport.NoticePoint;
import cn.perfledger.projections.ledger.ExecutionReport.Row;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * 「预算调整与执行进度」: what an auditor reconciles the execution sheet with — every budget adjustment with its
 * 文号, kind, date, line, signed amount and reason (their sum is 调整合计), the monthly cumulative execution against
 * 序时进度, and the finance bureau's execution notices next to the ledger's own rates with the 年度平均执行率 on both
 * sides. All figures are the execution report's.
 */
final class ProgressSheet {

    static final String NAME = "预算调整与执行进度";
    static final List<String> ADJUSTMENT_COLUMNS = List.of("文号", "类型", "业务日期", "预算行编号", "预算行",
            "金额（元，调减为负）", "原因", "结账后调整说明");
    private static final int LAST = ADJUSTMENT_COLUMNS.size() - 1;

    private final SheetWriter w;
    private final Styles s;

    private ProgressSheet(SheetWriter writer) {
        this.w = writer;
        this.s = writer.styles;
    }

    static void write(XSSFWorkbook book, Styles styles, WorkbookContent content) {
        SheetWriter writer = new SheetWriter(book.createSheet(NAME), styles, ADJUSTMENT_COLUMNS.size());
        new ProgressSheet(writer).write(content);
    }

    private void write(WorkbookContent content) {
        BasisResult<ExecutionReport> result = content.execution();
        ExecutionReport report = result.result();
        TitleBlock block = TitleBlock.of(content).add("SHA-256 摘要", result.digest() + "（预算执行）")
                .add("金额单位", "元");
        int row = block.write(w, NAME, LAST, content.year());
        row = caption(row, "一、预算调整明细");
        int header = row;
        row = header(row, ADJUSTMENT_COLUMNS);
        w.pageSetup(header, header, 0);
        Map<String, String> labels = new HashMap<>();
        report.lines().forEach(line -> labels.put(line.key(), line.label()));
        List<Adjustment> adjustments = ExecutionSheet.adjustments(report);
        Money sum = Money.ZERO;
        for (Adjustment a : adjustments) {
            w.text(row, 0, ExecutionSheet.documentNo(a), s.text);
            w.text(row, 1, a.kind().chineseName(), s.textCenter);
            w.date(row, 2, a.effectiveDate(), s.date);
            w.text(row, 3, a.lineId().value(), s.text);
            w.text(row, 4, labels.get(a.lineId().value()), s.text);
            w.money(row, 5, a.amount(), s.money);
            w.text(row, 6, a.reason(), s.text);
            w.text(row, 7, a.postCloseReason(), s.text);
            sum = sum.plus(a.amount());
            row++;
        }
        if (adjustments.isEmpty()) {
            w.wideText(row, 0, "此基准下没有预算调整", s.text);
            w.merge(row, row, 0, LAST, s.text);
            row++;
        }
        Row total = report.total();
        w.text(row, 0, "合计（= 预算执行情况 调整合计）", s.textBold);
        w.merge(row, row, 0, 4, s.textBold);
        w.money(row, 5, total.adjustments(), s.moneyBold);
        w.text(row, 6, sum.equals(total.adjustments()) ? "与各项调整之和一致" : "各项调整之和为 " + sum.yuan().toPlainString()
                + "，与调整合计不一致", s.text);
        w.text(row, 7, null, s.text);
        row += 2;

        row = caption(row, "二、月度累计执行（序时进度 = 月份 ÷ 12）");
        row = header(row, List.of("月份", "本月支出", "累计支出", "累计执行率（累计支出 ÷ 全年预算）", "序时进度"));
        for (MonthPoint month : report.monthly()) {
            w.text(row, 0, month.month() + "月", s.textCenter);
            w.money(row, 1, month.executedInMonth(), s.money);
            w.money(row, 2, month.executedToDate(), s.money);
            w.rate(row, 3, month.executionRateToDate(), s.rate);
            w.rate(row, 4, month.requiredProgress(), s.rate);
            row++;
        }
        row++;

        row = caption(row, "三、财政通报与年度平均执行率（一般公共预算）");
        row = header(row, List.of("通报文号", "通报日期", "序时进度要求", "通报执行进度", "账本执行率（通报日）",
                "账本进度率（执行率 ÷ 序时进度）"));
        for (NoticePoint notice : report.notices()) {
            w.text(row, 0, notice.documentNo(), s.text);
            w.date(row, 1, notice.date(), s.date);
            w.rate(row, 2, notice.requiredProgress(), s.rate);
            w.rate(row, 3, notice.publishedRate(), s.rate);
            w.rate(row, 4, notice.ledgerExecutionRate(), s.rate);
            w.rate(row, 5, notice.ledgerProgressRate(), s.rate);
            row++;
        }
        if (report.notices().isEmpty()) {
            w.wideText(row, 0, "此基准下没有财政通报", s.text);
            w.merge(row, row, 0, 5, s.text);
            row++;
        }
        rateLine(row++, "年度平均执行率（按通报）", report.annualAverageExecutionRatePublished());
        rateLine(row, "年度平均执行率（按账本）", report.annualAverageExecutionRateLedger());

        w.fitColumns(8, 44);
        w.fitRowHeights(header);
    }

    private void rateLine(int row, String label, BigDecimal rate) {
        w.text(row, 0, label, s.textBold);
        w.merge(row, row, 0, 2, s.textBold);
        w.rate(row, 3, rate, s.rateBold);
    }

    private int caption(int row, String caption) {
        w.wideText(row, 0, caption, s.caption);
        w.merge(row, row, 0, LAST, s.caption);
        return row + 1;
    }

    private int header(int row, List<String> columns) {
        for (int c = 0; c < columns.size(); c++) {
            w.wideText(row, c, columns.get(c), s.header);
        }
        return row + 1;
    }
}
