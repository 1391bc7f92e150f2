package cn.perfledger.projections.ledger;

import cn.perfledger.domain.common.BudgetLineId;
import cn.perfledger.domain.common.Money;
import java.time.LocalDate;

/** One line's part of a budget adjustment, signed (+ increase / transfer in, − decrease / transfer out). */
public record Adjustment(BudgetLineId lineId, Kind kind, Money amount, String documentNo, String reason,
        LocalDate effectiveDate, long globalSequence, String postCloseReason) {

    /** 追加 / 调减 / 调剂. */
    public enum Kind {
        INCREASE("追加"),
        DECREASE("调减"),
        TRANSFER("调剂");

        private final String chineseName;

        Kind(String chineseName) {
            this.chineseName = chineseName;
        }

        public String chineseName() {
            return chineseName;
        }
    }
}
