package cn.perfledger.app.imports.ledger;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The columns of the ledger import template, in the template's order. A file may order them differently or leave
 * out columns its rows do not use: columns are found by their header text. {@code field} is the name the REST API
 * uses for the same value; the description is what the template's header note says.
 */
public enum LedgerColumn {
    RECORD_TYPE("记录类型", "recordType",
            "必填。预算科目、年初预算、追加、追减、调剂、支出凭证、冲销 之一；A 列以 # 开头的行是说明，不导入"),
    LINE_ID("预算行编号", "lineId",
            "必填。预算行的编号（字母、数字、- _ . @），例如 L-0001；调剂时为调出的预算行"),
    EFFECTIVE_DATE("业务日期", "effectiveDate",
            "必填（预算科目可空，默认 1 月 1 日）。批复、调整或凭证的日期，须在导入年度内，例如 2021-03-15"),
    AMOUNT("金额", "amount",
            "必填（预算科目除外）。正数，单位见第 1 行的金额单位：元最多 2 位小数，万元最多 6 位小数；调出、调减不填负数；"
                    + "红字（负数）只用于支出凭证，表示冲销原凭证号所填的凭证"),
    DOCUMENT_NO("文号", "documentNo", "年初预算、追加、追减、调剂必填。批复或调整文件的文号，例如 穗财预〔2021〕88号"),
    REASON("调整原因", "reason", "追加、追减、调剂必填；冲销时为冲销原因（也可填在摘要中）"),
    VOUCHER_NO("凭证号", "voucherNo", "支出凭证、冲销必填，年度内不重复（冲销用新的凭证号），例如 记-0012"),
    PAYEE("收款人", "payee", "支出凭证可填"),
    SUMMARY("摘要", "summary", "支出凭证可填；冲销未填调整原因时为冲销原因"),
    TARGET_LINE_ID("调入预算行编号", "targetLineId", "调剂必填：调入的预算行（预算行编号列为调出的预算行）"),
    UNIT("单位编码", "unit", "预算科目必填：部门登记的单位编码，例如 BJ"),
    FUNDING_SOURCE("资金来源", "fundingSource", "预算科目必填：一般公共预算、政府性基金预算、国有资本经营预算、财政专户、其他"),
    KIND("支出类型", "kind", "预算科目必填：人员经费、公用经费、项目支出"),
    PROJECT_CODE("项目编码", "projectCode", "项目支出必填，基本支出不填"),
    PROJECT_NAME("项目名称", "projectName", "项目支出必填，基本支出不填"),
    FUNCTIONAL_CODE("功能分类科目", "functionalCode", "预算科目必填：3、5 或 7 位数字，例如 2010101"),
    ECONOMIC_CODE("经济分类科目", "economicCode", "预算科目必填：3 或 5 位数字，以 3 开头，例如 30201"),
    ADJUSTMENT_ID("调整编号", "adjustmentId",
            "追加、追减、调剂可填：不填时一笔调整以记录类型、文号和预算行识别；同一文号对同一预算行有多笔调整时须各填一个，例如 88号-1"),
    ORIGINAL_VOUCHER_NO("原凭证号", "originalVoucherNo",
            "冲销必填：被冲销（红字冲回）的支出凭证号；支出凭证填写时为更正凭证，所更正的原凭证须已冲销");

    private static final Map<String, LedgerColumn> BY_HEADER = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(LedgerColumn::header, Function.identity()));

    private final String header;
    private final String field;
    private final String description;

    LedgerColumn(String header, String field, String description) {
        this.header = header;
        this.field = field;
        this.description = description;
    }

    /** The header text in the template. */
    public String header() {
        return header;
    }

    /** The REST API's name of the value, reported as {@code field} in import errors. */
    public String field() {
        return field;
    }

    /** The note the template gives the clerk for this column. */
    public String description() {
        return description;
    }

    /**
     * The column a header cell names. Clerks annotate headers, so a required mark ({@code *}), a remark in
     * parentheses ({@code 金额（万元）}) and spaces are ignored.
     */
    public static Optional<LedgerColumn> ofHeader(String text) {
        return Optional.ofNullable(BY_HEADER.get(normalizeHeader(text)));
    }

    static String normalizeHeader(String text) {
        if (text == null) {
            return "";
        }
        return text.replaceAll("[（(].*?[)）]", "").replace("*", "").replace("＊", "")
                .replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }
}
