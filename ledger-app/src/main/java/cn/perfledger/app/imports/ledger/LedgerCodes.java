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
import static cn.perfledger.app.imports.ledger.LedgerColumn.ORIGINAL_VOUCHER_NO;
import static cn.perfledger.app.imports.ledger.LedgerColumn.PAYEE;
import static cn.perfledger.app.imports.ledger.LedgerColumn.PROJECT_CODE;
import static cn.perfledger.app.imports.ledger.LedgerColumn.PROJECT_NAME;
import static cn.perfledger.app.imports.ledger.LedgerColumn.REASON;
import static cn.perfledger.app.imports.ledger.LedgerColumn.RECORD_TYPE;
import static cn.perfledger.app.imports.ledger.LedgerColumn.SUMMARY;
import static cn.perfledger.app.imports.ledger.LedgerColumn.TARGET_LINE_ID;
import static cn.perfledger.app.imports.ledger.LedgerColumn.UNIT;
import static cn.perfledger.app.imports.ledger.LedgerColumn.VOUCHER_NO;

import cn.perfledger.domain.budget.ExpenditureKind;
import cn.perfledger.domain.budget.FundingSource;

/** The template's names of the domain's codes, and which column holds the field a ledger rule names. */
final class LedgerCodes {

    private LedgerCodes() {
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
            case "voucherNo" -> VOUCHER_NO;
            case "originalVoucherNo", "correctionOf" -> ORIGINAL_VOUCHER_NO;
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
}
