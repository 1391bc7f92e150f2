package cn.perfledger.domain.budget;

import static cn.perfledger.domain.budget.Inputs.CONTRACT_NO_MAX;
import static cn.perfledger.domain.budget.Inputs.NAME_MAX;
import static cn.perfledger.domain.budget.Inputs.nonNegativeFen;
import static cn.perfledger.domain.budget.Inputs.positiveFen;
import static cn.perfledger.domain.budget.Inputs.require;

import cn.perfledger.domain.budget.BudgetCommand.FileProcurementContract;
import cn.perfledger.domain.budget.BudgetCommand.PlanProcurement;
import cn.perfledger.domain.budget.BudgetCommand.RecordProcurementExecution;
import cn.perfledger.domain.budget.BudgetCommand.SignProcurementContract;
import cn.perfledger.domain.budget.BudgetEvent.ProcurementContractFiled;
import cn.perfledger.domain.budget.BudgetEvent.ProcurementContractSigned;
import cn.perfledger.domain.budget.BudgetEvent.ProcurementExecuted;
import cn.perfledger.domain.budget.BudgetEvent.ProcurementPlanned;
import cn.perfledger.domain.common.ConflictException;
import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.Ids;
import cn.perfledger.domain.common.Money;
import cn.perfledger.domain.common.ProcurementId;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The procurement book (政府采购): plans, signed and filed contracts, executed amounts. Keeps the planned
 * procurement ids and, per signed contract, its plan, signing date and filing.
 *
 * <p>Policies, by name: {@link #smeShareWithin} (预留/授予中小企业份额不超过采购金额), {@link #awardNoticeDated} (中标通知书
 * 在本年或上年，不晚于签订), {@link #filedInTime} (备案不早于签订、不晚于次年 3 月 31 日), and each number once (项目编号,
 * 合同编号, 备案).
 */
final class ProcurementBook {

    private Set<String> procurementIds = new HashSet<>();
    /** Signed contracts by contract number. */
    private Map<String, ContractState> contracts = new HashMap<>();

    /** For Axon (event sourcing) and Jackson (snapshots). */
    public ProcurementBook() {
    }

    ProcurementPlanned decide(PlanProcurement command, LedgerYear year) {
        year.refuseAfterClose();
        ProcurementId procurementId = require("procurementId", command.procurementId(), "采购项目编号不能为空");
        if (procurementIds.contains(procurementId.value())) {
            throw new ConflictException("procurementId", "采购项目编号已存在: " + procurementId);
        }
        String name = Ids.requireText("name", command.name(), NAME_MAX);
        require("category", command.category(), "采购品目不能为空，可选: GOODS（货物）, WORKS（工程）, SERVICES（服务）");
        long planFen = positiveFen("planAmount", command.planAmount());
        long reserveFen = nonNegativeFen("smeReserve", command.smeReserve());
        smeShareWithin("smeReserve", "预留中小企业份额 ", command.smeReserve(), reserveFen, "采购预算 ",
                command.planAmount(), planFen);
        year.fiscalYear().requireContains("effectiveDate", command.effectiveDate());
        return new ProcurementPlanned(command.fiscalYearId(), procurementId, name, command.category(),
                command.planAmount(), command.smeReserve(), command.effectiveDate());
    }

    ProcurementContractSigned decide(SignProcurementContract command, LedgerYear year) {
        year.refuseAfterClose();
        ProcurementId procurementId = knownProcurement(command.procurementId());
        String contractNo = Ids.requireText("contractNo", command.contractNo(), CONTRACT_NO_MAX);
        if (contracts.containsKey(contractNo)) {
            throw new ConflictException("contractNo", "合同编号已登记签订: " + contractNo);
        }
        positiveFen("contractAmount", command.contractAmount());
        LocalDate signed = command.signedDate();
        year.fiscalYear().requireContains("signedDate", signed);
        LocalDate awarded = require("awardNoticeDate", command.awardNoticeDate(), "中标（成交）通知书日期不能为空");
        awardNoticeDated(awarded, signed, year.year());
        return new ProcurementContractSigned(command.fiscalYearId(), procurementId, contractNo,
                command.contractAmount(), awarded, signed);
    }

    ProcurementContractFiled decide(FileProcurementContract command, LedgerYear year) {
        year.refuseAfterClose();
        ProcurementId procurementId = knownProcurement(command.procurementId());
        String contractNo = Ids.requireText("contractNo", command.contractNo(), CONTRACT_NO_MAX);
        ContractState contract = contracts.get(contractNo);
        if (contract == null || !contract.procurementId().equals(procurementId.value())) {
            throw new DomainException("contractNo", "采购项目 " + procurementId + " 没有已签订的合同 " + contractNo + "：须先登记签订");
        }
        if (contract.filed()) {
            throw new ConflictException("contractNo", "合同已备案: " + contractNo);
        }
        LocalDate filed = require("filedDate", command.filedDate(), "备案日期不能为空");
        filedInTime(filed, contract.signedDate(), year.year());
        return new ProcurementContractFiled(command.fiscalYearId(), procurementId, contractNo, filed);
    }

    ProcurementExecuted decide(RecordProcurementExecution command, LedgerYear year) {
        year.refuseAfterClose();
        ProcurementId procurementId = knownProcurement(command.procurementId());
        long fen = positiveFen("amount", command.amount());
        long smeFen = nonNegativeFen("smeAwardedAmount", command.smeAwardedAmount());
        smeShareWithin("smeAwardedAmount", "授予中小企业金额 ", command.smeAwardedAmount(), smeFen, "采购金额 ",
                command.amount(), fen);
        year.fiscalYear().requireContains("effectiveDate", command.effectiveDate());
        return new ProcurementExecuted(command.fiscalYearId(), procurementId, command.amount(),
                command.smeAwardedAmount(), command.effectiveDate());
    }

    private ProcurementId knownProcurement(ProcurementId procurementId) {
        require("procurementId", procurementId, "采购项目编号不能为空");
        if (!procurementIds.contains(procurementId.value())) {
            throw new DomainException("procurementId", "采购项目不存在: " + procurementId);
        }
        return procurementId;
    }

    // ---- policies ----

    /** 中小企业份额不超过总额: the share reserved for (or awarded to) small enterprises is part of the whole. */
    private static void smeShareWithin(String field, String shareLabel, Money share, long shareFen, String wholeLabel,
            Money whole, long wholeFen) {
        if (shareFen > wholeFen) {
            throw new DomainException(field, shareLabel + share + " 元不能超过" + wholeLabel + whole + " 元");
        }
    }

    /** 中标通知书日期: in this year or the last (an award late in the last year), never after the signing. */
    private static void awardNoticeDated(LocalDate awarded, LocalDate signed, int year) {
        if (awarded.getYear() != year && awarded.getYear() != year - 1) {
            throw new DomainException("awardNoticeDate", "中标（成交）通知书日期须在 " + (year - 1) + " 或 " + year + " 年度内: " + awarded);
        }
        if (awarded.isAfter(signed)) {
            throw new DomainException("awardNoticeDate", "中标（成交）通知书日期 " + awarded + " 不能晚于合同签订日期 " + signed);
        }
    }

    /** 合同备案日期: not before the signing, and (contracts signed late are filed early next year) by 31 March. */
    private static void filedInTime(LocalDate filed, LocalDate signed, int year) {
        if (filed.isBefore(signed)) {
            throw new DomainException("filedDate", "备案日期 " + filed + " 不能早于合同签订日期 " + signed);
        }
        LocalDate lastFilingDay = LocalDate.of(year + 1, 3, 31);
        if (filed.isAfter(lastFilingDay)) {
            throw new DomainException("filedDate", "备案日期 " + filed + " 晚于本年度合同可登记备案的最后一天 " + lastFilingDay);
        }
    }

    // ---- event sourcing (called by the ledger's handlers): assignment only ----

    void on(ProcurementPlanned event) {
        procurementIds.add(event.procurementId().value());
    }

    void on(ProcurementContractSigned event) {
        contracts.put(event.contractNo(), new ContractState(event.procurementId().value(), event.effectiveDate()));
    }

    void on(ProcurementContractFiled event) {
        contracts.get(event.contractNo()).markFiled();
    }
}
