package cn.perfledger.app.ui.entry;

import static cn.perfledger.app.ui.entry.EntryForm.Field.of;
import static cn.perfledger.app.ui.entry.EntryForm.Kind.CHECKBOX;
import static cn.perfledger.app.ui.entry.EntryForm.Kind.DATE;
import static cn.perfledger.app.ui.entry.EntryForm.Kind.MONEY;
import static cn.perfledger.app.ui.entry.EntryForm.Kind.RATE;
import static cn.perfledger.app.ui.entry.EntryForm.Kind.SELECT;
import static cn.perfledger.app.ui.entry.EntryForm.Kind.TEXT;
import static cn.perfledger.app.ui.entry.LedgerForms.MONEY_HINT;
import static cn.perfledger.app.ui.entry.LedgerForms.dept;
import static cn.perfledger.app.ui.entry.LedgerForms.yearNo;

import cn.perfledger.app.api.CommandResult;
import cn.perfledger.app.api.budget.BudgetController;
import cn.perfledger.app.api.budget.BudgetRequests.CloseRequest;
import cn.perfledger.app.api.budget.BudgetRequests.ContractRequest;
import cn.perfledger.app.api.budget.BudgetRequests.ExecutionNoticeRequest;
import cn.perfledger.app.api.budget.BudgetRequests.FilingRequest;
import cn.perfledger.app.api.budget.BudgetRequests.FixedAssetsRequest;
import cn.perfledger.app.api.budget.BudgetRequests.ProcurementExecutionRequest;
import cn.perfledger.app.api.budget.BudgetRequests.ProcurementRequest;
import cn.perfledger.app.ui.Amount;
import cn.perfledger.app.ui.entry.EntryForm.Field;
import cn.perfledger.app.ui.form.ApiForm;
import cn.perfledger.app.ui.form.FormRejected;
import cn.perfledger.app.ui.form.FormValues;

import cn.perfledger.app.ui.entry.EntryForm.Option;
import cn.perfledger.domain.budget.CarryOverKind;
import cn.perfledger.domain.budget.ProcurementCategory;
import cn.perfledger.projections.ledger.LineFigures;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The pages of procurement (预算、合同签订、备案、执行), of the finance bureau's execution notices with the fixed
 * assets, and of closing the year. Each form sends the request body of its API endpoint to {@link BudgetController}.
 */
@Component
@Order(2)
public class ProcurementForms implements EntryPages {

    static final String OVERRIDE = "kindOverrides[";
    private static final String PROCUREMENT = "procurementId";

    private final BudgetController budget;
    private final ApiForm api;

    public ProcurementForms(BudgetController budget, ApiForm api) {
        this.budget = budget;
        this.api = api;
    }

    @Override
    public List<EntryPage> pages() {
        return List.of(
                new EntryPage("procurement", "政府采购", "依次登记采购预算、合同签订、合同备案与采购执行。",
                        List.of(planForm(), contractForm(), filingForm(), executionForm()),
                        List.of("ProcurementPlanned", "ProcurementContractSigned", "ProcurementContractFiled",
                                "ProcurementExecuted")),
                new EntryPage("notices", "执行进度通报与固定资产", "财政局执行进度通报（序时进度与通报执行率）与年末固定资产。",
                        List.of(noticeForm(), assetsForm()), List.of("ExecutionNoticeRecorded", "FixedAssetsRecorded")),
                new EntryPage("close", "年度结账", "结账计算各预算行的年末结转和结余并封账；此后只能登记注明原因的结账后更正。",
                        List.of(closeForm()), List.of("FiscalYearClosed")));
    }

    private EntryForm planForm() {
        return new EntryForm("plan", "政府采购预算", null, year -> List.of(
                of(PROCUREMENT, "采购项目编号", TEXT, true, "本年度内唯一，例如 CG-2021-01"),
                of("name", "采购项目名称", TEXT, true, null),
                of("category", "品目", SELECT, true, null).withOptions(Arrays.stream(ProcurementCategory.values())
                        .map(c -> new Option(c.name(), c.chineseName())).toList()),
                of("planAmount", "采购预算金额", MONEY, true, MONEY_HINT),
                of("smeReserve", "预留中小企业份额", MONEY, false, "可空；不超过采购预算"),
                of("effectiveDate", "业务日期", DATE, true, null).withDefault(year.defaultDate())),
                (year, v) -> budget.planProcurement(dept(year), yearNo(year), api.request(ProcurementRequest.class,
                        v.node(PROCUREMENT, "name", "category", "planAmount", "smeReserve", "effectiveDate"))),
                null);
    }

    private EntryForm contractForm() {
        return new EntryForm("contract", "采购合同签订", null, year -> List.of(
                procurementField(year),
                of("contractNo", "合同编号", TEXT, true, null),
                of("contractAmount", "合同金额", MONEY, true, MONEY_HINT),
                of("awardNoticeDate", "中标（成交）通知书日期", DATE, true, null),
                of("signedDate", "合同签订日期", DATE, true, null).withDefault(year.defaultDate())),
                (year, v) -> budget.signContract(dept(year), yearNo(year), v.text(PROCUREMENT),
                        api.request(ContractRequest.class, v.node("contractNo", "contractAmount", "awardNoticeDate",
                                "signedDate"))),
                null);
    }

    private EntryForm filingForm() {
        return new EntryForm("filing", "采购合同备案", null, year -> List.of(
                procurementField(year),
                of("contractNo", "合同编号", TEXT, true, "已签订、尚未备案的合同").withOptions(year.unfiledContracts()),
                of("filedDate", "备案日期", DATE, true, null).withDefault(year.defaultDate())),
                (year, v) -> budget.fileContract(dept(year), yearNo(year), v.text(PROCUREMENT),
                        api.request(FilingRequest.class, v.node("contractNo", "filedDate"))),
                null);
    }

    private EntryForm executionForm() {
        return new EntryForm("execution", "采购执行", null, year -> List.of(
                procurementField(year),
                of("amount", "执行金额", MONEY, true, MONEY_HINT),
                of("smeAwardedAmount", "授予中小企业金额", MONEY, false, "可空"),
                of("effectiveDate", "业务日期", DATE, true, null).withDefault(year.defaultDate())),
                (year, v) -> budget.executeProcurement(dept(year), yearNo(year), v.text(PROCUREMENT),
                        api.request(ProcurementExecutionRequest.class, v.node("amount", "smeAwardedAmount",
                                "effectiveDate"))),
                null);
    }

    private static Field procurementField(EntryYear year) {
        return of(PROCUREMENT, "采购项目", SELECT, true, null).withOptions(year.procurementOptions());
    }

    private EntryForm noticeForm() {
        return new EntryForm("notice", "财政局执行进度通报", null, year -> List.of(
                of("documentNo", "通报文号", TEXT, true, null),
                of("requiredProgress", "序时进度", RATE, true, "填百分数（75%）或小数（0.75）"),
                of("publishedRate", "通报执行率", RATE, true, "填百分数（81.23%）或小数（0.8123）"),
                of("noticeDate", "通报日期", DATE, true, null).withDefault(year.defaultDate())),
                this::notice, null);
    }

    private ResponseEntity<CommandResult> notice(EntryYear year, FormValues v) {
        ObjectNode body = v.node("documentNo", "noticeDate");
        for (String rate : List.of("requiredProgress", "publishedRate")) {
            if (v.text(rate) != null) {
                body.put(rate, FormValues.fraction(v.text(rate)));
            }
        }
        return budget.executionNotice(dept(year), yearNo(year), api.request(ExecutionNoticeRequest.class, body));
    }

    private EntryForm assetsForm() {
        return new EntryForm("assets", "固定资产", null, year -> List.of(
                of("originalValue", "固定资产原值", MONEY, true, MONEY_HINT),
                of("inUseValue", "在用固定资产原值", MONEY, true, MONEY_HINT),
                of("effectiveDate", "业务日期", DATE, true, null).withDefault(year.lastDay().toString())),
                (year, v) -> budget.fixedAssets(dept(year), yearNo(year), api.request(FixedAssetsRequest.class,
                        v.node("originalValue", "inUseValue", "effectiveDate"))),
                null);
    }

    /** One choice per line with money left; left at 按默认 the line takes the ledger's default kind. */
    private EntryForm closeForm() {
        return new EntryForm("close", "结账", "未支出的预算转为年末结转和结余：默认项目支出结转、基本支出结余，可逐行改选。", year -> {
            List<Field> fields = new ArrayList<>();
            List<Option> kinds = new ArrayList<>();
            kinds.add(new Option("", "按默认"));
            Arrays.stream(CarryOverKind.values()).forEach(k -> kinds.add(new Option(k.name(), k.chineseName())));
            for (LineFigures line : year.lines()) {
                if (!line.available().isZero()) {
                    fields.add(of(OVERRIDE + line.lineId() + "]", year.shortLineLabel(line), SELECT, false,
                            "未支出 " + Amount.of(line.available()).yuan() + " 元").withOptions(kinds));
                }
            }
            fields.add(of("confirm", "确认结账（结账后不能再登记普通记录）", CHECKBOX, true, null));
            return fields;
        }, this::close, null);
    }

    private ResponseEntity<CommandResult> close(EntryYear year, FormValues v) {
        if (v.text("confirm") == null) {
            throw FormRejected.of(400, "confirm", "请勾选确认结账");
        }
        ObjectNode body = v.node();
        ObjectNode overrides = body.putObject("kindOverrides");
        v.names().stream().filter(k -> k.startsWith(OVERRIDE) && k.endsWith("]")).sorted().forEach(k -> {
            if (v.text(k) != null) {
                overrides.put(k.substring(OVERRIDE.length(), k.length() - 1), v.text(k));
            }
        });
        return budget.close(dept(year), yearNo(year), api.request(CloseRequest.class, body));
    }
}
