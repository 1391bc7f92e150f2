package cn.perfledger.domain.budget;

import static cn.perfledger.domain.budget.Inputs.yuan;

import cn.perfledger.domain.common.ConflictException;
import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.VoucherNo;
import java.time.LocalDate;

/**
 * The rules of vouchers (支出凭证 and 冲销凭证), each a named policy. Vouchers are never edited: a wrong one is
 * reversed and corrected by a new voucher. Each policy throws a {@link DomainException} naming the field and the rule
 * when broken.
 */
final class VoucherPolicies {

    private VoucherPolicies() {
    }

    /**
     * 凭证号年度内唯一: a used number is fine only for the identical expenditure (a resubmission, a reported no-op);
     * anything else under it is a conflict. {@code recorded} is the expenditure under that number, or null when a
     * reversal holds it.
     */
    static void usedNumberOnlyForTheIdenticalVoucher(String field, String number, VoucherState recorded,
            long fingerprint) {
        if (recorded == null) {
            throw new ConflictException(field, "凭证号已用于冲销凭证: " + number);
        }
        if (!recorded.sameFingerprint(fingerprint)) {
            throw new ConflictException(field, "凭证号 " + number + " 已记录过另一笔支出（预算行、金额、日期、收款人或摘要不同）；"
                    + "更正请先冲销原凭证再以新凭证号记录");
        }
    }

    /** 批次内凭证号不重复: a number repeated within one batch or file is a copy-and-paste slip. */
    static void numberOncePerBatch(String field, String number, Integer earlierIndex) {
        if (earlierIndex != null) {
            throw new DomainException(field, "批次内凭证号重复（与 entries[" + earlierIndex + "] 相同）: " + number);
        }
    }

    /** 更正须先冲销: a correcting voucher names an original that has been reversed. */
    static void correctionOnlyOfAReversedVoucher(VoucherNo correctionOf, long originalReversedFen) {
        if (originalReversedFen == 0) {
            throw new DomainException("correctionOf", "原凭证 " + correctionOf + " 尚未冲销：更正前须先冲销原凭证");
        }
    }

    /** 冲销须用新凭证号: a reversal takes a number no voucher of the year holds. */
    static void reversalTakesANewNumber(VoucherNo voucherNo, boolean used) {
        if (used) {
            throw new ConflictException("voucherNo", "凭证号已使用: " + voucherNo + "；冲销须使用新的凭证号");
        }
    }

    /** 冲销不超过原凭证余额: the reversals of a voucher never add up to more than the voucher. */
    static void reversalWithinTheUnreversed(VoucherNo originalNo, VoucherState original, long reversedFen,
            long fen) {
        if (fen > original.amountFen() - reversedFen) {
            throw new DomainException("amount", "冲销金额 " + yuan(fen) + " 元超过原凭证 " + originalNo + " 可冲销的余额：原金额 "
                    + yuan(original.amountFen()) + " 元，已冲销 " + yuan(reversedFen) + " 元");
        }
    }

    /** 冲销不早于原凭证: a reversal is effective on or after the voucher it reverses. */
    static void reversalNotBeforeTheOriginal(VoucherNo originalNo, VoucherState original, LocalDate date) {
        if (date.isBefore(original.effectiveDate())) {
            throw new DomainException("effectiveDate", "冲销日期 " + date + " 不能早于原凭证 " + originalNo + " 的日期 "
                    + original.effectiveDate());
        }
    }
}
