package cn.perfledger.benchmarks.http;

import java.time.LocalDate;

/**
 * One recorded fact of a generated department-year, in the harness's own plain form (amounts in fen): written to
 * the product through its API and to ledger-cli's and hledger's journals, so that all three hold the same
 * transactions.
 */
sealed interface LedgerOp {

    LocalDate date();

    /** 预算科目: a budget line of a unit. */
    record Line(String lineId, String unit, String fundingSource, String fundingLabel, String kind, String kindLabel,
            String projectCode, String projectName, String functionalCode, String economicCode, LocalDate date)
            implements LedgerOp {
    }

    enum BudgetKind { INITIAL, INCREASE, DECREASE, TRANSFER }

    /** 年初预算, 追加, 追减 or 调剂 (from {@code lineId} to {@code targetLineId}). */
    record Budget(BudgetKind kind, String lineId, String targetLineId, long fen, LocalDate date, String documentNo,
            String reason) implements LedgerOp {
    }

    /** 支出凭证. */
    record Voucher(String voucherNo, String lineId, long fen, LocalDate date, String payee, String summary)
            implements LedgerOp {
    }

    /** 冲销: part or all of an earlier voucher reversed by a voucher of its own. */
    record Reversal(String voucherNo, String originalVoucherNo, String lineId, long fen, LocalDate date, String reason)
            implements LedgerOp {
    }

    /** {@code 1234.50} from 123450 fen: the API's and the journals' amount text. */
    static String yuan(long fen) {
        String sign = fen < 0 ? "-" : "";
        long abs = Math.abs(fen);
        return sign + (abs / 100) + "." + String.format("%02d", abs % 100);
    }
}
