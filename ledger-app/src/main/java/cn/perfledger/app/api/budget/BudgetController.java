package cn.perfledger.app.api.budget;

import cn.perfledger.app.api.ApiCommands;
import cn.perfledger.app.api.CommandResult;
import cn.perfledger.app.api.budget.BudgetRequests.AdjustmentRequest;
import cn.perfledger.app.api.budget.BudgetRequests.BudgetLineRequest;
import cn.perfledger.app.api.budget.BudgetRequests.CarryInRequest;
import cn.perfledger.app.api.budget.BudgetRequests.CloseRequest;
import cn.perfledger.app.api.budget.BudgetRequests.ContractRequest;
import cn.perfledger.app.api.budget.BudgetRequests.ExecutionNoticeRequest;
import cn.perfledger.app.api.budget.BudgetRequests.ExpenditureBatchRequest;
import cn.perfledger.app.api.budget.BudgetRequests.ExpenditureEntryRequest;
import cn.perfledger.app.api.budget.BudgetRequests.ExpenditureRequest;
import cn.perfledger.app.api.budget.BudgetRequests.FilingRequest;
import cn.perfledger.app.api.budget.BudgetRequests.FixedAssetsRequest;
import cn.perfledger.app.api.budget.BudgetRequests.InitialBudgetRequest;
import cn.perfledger.app.api.budget.BudgetRequests.OpenYearRequest;
import cn.perfledger.app.api.budget.BudgetRequests.OtherFundsRequest;
import cn.perfledger.app.api.budget.BudgetRequests.ProcurementExecutionRequest;
import cn.perfledger.app.api.budget.BudgetRequests.ProcurementRequest;
import cn.perfledger.app.api.budget.BudgetRequests.ReversalRequest;
import cn.perfledger.app.api.budget.BudgetRequests.StaffingRequest;
import cn.perfledger.app.api.budget.BudgetRequests.TransferRequest;
import cn.perfledger.app.api.budget.BudgetRequests.WithdrawalRequest;
import cn.perfledger.app.readmodel.DepartmentRegister;
import cn.perfledger.app.readmodel.DepartmentRegister.Register;
import cn.perfledger.app.rubric.RubricDirectory;
import cn.perfledger.domain.budget.BudgetCommand;
import cn.perfledger.domain.budget.BudgetCommand.ExpenditureEntry;
import cn.perfledger.domain.budget.BudgetEvent.LineShare;
import cn.perfledger.domain.budget.BudgetEvent.UnitRef;
import cn.perfledger.domain.budget.BudgetLineSpec;
import cn.perfledger.domain.common.DepartmentId;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.domain.common.ProcurementId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The commands of a department-year's budget ledger ({@code BudgetLedger}, id {@code DEPT/YEAR}). Each endpoint
 * sends one command; 201 when events were recorded, 200 for a reported no-op (an identical resubmission), Problem
 * Details otherwise (nothing recorded).
 */
@RestController
@RequestMapping("/api/v1/departments/{dept}/years")
@Tag(name = "预算台账 budget ledger", description = "部门年度预算台账的命令：开立、预算行、预算批复与调整、支出、采购、通报、资产、结账")
public class BudgetController {

    private static final String ADJUSTMENT_ANSWERS = "一笔调整以类型、文号和预算行（或调整编号 adjustmentId）识别。201：已登记；"
            + "200：与已登记的调整完全相同，未产生记录；409：该文号与预算行（或调整编号）已用于另一笔调整。";

    private final ApiCommands commands;
    private final DepartmentRegister register;
    private final RubricDirectory rubrics;

    public BudgetController(ApiCommands commands, DepartmentRegister register, RubricDirectory rubrics) {
        this.commands = commands;
        this.register = register;
        this.rubrics = rubrics;
    }

    @PostMapping
    @Operation(summary = "开立部门年度（OpenFiscalYear）", description = "部门名称与单位取自部门登记；部门须已登记。"
            + "评价体系版本须已发布、未停用、不晚于该年度生效，且其适用部门包含本部门；选用其他地区或其他年度的评价体系时照常开立，"
            + "并记录一条提示（自评表上显示），表头仍按本部门和本年度填写。")
    public ResponseEntity<CommandResult> open(@PathVariable String dept, @Valid @RequestBody OpenYearRequest request) {
        DepartmentId departmentId = new DepartmentId(dept);
        FiscalYearId id = FiscalYearId.of(departmentId.code(), request.year());
        Register department = register.get(departmentId);
        List<UnitRef> units = department.units().stream().map(u -> new UnitRef(u.code(), u.name())).toList();
        // a rubric of another place or year may be chosen; the command records the warning then
        return rubrics.whileUsable("rubricVersion", request.rubricVersion(), id, RubricDirectory.Use.OPEN_YEAR,
                () -> {
                    RubricDirectory.Version version = rubrics.find(request.rubricVersion()).orElseThrow();
                    return send(id, new BudgetCommand.OpenFiscalYear(id, department.name(), units,
                            request.rubricVersion(), new BudgetCommand.RubricFit(version.name(),
                                    version.jurisdiction(), version.templateYear(), department.jurisdiction())));
                });
    }

    @PostMapping("/{year}/budget-lines")
    @Operation(summary = "开立预算行（OpenBudgetLine）")
    public ResponseEntity<CommandResult> openLine(@PathVariable String dept, @PathVariable int year,
            @Valid @RequestBody BudgetLineRequest r) {
        FiscalYearId id = FiscalYearId.of(dept, year);
        BudgetLineSpec spec = new BudgetLineSpec(r.unit(), r.fundingSource(), r.kind(), r.projectCode(),
                r.projectName(), r.functionalCode(), r.economicCode());
        return send(id, new BudgetCommand.OpenBudgetLine(id, r.lineId(), spec, r.effectiveDate()));
    }

    @PostMapping("/{year}/initial-budgets")
    @Operation(summary = "年初预算批复（ApproveInitialBudget）")
    public ResponseEntity<CommandResult> approveInitial(@PathVariable String dept, @PathVariable int year,
            @Valid @RequestBody InitialBudgetRequest r) {
        FiscalYearId id = FiscalYearId.of(dept, year);
        return send(id, new BudgetCommand.ApproveInitialBudget(id, r.lineId(), r.amount(), r.documentNo(),
                r.effectiveDate()));
    }

    @PostMapping("/{year}/adjustments/increase")
    @Operation(summary = "预算追加（IncreaseBudget）", description = ADJUSTMENT_ANSWERS)
    public ResponseEntity<CommandResult> increase(@PathVariable String dept, @PathVariable int year,
            @Valid @RequestBody AdjustmentRequest r) {
        FiscalYearId id = FiscalYearId.of(dept, year);
        return send(id, new BudgetCommand.IncreaseBudget(id, r.lineId(), r.amount(), r.documentNo(), r.reason(),
                r.effectiveDate(), r.postCloseReason(), r.adjustmentId()));
    }

    @PostMapping("/{year}/adjustments/decrease")
    @Operation(summary = "预算调减（DecreaseBudget）", description = ADJUSTMENT_ANSWERS)
    public ResponseEntity<CommandResult> decrease(@PathVariable String dept, @PathVariable int year,
            @Valid @RequestBody AdjustmentRequest r) {
        FiscalYearId id = FiscalYearId.of(dept, year);
        return send(id, new BudgetCommand.DecreaseBudget(id, r.lineId(), r.amount(), r.documentNo(), r.reason(),
                r.effectiveDate(), r.postCloseReason(), r.adjustmentId()));
    }

    @PostMapping("/{year}/adjustments/transfer")
    @Operation(summary = "预算调剂（TransferBudget）", description = "各行金额之和必须为 0。" + ADJUSTMENT_ANSWERS)
    public ResponseEntity<CommandResult> transfer(@PathVariable String dept, @PathVariable int year,
            @Valid @RequestBody TransferRequest r) {
        FiscalYearId id = FiscalYearId.of(dept, year);
        List<LineShare> shares = r.shares().stream().map(s -> new LineShare(s.lineId(), s.amount())).toList();
        return send(id, new BudgetCommand.TransferBudget(id, shares, r.documentNo(), r.reason(),
                r.effectiveDate(), r.postCloseReason(), r.adjustmentId()));
    }

    @PostMapping("/{year}/carry-ins")
    @Operation(summary = "年初结转结余（RecordCarryIn）")
    public ResponseEntity<CommandResult> carryIn(@PathVariable String dept, @PathVariable int year,
            @Valid @RequestBody CarryInRequest r) {
        FiscalYearId id = FiscalYearId.of(dept, year);
        return send(id, new BudgetCommand.RecordCarryIn(id, r.lineId(), r.amount(), r.kind()));
    }

    @PostMapping("/{year}/other-funds")
    @Operation(summary = "其他资金收入（ReceiveOtherFunds）", description = "只能记入资金来源为“其他”或“财政专户”的预算行；"
            + "收到的资金可在该行支出，不计入全年预算数，因此执行数可以超过全年预算数（执行率超过 100%）。"
            + "财政拨款的增加须以预算追加登记。")
    public ResponseEntity<CommandResult> otherFunds(@PathVariable String dept, @PathVariable int year,
            @Valid @RequestBody OtherFundsRequest r) {
        FiscalYearId id = FiscalYearId.of(dept, year);
        return send(id, new BudgetCommand.ReceiveOtherFunds(id, r.lineId(), r.amount(), r.documentNo(), r.reason(),
                r.effectiveDate()));
    }

    @PostMapping("/{year}/withdrawals")
    @Operation(summary = "指标收回（WithdrawAppropriation）")
    public ResponseEntity<CommandResult> withdraw(@PathVariable String dept, @PathVariable int year,
            @Valid @RequestBody WithdrawalRequest r) {
        FiscalYearId id = FiscalYearId.of(dept, year);
        return send(id, new BudgetCommand.WithdrawAppropriation(id, r.lineId(), r.amount(), r.documentNo(),
                r.reason(), r.effectiveDate(), r.postCloseReason()));
    }

    @PostMapping("/{year}/expenditures")
    @Operation(summary = "登记支出凭证（RecordExpenditure）",
            description = "201：已登记；200：与已登记凭证完全相同，未产生记录；409：凭证号已用于不同内容。")
    public ResponseEntity<CommandResult> expenditure(@PathVariable String dept, @PathVariable int year,
            @Valid @RequestBody ExpenditureRequest r) {
        FiscalYearId id = FiscalYearId.of(dept, year);
        ExpenditureEntry entry = new ExpenditureEntry(r.voucherNo(), r.lineId(), r.amount(), r.effectiveDate(),
                r.payee(), r.summary());
        return send(id, new BudgetCommand.RecordExpenditure(id, entry, r.correctionOf(), r.postCloseReason()));
    }

    @PostMapping("/{year}/expenditure-batches")
    @Operation(summary = "批量登记支出凭证（RecordExpenditureBatch）",
            description = "全部登记或全部不登记；与已登记凭证完全相同的条目跳过并在结果中列出。可带红字冲销（reversals，"
                    + "在本批凭证之后判定）和更正凭证（corrections，在冲销之后判定）。")
    public ResponseEntity<CommandResult> expenditureBatch(@PathVariable String dept, @PathVariable int year,
            @Valid @RequestBody ExpenditureBatchRequest r) {
        FiscalYearId id = FiscalYearId.of(dept, year);
        List<ExpenditureEntry> entries = r.entries().stream().map(BudgetController::entry).toList();
        List<BudgetCommand.ReversalEntry> reversals = r.reversals() == null ? List.of() : r.reversals().stream()
                .map(v -> new BudgetCommand.ReversalEntry(v.voucherNo(), v.originalVoucherNo(), v.amount(), v.reason(),
                        v.effectiveDate()))
                .toList();
        List<BudgetCommand.CorrectionEntry> corrections = r.corrections() == null ? List.of() : r.corrections()
                .stream().map(c -> new BudgetCommand.CorrectionEntry(new ExpenditureEntry(c.voucherNo(), c.lineId(),
                        c.amount(), c.effectiveDate(), c.payee(), c.summary()), c.correctionOf()))
                .toList();
        return send(id, new BudgetCommand.RecordExpenditureBatch(id, r.batchId(), entries, r.postCloseReason(),
                reversals, corrections));
    }

    @PostMapping("/{year}/reversals")
    @Operation(summary = "冲销支出凭证（ReverseExpenditure）")
    public ResponseEntity<CommandResult> reverse(@PathVariable String dept, @PathVariable int year,
            @Valid @RequestBody ReversalRequest r) {
        FiscalYearId id = FiscalYearId.of(dept, year);
        return send(id, new BudgetCommand.ReverseExpenditure(id, r.voucherNo(), r.originalVoucherNo(), r.amount(),
                r.reason(), r.effectiveDate(), r.postCloseReason()));
    }

    @PostMapping("/{year}/procurements")
    @Operation(summary = "政府采购预算（PlanProcurement）")
    public ResponseEntity<CommandResult> planProcurement(@PathVariable String dept, @PathVariable int year,
            @Valid @RequestBody ProcurementRequest r) {
        FiscalYearId id = FiscalYearId.of(dept, year);
        return send(id, new BudgetCommand.PlanProcurement(id, r.procurementId(), r.name(), r.category(),
                r.planAmount(), r.smeReserve(), r.effectiveDate()));
    }

    @PostMapping("/{year}/procurements/{procurementId}/contract")
    @Operation(summary = "采购合同签订（SignProcurementContract）")
    public ResponseEntity<CommandResult> signContract(@PathVariable String dept, @PathVariable int year,
            @PathVariable String procurementId, @Valid @RequestBody ContractRequest r) {
        FiscalYearId id = FiscalYearId.of(dept, year);
        return send(id, new BudgetCommand.SignProcurementContract(id, new ProcurementId(procurementId),
                r.contractNo(), r.contractAmount(), r.awardNoticeDate(), r.signedDate()));
    }

    @PostMapping("/{year}/procurements/{procurementId}/filing")
    @Operation(summary = "采购合同备案（FileProcurementContract）")
    public ResponseEntity<CommandResult> fileContract(@PathVariable String dept, @PathVariable int year,
            @PathVariable String procurementId, @Valid @RequestBody FilingRequest r) {
        FiscalYearId id = FiscalYearId.of(dept, year);
        return send(id, new BudgetCommand.FileProcurementContract(id, new ProcurementId(procurementId),
                r.contractNo(), r.filedDate()));
    }

    @PostMapping("/{year}/procurements/{procurementId}/executions")
    @Operation(summary = "采购执行（RecordProcurementExecution）")
    public ResponseEntity<CommandResult> executeProcurement(@PathVariable String dept, @PathVariable int year,
            @PathVariable String procurementId, @Valid @RequestBody ProcurementExecutionRequest r) {
        FiscalYearId id = FiscalYearId.of(dept, year);
        return send(id, new BudgetCommand.RecordProcurementExecution(id, new ProcurementId(procurementId),
                r.amount(), r.smeAwardedAmount(), r.effectiveDate()));
    }

    @PostMapping("/{year}/execution-notices")
    @Operation(summary = "财政局执行进度通报（RecordExecutionNotice）")
    public ResponseEntity<CommandResult> executionNotice(@PathVariable String dept, @PathVariable int year,
            @Valid @RequestBody ExecutionNoticeRequest r) {
        FiscalYearId id = FiscalYearId.of(dept, year);
        return send(id, new BudgetCommand.RecordExecutionNotice(id, r.documentNo(), r.requiredProgress(),
                r.publishedRate(), r.noticeDate()));
    }

    @PostMapping("/{year}/fixed-assets")
    @Operation(summary = "固定资产（RecordFixedAssets）")
    public ResponseEntity<CommandResult> fixedAssets(@PathVariable String dept, @PathVariable int year,
            @Valid @RequestBody FixedAssetsRequest r) {
        FiscalYearId id = FiscalYearId.of(dept, year);
        return send(id, new BudgetCommand.RecordFixedAssets(id, r.originalValue(), r.inUseValue(),
                r.effectiveDate()));
    }

    @PostMapping("/{year}/staffing")
    @Operation(summary = "财政供养人员（RecordStaffing）", description = "编制数与实有人数；以最后登记的为准。")
    public ResponseEntity<CommandResult> staffing(@PathVariable String dept, @PathVariable int year,
            @Valid @RequestBody StaffingRequest r) {
        FiscalYearId id = FiscalYearId.of(dept, year);
        return send(id, new BudgetCommand.RecordStaffing(id, r.authorizedPositions(), r.actualHeadcount(),
                r.documentNo(), r.effectiveDate()));
    }

    @PostMapping("/{year}/close")
    @Operation(summary = "年度结账（CloseFiscalYear）", description = "计算各预算行年末结转结余并封账。")
    public ResponseEntity<CommandResult> close(@PathVariable String dept, @PathVariable int year,
            @RequestBody(required = false) CloseRequest r) {
        FiscalYearId id = FiscalYearId.of(dept, year);
        return send(id, new BudgetCommand.CloseFiscalYear(id,
                r == null || r.kindOverrides() == null ? Map.of() : r.kindOverrides()));
    }

    private static ExpenditureEntry entry(ExpenditureEntryRequest r) {
        return new ExpenditureEntry(r.voucherNo(), r.lineId(), r.amount(), r.effectiveDate(), r.payee(), r.summary());
    }

    private ResponseEntity<CommandResult> send(FiscalYearId id, BudgetCommand command) {
        return commands.send(id.toString(), command);
    }
}
