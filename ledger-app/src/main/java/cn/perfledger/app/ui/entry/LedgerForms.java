package cn.perfledger.app.ui.entry;

import static cn.perfledger.app.ui.entry.EntryForm.Field.of;
import static cn.perfledger.app.ui.entry.EntryForm.Kind.DATE;
import static cn.perfledger.app.ui.entry.EntryForm.Kind.MONEY;
import static cn.perfledger.app.ui.entry.EntryForm.Kind.SELECT;
import static cn.perfledger.app.ui.entry.EntryForm.Kind.TEXT;
import static cn.perfledger.app.ui.entry.EntryForm.Kind.TEXTAREA;

import cn.perfledger.app.api.CommandResult;
import cn.perfledger.app.api.budget.BudgetController;
import cn.perfledger.app.api.budget.BudgetRequests.AdjustmentRequest;
import cn.perfledger.app.api.budget.BudgetRequests.BudgetLineRequest;
import cn.perfledger.app.api.budget.BudgetRequests.CarryInRequest;
import cn.perfledger.app.api.budget.BudgetRequests.ExpenditureRequest;
import cn.perfledger.app.api.budget.BudgetRequests.InitialBudgetRequest;
import cn.perfledger.app.api.budget.BudgetRequests.ReversalRequest;
import cn.perfledger.app.api.budget.BudgetRequests.TransferRequest;
import cn.perfledger.app.api.budget.BudgetRequests.WithdrawalRequest;
import cn.perfledger.app.ui.entry.EntryForm.Field;
import cn.perfledger.app.ui.form.ApiForm;
import cn.perfledger.app.ui.form.FormRejected;
import cn.perfledger.app.ui.form.FormValues;

import cn.perfledger.app.ui.entry.EntryForm.Option;
import cn.perfledger.domain.budget.CarryOverKind;
import cn.perfledger.domain.budget.ExpenditureKind;
import cn.perfledger.domain.budget.FundingSource;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The budget and spending pages: 预算行与年初预算, 预算调整与年初结转 (追加 / 追减 / 调剂, 年初结转和结余, 指标收回), 支出凭证与
 * 红字冲销. Each form sends the request body of its API endpoint to {@link BudgetController}.
 */
@Component
@Order(1)
public class LedgerForms implements EntryPages {

    static final String MONEY_HINT = "元，最多两位小数，例如 12500.00";
    private static final List<String> LINE_TYPES = List.of("BudgetLineOpened", "InitialBudgetApproved");
    private static final List<String> ADJUSTMENT_TYPES = List.of("BudgetIncreased", "BudgetDecreased",
            "BudgetTransferred", "CarryInRecorded", "AppropriationWithdrawn");
    private static final List<String> VOUCHER_TYPES = List.of("ExpenditureRecorded", "ExpenditureReversed",
            "LedgerFileImported");

    private final BudgetController budget;
    private final ApiForm api;

    public LedgerForms(BudgetController budget, ApiForm api) {
        this.budget = budget;
        this.api = api;
    }

    @Override
    public List<EntryPage> pages() {
        return List.of(
                new EntryPage("lines", "预算行与年初预算", "先设立预算行（单位 × 资金来源 × 支出类型 × 功能分类 × 经济分类），再登记其年初预算批复。",
                        List.of(lineForm(), initialForm()), LINE_TYPES),
                new EntryPage("adjustments", "预算调整与年初结转", "追加、追减与调剂均须填写文号与原因；年初结转和结余只能记入 1 月 1 日设立的预算行。",
                        List.of(adjustmentForm(), carryInForm(), withdrawalForm()), ADJUSTMENT_TYPES),
                new EntryPage("vouchers", "支出凭证与红字冲销", "登记支出凭证；冲销（红字）使用新的凭证号，金额不超过原凭证未冲销的部分，以负数显示。",
                        List.of(voucherForm(), reversalForm()), VOUCHER_TYPES));
    }

    private EntryForm lineForm() {
        return new EntryForm("line", "设立预算行", null, year -> List.of(
                of("lineId", "预算行编号", TEXT, true, "本年度内唯一，例如 L-0001"),
                of("unit", "单位", SELECT, true, null).withOptions(year.unitOptions()),
                of("fundingSource", "资金来源", SELECT, true, null).withOptions(Arrays.stream(FundingSource.values())
                        .map(s -> new Option(s.name(), s.chineseName())).toList()),
                of("kind", "支出类型", SELECT, true, null).withOptions(Arrays.stream(ExpenditureKind.values())
                        .map(k -> new Option(k.name(), k.chineseName())).toList()),
                of("projectCode", "项目编码", TEXT, false, "仅项目支出填写"),
                of("projectName", "项目名称", TEXT, false, "仅项目支出填写"),
                of("functionalCode", "功能分类科目", TEXT, true, "3、5 或 7 位数字，例如 2010101"),
                of("economicCode", "经济分类科目", TEXT, true, "3 或 5 位数字，例如 30201"),
                of("effectiveDate", "设立日期", DATE, true, "1 月 1 日设立的预算行才能记入年初结转").withDefault(
                        year.firstDay().toString())),
                (year, v) -> budget.openLine(dept(year), yearNo(year), api.request(BudgetLineRequest.class,
                        v.node("lineId", "unit", "fundingSource", "kind", "projectCode", "projectName",
                                "functionalCode", "economicCode", "effectiveDate"))),
                Map.of("spec", "lineId"));
    }

    private EntryForm initialForm() {
        return new EntryForm("initial", "年初预算批复", null, year -> List.of(
                of("lineId", "预算行", SELECT, true, null).withOptions(year.lineOptions()),
                of("amount", "年初预算金额", MONEY, true, MONEY_HINT),
                of("documentNo", "批复文号", TEXT, true, null),
                of("effectiveDate", "批复日期", DATE, true, null).withDefault(year.firstDay().toString())),
                (year, v) -> budget.approveInitial(dept(year), yearNo(year), api.request(InitialBudgetRequest.class,
                        v.node("lineId", "amount", "documentNo", "effectiveDate"))),
                null);
    }

    private EntryForm adjustmentForm() {
        return new EntryForm("adjustment", "预算调整（追加 / 追减 / 调剂）", "调剂：从「预算行」调出、调入「调入预算行」，金额填正数。", year -> withPostClose(year,
                of("kind", "调整类型", SELECT, true, null).withOptions(List.of(new Option("INCREASE", "追加"),
                        new Option("DECREASE", "追减"), new Option("TRANSFER", "调剂"))),
                of("lineId", "预算行（调剂时为调出行）", SELECT, true, null).withOptions(year.lineOptions()),
                of("targetLineId", "调入预算行（仅调剂）", SELECT, false, null).withOptions(year.lineOptions()),
                of("amount", "金额", MONEY, true, MONEY_HINT),
                of("documentNo", "文号", TEXT, true, "例如 穗财预〔2021〕88号"),
                of("reason", "调整原因", TEXTAREA, true, null),
                of("effectiveDate", "业务日期", DATE, true, null).withDefault(year.defaultDate()),
                of("adjustmentId", "调整编号", TEXT, false, "可空；同一文号对同一预算行有多笔调整时各填一个")),
                this::adjust,
                Map.of("shares[0].lineId", "lineId", "shares[1].lineId", "targetLineId", "shares[0].amount", "amount",
                        "shares[1].amount", "amount", "shares", "targetLineId"));
    }

    private ResponseEntity<CommandResult> adjust(EntryYear year, FormValues v) {
        String kind = v.text("kind");
        if (!"TRANSFER".equals(kind) && v.text("targetLineId") != null) {
            throw FormRejected.of(400, "targetLineId", "追加、追减只涉及一个预算行：调入预算行仅用于调剂，请清空");
        }
        if ("TRANSFER".equals(kind)) {
            String amount = v.text("amount");
            if (amount != null && amount.startsWith("-")) {
                throw FormRejected.of(400, "amount", "调剂金额填正数：从预算行调出、调入调入预算行");
            }
            ObjectNode body = v.node("documentNo", "reason", "effectiveDate", "postCloseReason", "adjustmentId");
            var shares = body.putArray("shares");
            ObjectNode out = shares.addObject();
            ObjectNode in = shares.addObject();
            if (v.text("lineId") != null) {
                out.put("lineId", v.text("lineId"));
            }
            if (v.text("targetLineId") != null) {
                in.put("lineId", v.text("targetLineId"));
            }
            if (amount != null) {
                out.put("amount", "-" + amount);
                in.put("amount", amount);
            }
            return budget.transfer(dept(year), yearNo(year), api.request(TransferRequest.class, body));
        }
        AdjustmentRequest request = api.request(AdjustmentRequest.class, v.node("lineId", "amount", "documentNo", "reason",
                "effectiveDate", "postCloseReason", "adjustmentId"));
        if ("INCREASE".equals(kind)) {
            return budget.increase(dept(year), yearNo(year), request);
        }
        if ("DECREASE".equals(kind)) {
            return budget.decrease(dept(year), yearNo(year), request);
        }
        throw FormRejected.of(400, "kind", "请选择调整类型：追加、追减或调剂");
    }

    private EntryForm carryInForm() {
        return new EntryForm("carry-in", "年初结转和结余", "上年结转（未完成、继续使用）或结余（已完成或停止），1 月 1 日生效。", year -> List.of(
                of("lineId", "预算行", SELECT, true, null).withOptions(year.lineOptions()),
                of("amount", "金额", MONEY, true, MONEY_HINT),
                of("kind", "结转或结余", SELECT, true, null).withOptions(Arrays.stream(CarryOverKind.values())
                        .map(k -> new Option(k.name(), k.chineseName())).toList())),
                (year, v) -> budget.carryIn(dept(year), yearNo(year), api.request(CarryInRequest.class,
                        v.node("lineId", "amount", "kind"))),
                null);
    }

    private EntryForm withdrawalForm() {
        return new EntryForm("withdrawal", "指标收回/注销", "不结转的未支出预算，最多为该行未支出的可用预算。", year -> withPostClose(year,
                of("lineId", "预算行", SELECT, true, null).withOptions(year.lineOptions()),
                of("amount", "收回金额", MONEY, true, MONEY_HINT),
                of("documentNo", "文号", TEXT, true, null),
                of("reason", "原因", TEXTAREA, true, null),
                of("effectiveDate", "业务日期", DATE, true, null).withDefault(year.defaultDate())),
                (year, v) -> budget.withdraw(dept(year), yearNo(year), api.request(WithdrawalRequest.class,
                        v.node("lineId", "amount", "documentNo", "reason", "effectiveDate", "postCloseReason"))),
                null);
    }

    private EntryForm voucherForm() {
        return new EntryForm("voucher", "登记支出凭证", null, year -> withPostClose(year,
                of("voucherNo", "凭证号", TEXT, true, "本年度内唯一，例如 记-0012"),
                of("lineId", "预算行", SELECT, true, null).withOptions(year.lineOptions()),
                of("amount", "金额", MONEY, true, MONEY_HINT),
                of("effectiveDate", "凭证日期", DATE, true, null).withDefault(year.defaultDate()),
                of("payee", "收款人", TEXT, false, "可空"),
                of("summary", "摘要", TEXT, false, "可空"),
                of("correctionOf", "更正的原凭证号", TEXT, false, "仅更正时填写；原凭证须先冲销")
                        .withOptions(year.voucherSuggestions())),
                (year, v) -> budget.expenditure(dept(year), yearNo(year), api.request(ExpenditureRequest.class,
                        v.node("voucherNo", "lineId", "amount", "effectiveDate", "payee", "summary", "correctionOf",
                                "postCloseReason"))),
                Map.of("entry.voucherNo", "voucherNo", "entry.amount", "amount", "entry.lineId", "lineId"));
    }

    private EntryForm reversalForm() {
        return new EntryForm("reversal", "红字冲销", "冲销原凭证的全部或部分金额；冲销凭证以负数、红字显示。", year -> withPostClose(year,
                of("originalVoucherNo", "原凭证号", TEXT, true, null).withOptions(year.voucherSuggestions()),
                of("voucherNo", "冲销凭证号", TEXT, true, "新的凭证号，例如 红-0001"),
                of("amount", "冲销金额", MONEY, true, "正数，" + MONEY_HINT),
                of("reason", "冲销原因", TEXTAREA, true, null),
                of("effectiveDate", "冲销日期", DATE, true, null).withDefault(year.defaultDate())),
                (year, v) -> budget.reverse(dept(year), yearNo(year), api.request(ReversalRequest.class,
                        v.node("voucherNo", "originalVoucherNo", "amount", "reason", "effectiveDate",
                                "postCloseReason"))),
                null);
    }

    /** After close only flagged corrections are recorded: the form then asks for the reason. */
    static List<Field> withPostClose(EntryYear year, Field... fields) {
        List<Field> all = new ArrayList<>(List.of(fields));
        if (year.closed()) {
            all.add(of(EntryForm.POST_CLOSE_REASON, "结账后更正原因", TEXTAREA, true, "年度已结账，结账后的更正须注明原因"));
        }
        return all;
    }

    static String dept(EntryYear year) {
        return year.id().department().code();
    }

    static int yearNo(EntryYear year) {
        return year.id().year().year();
    }
}
