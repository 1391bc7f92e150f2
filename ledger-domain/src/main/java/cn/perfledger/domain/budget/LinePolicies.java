package cn.perfledger.domain.budget;

import static cn.perfledger.domain.budget.Inputs.yuan;

import cn.perfledger.domain.common.BudgetLineId;
import cn.perfledger.domain.common.ConflictException;
import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.FiscalYear;
import cn.perfledger.domain.common.Money;
import java.time.LocalDate;

/**
 * The rules of a budget line's money, each a named policy. A line's available budget is its initial budget, plus
 * increases, minus decreases, plus or minus transfers, plus carry-in, plus other funds received (其他资金收入, only on
 * lines funded from other sources), minus withdrawals; its spent amount is its
 * vouchers minus their reversals ({@link LineState}). Each policy throws a {@link DomainException} naming the field
 * and the rule when broken.
 */
final class LinePolicies {

    /** Running totals stay within what {@link Money} accepts, so every total can be stated as Money. */
    private static final long MAX_FEN = Money.MAX_ABS_YUAN.movePointRight(2).longValueExact();

    private LinePolicies() {
    }

    /** 年初预算只批复一次: later changes are increases, decreases or transfers. */
    static void initialBudgetApprovedOnce(BudgetLineId lineId, LineState line) {
        if (line.initialApproved()) {
            throw new ConflictException("lineId", "预算行 " + lineId + " 的年初预算已批复，变动请用追加、调减或调剂");
        }
    }

    /** 不早于预算行设立: nothing on a line may be effective before the line exists, or an as-of replay would meet it first. */
    static void notBeforeTheLineOpens(String field, BudgetLineId lineId, LineState line, LocalDate date) {
        if (date != null && date.toEpochDay() < line.openedOnEpochDay()) {
            throw new DomainException(field, "业务日期 " + date + " 早于预算行 " + lineId + " 的设立日期 "
                    + LocalDate.ofEpochDay(line.openedOnEpochDay()));
        }
    }

    /** 累计金额不超过上限: a line's total stays within what {@link Money} can state. */
    static void totalWithinMoneyRange(String field, long currentFen, long addedFen) {
        if (currentFen + addedFen > MAX_FEN) {
            throw new DomainException(field, "预算行累计金额超出允许范围（不超过 1 万亿元）");
        }
    }

    /** 调减不低于已支出: a decrease (or the outgoing share of a transfer) may not leave less budget than is spent. */
    static void decreaseNotBelowSpent(String field, BudgetLineId lineId, LineState line, long fen, String verb) {
        if (line.availableFen() - fen < line.spentFen()) {
            throw new DomainException(field, verb + " " + yuan(fen) + " 元后预算行 " + lineId + " 的可用预算将低于已支出：可用预算 "
                    + yuan(line.availableFen()) + " 元，已支出 " + yuan(line.spentFen()) + " 元，最多可" + verb + " "
                    + yuan(line.unspentFen()) + " 元");
        }
    }

    /** 收回不超过未支出: an appropriation withdrawn is at most what the line has not spent. */
    static void withdrawalWithinUnspent(BudgetLineId lineId, LineState line, long fen) {
        if (fen > line.unspentFen()) {
            throw new DomainException("amount", "收回金额 " + yuan(fen) + " 元超过预算行 " + lineId + " 未支出的可用预算 "
                    + yuan(line.unspentFen()) + " 元（可用预算 " + yuan(line.availableFen()) + " 元，已支出 "
                    + yuan(line.spentFen()) + " 元）");
        }
    }

    /** 调剂各行合计为零: a transfer moves budget between lines and creates none. */
    static void transferNetsToZero(long netFen) {
        if (netFen != 0) {
            throw new DomainException("shares", "调剂各行金额之和必须为 0，当前合计 " + yuan(netFen) + " 元");
        }
    }

    /** 年初结转结余只记入年初设立的预算行: carry-in is last year's money, available from the year's first day. */
    static void carryInOnlyOnLinesOfTheFirstDay(BudgetLineId lineId, LineState line, FiscalYear year) {
        if (line.openedOnEpochDay() > year.firstDay().toEpochDay()) {
            throw new DomainException("lineId", "年初结转结余只能记入年初（1月1日）设立的预算行，预算行 " + lineId
                    + " 设立于 " + LocalDate.ofEpochDay(line.openedOnEpochDay()));
        }
    }

    /**
     * 支出不超过可用预算: spending may never exceed the line's available budget, counting the earlier entries of the
     * same batch ({@code pendingFen}).
     */
    static void spendingWithinAvailableBudget(String field, BudgetLineId lineId, LineState line, long pendingFen,
            long fen) {
        if (line.spentFen() + pendingFen + fen > line.availableFen()) {
            throw new DomainException(field, "超出预算行 " + lineId + " 的可用预算：可用预算 " + yuan(line.availableFen())
                    + " 元，已支出 " + yuan(line.spentFen()) + " 元"
                    + (pendingFen > 0 ? "，本批此前各条 " + yuan(pendingFen) + " 元" : "")
                    + "，本次 " + yuan(fen) + " 元");
        }
    }

    /**
     * 其他资金只记入非财政拨款预算行: money beyond the budget comes in only on lines funded from other sources; a
     * 财政拨款 line gets more budget by an increase (追加) with its 文号, never by a receipt.
     */
    static void otherFundsOnlyOnOtherSourceLines(BudgetLineId lineId, FundingSource source) {
        if (source.isFiscalAppropriation()) {
            throw new DomainException("lineId", "预算行 " + lineId + " 的资金来源是" + source.chineseName()
                    + "（财政拨款），财政拨款增加须以预算追加（文号）登记；其他资金收入只能记入资金来源为“其他”或“财政专户”的预算行");
        }
    }

    /** 结转与结余: at close, unfinished project money continues (结转); basic money left over is 结余. */
    static CarryOverKind defaultCarryOverKind(ExpenditureKind kind) {
        return kind == ExpenditureKind.PROJECT ? CarryOverKind.CARRY_FORWARD : CarryOverKind.SURPLUS;
    }
}
