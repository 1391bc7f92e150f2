package cn.perfledger.domain.budget;

import java.util.ArrayList;
import java.util.List;

/**
 * Up to {@link #SIZE} expenditure vouchers, consecutive in recording order. The voucher book appends to its last
 * chunk only and opens a new one when it is full, and a voucher never changes once recorded ({@link VoucherState}),
 * so a full chunk never changes again: the application stores a full chunk of a snapshot once and lets later
 * snapshots name it by its hash, so that a snapshot does not grow with the vouchers the year holds.
 */
final class VoucherChunk {

    /**
     * 1,024 vouchers (about 110 KB of snapshot JSON): the open chunk is rewritten with every snapshot and each full
     * one adds a hash to it, so at 100,000 to 1,000,000 vouchers this keeps both parts of a snapshot near 100 KB.
     */
    static final int SIZE = 1024;

    private List<VoucherState> vouchers = new ArrayList<>();

    /** For Jackson (snapshots). */
    public VoucherChunk() {
    }

    List<VoucherState> vouchers() {
        return vouchers;
    }

    boolean full() {
        return vouchers.size() >= SIZE;
    }

    /** A copy to append to in a draft (only the open chunk is ever copied: a full one is shared). */
    VoucherChunk copy() {
        VoucherChunk copy = new VoucherChunk();
        copy.vouchers = new ArrayList<>(vouchers);
        return copy;
    }

    void add(VoucherState voucher) {
        vouchers.add(voucher);
    }

    // equals/hashCode: Axon's test fixture compares the handled aggregate with a re-sourced one by value.
    @Override
    public boolean equals(Object o) {
        return o instanceof VoucherChunk other && vouchers.equals(other.vouchers);
    }

    @Override
    public int hashCode() {
        return vouchers.hashCode();
    }
}
