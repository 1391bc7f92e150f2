package cn.perfledger.domain.budget;

import cn.perfledger.domain.budget.BudgetCommand.DecreaseBudget;
import cn.perfledger.domain.budget.BudgetCommand.IncreaseBudget;
import cn.perfledger.domain.budget.BudgetCommand.TransferBudget;
import cn.perfledger.domain.budget.BudgetEvent.BudgetDecreased;
import cn.perfledger.domain.budget.BudgetEvent.BudgetIncreased;
import cn.perfledger.domain.budget.BudgetEvent.BudgetTransferred;
import cn.perfledger.domain.budget.BudgetEvent.LineShare;
import cn.perfledger.domain.common.BudgetLineId;
import cn.perfledger.domain.common.ConflictException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Which adjustment (追加, 追减, 调剂) an entry is, so that the same adjustment entered twice — a second ledger file
 * repeating its row, a retried request — is recognised instead of counted twice.
 *
 * <p>An adjustment is identified by its kind, its 文号 and the line it adjusts (for a transfer: the lines it moves
 * between), or, when one 文号 adjusts the same line more than once, by the 调整编号 ({@code adjustmentId}) the clerk
 * gives each of them. What it did — the amount on each line, the effective date, the reason — is kept as a
 * fingerprint. Policy {@link #recordedOnce}: the identical adjustment again is a reported no-op; a different one
 * under a recorded identity is refused, naming what to do.
 *
 * @param key         the identity, unique among the year's adjustments
 * @param description the identity as the clerk reads it: {@code 追加 穗财预〔2021〕88号 L1} or {@code 调整编号 T-7}
 * @param fingerprint what the adjustment did
 */
record AdjustmentIdentity(String key, String description, long fingerprint) {

    private static final String ID_PREFIX = "ID\u001f";

    /** The three kinds, with the words of the ledger file. */
    enum Kind {
        INCREASE("追加"), DECREASE("追减"), TRANSFER("调剂");

        private final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    static AdjustmentIdentity increase(String adjustmentId, String documentNo, BudgetLineId lineId, long fen,
            LocalDate date, String reason) {
        return of(Kind.INCREASE, adjustmentId, documentNo, List.of(new Share(lineId.value(), fen)), date, reason);
    }

    static AdjustmentIdentity decrease(String adjustmentId, String documentNo, BudgetLineId lineId, long fen,
            LocalDate date, String reason) {
        return of(Kind.DECREASE, adjustmentId, documentNo, List.of(new Share(lineId.value(), -fen)), date, reason);
    }

    static AdjustmentIdentity transfer(String adjustmentId, String documentNo, List<LineShare> shares, LocalDate date,
            String reason) {
        List<Share> signed = shares.stream().map(s -> new Share(s.lineId().value(), s.amount().fen())).toList();
        return of(Kind.TRANSFER, adjustmentId, documentNo, signed, date, reason);
    }

    static AdjustmentIdentity of(BudgetIncreased event) {
        return increase(event.adjustmentId(), event.documentNo(), event.lineId(), event.amount().fen(),
                event.effectiveDate(), event.reason());
    }

    static AdjustmentIdentity of(BudgetDecreased event) {
        return decrease(event.adjustmentId(), event.documentNo(), event.lineId(), event.amount().fen(),
                event.effectiveDate(), event.reason());
    }

    static AdjustmentIdentity of(BudgetTransferred event) {
        return transfer(event.adjustmentId(), event.documentNo(), event.shares(), event.effectiveDate(),
                event.reason());
    }

    /**
     * The identity of an adjustment row of a file as far as it can be told before the row is checked (the row's own
     * checks refuse what is missing), or null for other rows.
     */
    static String fileKey(BudgetCommand row) {
        if (row instanceof IncreaseBudget c && c.lineId() != null) {
            return key(Kind.INCREASE, c.adjustmentId(), c.documentNo(), List.of(c.lineId().value()));
        } else if (row instanceof DecreaseBudget c && c.lineId() != null) {
            return key(Kind.DECREASE, c.adjustmentId(), c.documentNo(), List.of(c.lineId().value()));
        } else if (row instanceof TransferBudget c && c.shares() != null
                && c.shares().stream().allMatch(s -> s != null && s.lineId() != null)) {
            return key(Kind.TRANSFER, c.adjustmentId(), c.documentNo(),
                    c.shares().stream().map(s -> s.lineId().value()).sorted().toList());
        }
        return null;
    }

    /** The explicit 调整编号, or kind × 文号 × the lines in order; null without either. */
    private static String key(Kind kind, String adjustmentId, String documentNo, List<String> lineIds) {
        if (adjustmentId != null && !adjustmentId.isBlank()) {
            return ID_PREFIX + adjustmentId.strip();
        }
        if (documentNo == null || documentNo.isBlank()) {
            return null;
        }
        List<String> sorted = lineIds.stream().sorted().toList();
        return kind.name() + "\u001f" + documentNo.strip() + "\u001f" + String.join("\u001f", sorted);
    }

    /**
     * 同一调整只记一次: true when the adjustment under this identity was recorded before with the identical content (a
     * repeat: record nothing); false when the identity is new. Refused when another adjustment holds the identity.
     *
     * @param recordedFingerprint the fingerprint recorded under {@link #key}, or null
     */
    boolean recordedOnce(Long recordedFingerprint) {
        if (recordedFingerprint == null) {
            return false;
        }
        if (recordedFingerprint == fingerprint) {
            return true;
        }
        String field = key.startsWith(ID_PREFIX) ? "adjustmentId" : "documentNo";
        throw new ConflictException(field, description + " 已记录过一笔调整，金额、业务日期或调整原因与本次不同；"
                + (key.startsWith(ID_PREFIX) ? "每笔调整须使用自己的调整编号"
                        : "同一文号对同一预算行的另一笔调整须填写调整编号（adjustmentId）加以区分")
                + "，更正已记录的调整请另行追加或追减");
    }

    /** One line's signed amount in fen. */
    private record Share(String lineId, long fen) {
    }

    private static AdjustmentIdentity of(Kind kind, String adjustmentId, String documentNo, List<Share> shares,
            LocalDate date, String reason) {
        List<Share> byLine = new ArrayList<>(shares);
        byLine.sort(Comparator.comparing(Share::lineId));
        String key = key(kind, adjustmentId, documentNo, byLine.stream().map(Share::lineId).toList());
        String description = adjustmentId != null ? "调整编号 " + adjustmentId
                : kind.label + " " + documentNo + " " + byLine.stream().map(Share::lineId)
                        .collect(Collectors.joining("、"));
        List<String> parts = new ArrayList<>(List.of(kind.name(), date.toString()));
        parts.add(reason);
        byLine.forEach(share -> parts.add(share.lineId() + "=" + share.fen()));
        return new AdjustmentIdentity(key, description, Fingerprints.of(parts.toArray(String[]::new)));
    }
}
