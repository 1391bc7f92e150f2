package cn.perfledger.benchmarks.http;

import cn.perfledger.benchmarks.http.LedgerOp.Budget;
import cn.perfledger.benchmarks.http.LedgerOp.Line;
import cn.perfledger.benchmarks.http.LedgerOp.Reversal;
import cn.perfledger.benchmarks.http.LedgerOp.Voucher;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The ledger import files ({@code …/imports/ledger}, docs/IMPORT.md) of a generated year: CSV in UTF-8, 金额单位 元,
 * the template's header, at most {@code maxRows} data rows each. Reversal rows ({@code 冲销}, with the column
 * {@code 原凭证号}) are written only when the product's template offers them ({@link YearLoader}).
 */
final class ImportFiles {

    /** The template's columns (docs/IMPORT.md §3), then the reversal's original voucher. */
    private static final String HEADER = "记录类型,预算行编号,业务日期,金额,文号,调整原因,凭证号,收款人,摘要,调入预算行编号,"
            + "单位编码,资金来源,支出类型,项目编码,项目名称,功能分类科目,经济分类科目";
    static final String REVERSAL_TYPE = "冲销";
    static final String ORIGINAL_VOUCHER_COLUMN = "原凭证号";

    private ImportFiles() {
    }

    /** The ops in files of at most {@code maxRows} rows, in order. */
    static List<byte[]> files(List<? extends LedgerOp> ops, int maxRows, boolean withReversalColumn) {
        List<byte[]> files = new ArrayList<>();
        for (int start = 0; start < ops.size(); start += maxRows) {
            files.add(file(ops.subList(start, Math.min(ops.size(), start + maxRows)), withReversalColumn));
        }
        return files;
    }

    static byte[] file(List<? extends LedgerOp> ops, boolean withReversalColumn) {
        StringBuilder csv = new StringBuilder(ops.size() * 90 + 400);
        csv.append("金额单位,元\n");
        csv.append(HEADER).append(withReversalColumn ? "," + ORIGINAL_VOUCHER_COLUMN : "").append('\n');
        for (LedgerOp op : ops) {
            csv.append(row(op, withReversalColumn)).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String row(LedgerOp op, boolean withReversalColumn) {
        String[] cells = new String[withReversalColumn ? 18 : 17];
        java.util.Arrays.fill(cells, "");
        cells[2] = op.date().toString();
        if (op instanceof Voucher v) {
            cells[0] = "支出凭证";
            cells[1] = v.lineId();
            cells[3] = LedgerOp.yuan(v.fen());
            cells[6] = v.voucherNo();
            cells[7] = v.payee();
            cells[8] = v.summary();
        } else if (op instanceof Budget b) {
            cells[0] = switch (b.kind()) {
                case INITIAL -> "年初预算";
                case INCREASE -> "追加";
                case DECREASE -> "追减";
                case TRANSFER -> "调剂";
            };
            cells[1] = b.lineId();
            cells[3] = LedgerOp.yuan(b.fen());
            cells[4] = b.documentNo();
            cells[5] = b.reason() == null ? "" : b.reason();
            cells[9] = b.targetLineId() == null ? "" : b.targetLineId();
        } else if (op instanceof Reversal r) {
            if (!withReversalColumn) {
                throw new IllegalStateException("the product's import has no reversal rows: " + r);
            }
            cells[0] = REVERSAL_TYPE;
            cells[1] = r.lineId();
            cells[3] = LedgerOp.yuan(r.fen());
            cells[5] = r.reason();
            cells[6] = r.voucherNo();
            cells[17] = r.originalVoucherNo();
        } else if (op instanceof Line l) {
            cells[0] = "预算科目";
            cells[1] = l.lineId();
            cells[10] = l.unit();
            cells[11] = l.fundingLabel();
            cells[12] = l.kindLabel();
            cells[13] = l.projectCode() == null ? "" : l.projectCode();
            cells[14] = l.projectName() == null ? "" : l.projectName();
            cells[15] = l.functionalCode();
            cells[16] = l.economicCode();
        }
        return String.join(",", cells);
    }
}
