package cn.perfledger.app.export.xlsx;

import cn.perfledger.domain.common.Money;
import cn.perfledger.domain.rubric.LedgerMetric;
import cn.perfledger.projections.ledger.CarryOverReport;
import cn.perfledger.projections.ledger.CarryOverReport.Line;
import cn.perfledger.projections.ledger.ExecutionReport;
import cn.perfledger.projections.ledger.ExecutionReport.Row;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * 「收入支出决算」 in the style of the final accounts (DOMAIN.md §8): 年初结转和结余, 本年收入 by funding source,
 * 本年支出 by 基本/项目 (基本 by 人员经费/公用经费), 指标收回, 年末结转和结余 (结转 and 结余), and the identity
 * 年初结转和结余 + 本年收入 − 本年支出 − 指标收回 = 年末结转和结余 as two 总计 with their difference, per line too.
 * 本年收入 is the ledger's: the full-year budget (全年预算数) the line was granted; the 财政拨款收入决算数 of the
 * rubrics (全年预算 − 指标收回) is shown below it. Every figure is the carry-over or execution report's; the only
 * arithmetic here adds up their terms to show that the identities hold.
 */
final class FinalAccountsSheet {

    static final String NAME = "收入支出决算";
    static final List<String> COLUMNS = List.of("项目", "年初结转和结余", "本年预算指标（全年预算数）", "本年支出", "指标收回",
            "年末结转和结余", "恒等式差额（年初 + 收入 − 支出 − 收回 − 年末）");
    private static final int LAST = COLUMNS.size() - 1;

    private final SheetWriter w;
    private final Styles s;

    private FinalAccountsSheet(SheetWriter writer) {
        this.w = writer;
        this.s = writer.styles;
    }

    static void write(XSSFWorkbook book, Styles styles, WorkbookContent content) {
        SheetWriter writer = new SheetWriter(book.createSheet(NAME), styles, COLUMNS.size() + 3);
        new FinalAccountsSheet(writer).write(content);
    }

    private void write(WorkbookContent content) {
        CarryOverReport carry = content.carryOver().result();
        ExecutionReport execution = content.execution().result();
        TitleBlock block = TitleBlock.of(content)
                .add("SHA-256 摘要", content.carryOver().digest() + "（结转结余）；" + content.execution().digest()
                        + "（预算执行）")
                .add("金额单位", "元");
        int header = block.write(w, NAME, LAST, content.year());
        row(header, COLUMNS, s.header);
        w.pageSetup(header, header, 1);
        int row = header + 1;

        // 一、来源与去向: 合计, 财政拨款, each funding source
        identityRow(row++, "合计", carry.total(), true);
        identityRow(row++, "其中：财政拨款", carry.fiscalAppropriation(), false);
        for (Row source : execution.groupings().getOrDefault("fundingSource", List.of())) {
            identityRow(row++, "  " + source.label(), source.carryIn(), source.fullYear(), source.executed(),
                    source.withdrawn(), source.carryOut(), false);
        }
        row++;

        // 二、本年支出 by 基本/项目 and 基本 by 人员/公用
        row = caption(row, "本年支出（基本支出 / 项目支出）");
        row(row++, List.of("项目", "全年预算", "本年支出", "执行率"), s.header);
        Line total = carry.total();
        Optional<Row> basic = group(execution, "basicOrProject", "BASIC");
        Optional<Row> project = group(execution, "basicOrProject", "PROJECT");
        Optional<Row> personnel = group(execution, "expenditureKind", "BASIC_PERSONNEL");
        Optional<Row> operating = group(execution, "expenditureKind", "BASIC_OPERATING");
        spendRow(row++, "本年支出合计", execution.total(), true);
        spendRow(row++, "  基本支出", basic.orElse(null), false);
        spendRow(row++, "    其中：人员经费", personnel.orElse(null), false);
        spendRow(row++, "    其中：公用经费", operating.orElse(null), false);
        spendRow(row++, "  项目支出", project.orElse(null), false);
        row++;

        // 三、the identities of the final accounts (DOMAIN.md §8), as differences that must be zero
        row = caption(row, "恒等式核对（决算口径）");
        row(row++, List.of("项目", "金额", "说明"), s.header);
        w.merge(row - 1, row - 1, 2, LAST, s.header);
        Money sources = total.carryIn().plus(total.revenue());
        Money uses = total.expenditure().plus(total.withdrawn()).plus(total.carryOut());
        amount(row++, "年初结转和结余", total.carryIn(), null);
        amount(row++, "本年预算指标（全年预算数）", total.revenue(), null);
        amount(row++, "总计（来源）= 年初结转和结余 + 本年预算指标", sources, null);
        amount(row++, "本年支出", total.expenditure(), null);
        amount(row++, "指标收回（结余分配）", total.withdrawn(), null);
        amount(row++, "年末结转和结余", total.carryOut(), "其中 结转 " + yuan(carry.carryForward()) + "，结余 "
                + yuan(carry.surplus()));
        amount(row++, "总计（去向）= 本年支出 + 指标收回 + 年末结转和结余", uses, null);
        amount(row++, "差额（来源 − 去向）", sources.minus(uses), holds(sources.minus(uses)));
        Money basicPlusProject = amountOf(basic).plus(amountOf(project));
        amount(row++, "本年支出 − 基本支出 − 项目支出", total.expenditure().minus(basicPlusProject),
                holds(total.expenditure().minus(basicPlusProject)));
        Money personnelPlusOperating = amountOf(personnel).plus(amountOf(operating));
        amount(row++, "基本支出 − 人员经费 − 公用经费", amountOf(basic).minus(personnelPlusOperating),
                holds(amountOf(basic).minus(personnelPlusOperating)));
        amount(row++, "本年财政拨款收入决算数（财政拨款 全年预算 − 指标收回）", carry.appropriationRevenue(), null);
        // the metrics' names as the rubrics' catalog spells them
        rate(row++, LedgerMetric.CARRYOVER_RATE_53.label(), carry.carryOverRate53());
        rate(row++, LedgerMetric.CARRYOVER_RATE_YEAR_OVER_YEAR.label(), carry.carryOverRateYearOverYear());
        if (carry.closed()) {
            amount(row++, "结账时记录的年末结转和结余", carry.carryOutRecordedAtClose(), carry.changedSinceClose()
                    ? "结账后有更正，账本当前数与结账记录不同" : "与账本当前数一致");
        } else {
            w.text(row, 0, "年度尚未结账（此基准下）", s.text);
            w.merge(row, row, 0, LAST, s.text);
            row++;
        }
        row++;

        // 四、按预算行
        row = caption(row, "按预算行");
        row(row++, List.of("预算行", "年初结转和结余", "本年预算指标（全年预算数）", "本年支出", "指标收回", "年末结转和结余",
                "恒等式差额", "编号", "结转/结余", "结账时记录"), s.header);
        for (Line line : carry.lines()) {
            identityRow(row, line.label(), line, false);
            w.text(row, 7, line.key(), s.text);
            w.text(row, 8, line.kind() == null ? null : line.kind().chineseName(), s.textCenter);
            w.money(row, 9, line.carryOutAtClose(), s.money);
            row++;
        }
        w.fitColumns(10, 44);
        w.width(0, 44);
        w.fitRowHeights(header);
    }

    private void identityRow(int row, String label, Line line, boolean bold) {
        identityRow(row, label, line.carryIn(), line.revenue(), line.expenditure(), line.withdrawn(), line.carryOut(),
                bold);
    }

    private void identityRow(int row, String label, Money carryIn, Money revenue, Money expenditure, Money withdrawn,
            Money carryOut, boolean bold) {
        w.text(row, 0, label, bold ? s.textBold : s.text);
        Money[] terms = {carryIn, revenue, expenditure, withdrawn, carryOut};
        for (int i = 0; i < terms.length; i++) {
            w.money(row, i + 1, terms[i], bold ? s.moneyBold : s.money);
        }
        Money difference = carryIn.plus(revenue).minus(expenditure).minus(withdrawn).minus(carryOut);
        w.money(row, 6, difference, bold ? s.moneyBold : s.money);
    }

    private void spendRow(int row, String label, Row figures, boolean bold) {
        w.text(row, 0, label, bold ? s.textBold : s.text);
        w.money(row, 1, figures == null ? Money.ZERO : figures.fullYear(), bold ? s.moneyBold : s.money);
        w.money(row, 2, figures == null ? Money.ZERO : figures.executed(), bold ? s.moneyBold : s.money);
        w.rate(row, 3, figures == null ? null : figures.executionRate(), bold ? s.rateBold : s.rate);
    }

    private void amount(int row, String label, Money value, String note) {
        w.text(row, 0, label, s.text);
        w.money(row, 1, value, s.money);
        note(row, note);
    }

    private void rate(int row, String label, BigDecimal value) {
        w.text(row, 0, label, s.text);
        w.rate(row, 1, value, s.rate);
        note(row, value == null ? "分母为零，无法计算" : null);
    }

    /** The 说明 of an identity line, over the columns to the right (it would otherwise widen 本年收入). */
    private void note(int row, String note) {
        w.wideText(row, 2, note, s.text);
        w.merge(row, row, 2, LAST, s.text);
    }

    private int caption(int row, String caption) {
        w.wideText(row, 0, caption, s.caption);
        w.merge(row, row, 0, LAST, s.caption);
        return row + 1;
    }

    private void row(int row, List<String> cells, org.apache.poi.ss.usermodel.CellStyle style) {
        for (int c = 0; c < cells.size(); c++) {
            w.wideText(row, c, cells.get(c), style);
        }
    }

    private static Optional<Row> group(ExecutionReport report, String grouping, String key) {
        return report.groupings().getOrDefault(grouping, List.of()).stream().filter(r -> r.key().equals(key))
                .findFirst();
    }

    private static Money amountOf(Optional<Row> row) {
        return row.map(Row::executed).orElse(Money.ZERO);
    }

    private static String holds(Money difference) {
        return difference.isZero() ? "恒等式成立" : "恒等式不成立";
    }

    private static String yuan(Money amount) {
        return String.format(java.util.Locale.ROOT, "%,.2f 元", amount.yuan());
    }
}
