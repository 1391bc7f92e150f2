package cn.perfledger.domain.budget;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What {@link BudgetLedger} remembers of one expenditure voucher as it was recorded. A year may hold 100,000
 * vouchers, so the payload is kept only as a 64-bit fingerprint: enough to tell an identical resubmission (a no-op)
 * from a reused voucher number (a conflict).
 *
 * <p>Immutable once recorded: what a reversal changes (the reversed amount) is kept by {@link VoucherBook} beside
 * it, so that the vouchers of a {@link VoucherChunk} that is full never change and its snapshot is written once.
 */
final class VoucherState {

    private String voucherNo;
    private String lineId;
    private long amountFen;
    /** Effective date as epoch day: a reversal may not precede it. */
    private long effectiveEpochDay;
    private long fingerprint;

    /** For Jackson (snapshots). */
    public VoucherState() {
    }

    VoucherState(String voucherNo, String lineId, long amountFen, LocalDate effectiveDate, long fingerprint) {
        this.voucherNo = voucherNo;
        this.lineId = lineId;
        this.amountFen = amountFen;
        this.effectiveEpochDay = effectiveDate.toEpochDay();
        this.fingerprint = fingerprint;
    }

    /**
     * The fingerprint of a voucher's payload (line, amount, effective date, payee, summary): the first 8 bytes
     * of a SHA-256, so that two different payloads under one number are told apart with certainty in practice.
     */
    static long fingerprint(String lineId, long amountFen, LocalDate effectiveDate, String payee, String summary) {
        return Fingerprints.of(lineId, Long.toString(amountFen), effectiveDate.toString(), payee, summary);
    }

    String voucherNo() {
        return voucherNo;
    }

    String lineId() {
        return lineId;
    }

    long amountFen() {
        return amountFen;
    }

    LocalDate effectiveDate() {
        return LocalDate.ofEpochDay(effectiveEpochDay);
    }

    boolean sameFingerprint(long other) {
        return fingerprint == other;
    }

    // equals/hashCode: Axon's test fixture compares the handled aggregate with a re-sourced one by value.
    @Override
    public boolean equals(Object o) {
        return o instanceof VoucherState other && Objects.equals(voucherNo, other.voucherNo)
                && Objects.equals(lineId, other.lineId) && amountFen == other.amountFen
                && effectiveEpochDay == other.effectiveEpochDay && fingerprint == other.fingerprint;
    }

    @Override
    public int hashCode() {
        return Objects.hash(voucherNo, lineId, amountFen, effectiveEpochDay, fingerprint);
    }
}
