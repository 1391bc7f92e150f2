package cn.perfledger.app.ui.entry;

import cn.perfledger.app.ui.form.FormState;
import java.util.Map;

/** Chinese names of the API's field names, for an error the page shows above a form rather than beside a field. */
final class EntryLabels {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("lineId", "预算行"), Map.entry("amount", "金额"), Map.entry("documentNo", "文号"),
            Map.entry("reason", "原因"), Map.entry("effectiveDate", "业务日期"), Map.entry("voucherNo", "凭证号"),
            Map.entry("originalVoucherNo", "原凭证号"), Map.entry("postCloseReason", "结账后更正原因"),
            Map.entry("fiscalYearId", "部门年度"), Map.entry("shares", "调剂各行"), Map.entry("spec", "预算行要素"),
            Map.entry("procurementId", "采购项目"), Map.entry("contractNo", "合同编号"), Map.entry("file", "文件"),
            Map.entry("rubricVersion", "评价体系版本"), Map.entry("year", "年度"), Map.entry("body", "表单"),
            Map.entry("kindOverrides", "结转结余类型"), Map.entry("idempotencyKey", "表单"),
            Map.entry("units", "单位"), Map.entry("departmentId", "部门"));

    private EntryLabels() {
    }

    static String of(String field) {
        String root = field.replaceAll("[\\[.].*$", "");
        // the names every write page shares (evaluation, rubric, scope …) are worded once, by the form path
        return LABELS.getOrDefault(field, LABELS.getOrDefault(root, FormState.label(field)));
    }
}
