package cn.perfledger.domain.budget;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.perfledger.domain.budget.BudgetCommand.ApproveInitialBudget;
import cn.perfledger.domain.budget.BudgetCommand.CloseFiscalYear;
import cn.perfledger.domain.budget.BudgetCommand.DecreaseBudget;
import cn.perfledger.domain.budget.BudgetCommand.ExpenditureEntry;
import cn.perfledger.domain.budget.BudgetCommand.FileProcurementContract;
import cn.perfledger.domain.budget.BudgetCommand.ImportLedgerFile;
import cn.perfledger.domain.budget.BudgetCommand.IncreaseBudget;
import cn.perfledger.domain.budget.BudgetCommand.OpenBudgetLine;
import cn.perfledger.domain.budget.BudgetCommand.OpenFiscalYear;
import cn.perfledger.domain.budget.BudgetCommand.PlanProcurement;
import cn.perfledger.domain.budget.BudgetCommand.RecordCarryIn;
import cn.perfledger.domain.budget.BudgetCommand.RecordExecutionNotice;
import cn.perfledger.domain.budget.BudgetCommand.RecordExpenditure;
import cn.perfledger.domain.budget.BudgetCommand.RecordExpenditureBatch;
import cn.perfledger.domain.budget.BudgetCommand.RecordFixedAssets;
import cn.perfledger.domain.budget.BudgetCommand.RecordProcurementExecution;
import cn.perfledger.domain.budget.BudgetCommand.ReverseExpenditure;
import cn.perfledger.domain.budget.BudgetCommand.SignProcurementContract;
import cn.perfledger.domain.budget.BudgetCommand.TransferBudget;
import cn.perfledger.domain.budget.BudgetCommand.WithdrawAppropriation;
import cn.perfledger.domain.budget.BudgetEvent.AppropriationWithdrawn;
import cn.perfledger.domain.budget.BudgetEvent.BudgetDecreased;
import cn.perfledger.domain.budget.BudgetEvent.BudgetIncreased;
import cn.perfledger.domain.budget.BudgetEvent.BudgetLineOpened;
import cn.perfledger.domain.budget.BudgetEvent.BudgetTransferred;
import cn.perfledger.domain.budget.BudgetEvent.CarryInRecorded;
import cn.perfledger.domain.budget.BudgetEvent.ExecutionNoticeRecorded;
import cn.perfledger.domain.budget.BudgetEvent.ExpenditureRecorded;
import cn.perfledger.domain.budget.BudgetEvent.ExpenditureReversed;
import cn.perfledger.domain.budget.BudgetEvent.FiscalYearClosed;
import cn.perfledger.domain.budget.BudgetEvent.FiscalYearOpened;
import cn.perfledger.domain.budget.BudgetEvent.FixedAssetsRecorded;
import cn.perfledger.domain.budget.BudgetEvent.InitialBudgetApproved;
import cn.perfledger.domain.budget.BudgetEvent.LedgerFileImported;
import cn.perfledger.domain.budget.BudgetEvent.LineCarryOut;
import cn.perfledger.domain.budget.BudgetEvent.LineShare;
import cn.perfledger.domain.budget.BudgetEvent.ProcurementContractFiled;
import cn.perfledger.domain.budget.BudgetEvent.ProcurementContractSigned;
import cn.perfledger.domain.budget.BudgetEvent.ProcurementExecuted;
import cn.perfledger.domain.budget.BudgetEvent.ProcurementPlanned;
import cn.perfledger.domain.budget.BudgetEvent.UnitRef;
import cn.perfledger.domain.common.BudgetLineId;
import cn.perfledger.domain.common.ConflictException;
import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.FiscalYear;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.domain.common.Ids;
import cn.perfledger.domain.common.Money;
import cn.perfledger.domain.common.ProcurementId;
import cn.perfledger.domain.common.VoucherNo;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;

/**
 * The budget ledger of one department-year (部门年度预算台账), identified by its {@link FiscalYearId}
 * ({@code DEPT/2021}).
 *
 * <p>Life cycle:
 * <ol>
 *   <li><b>Opened</b> by {@link OpenFiscalYear} (effective 1 January) with the department's units and the
 *       rubric version that will score the year. Before that the ledger does not exist.</li>
 *   <li><b>Open year.</b> Budget lines are opened (unit × funding source × 基本/项目 × codes; no two alike),
 *       the initial budget is approved once per line and adjusted by increases, decreases and transfers
 *       (each with 文号 and reason); carry-in is recorded on 1 January and unspent appropriations may be
 *       withdrawn. Vouchers are recorded singly or in all-or-nothing batches, never beyond a line's
 *       available budget; an identical resubmission is a reported no-op. Vouchers are never edited: they
 *       are reversed (冲销) and corrected by new vouchers. Procurement, the finance bureau's execution
 *       notices and fixed-asset figures are recorded alongside. A clerk's file of lines, budgets, adjustments and
 *       vouchers is imported as one command, all or nothing, by the rules of those commands; importing the same
 *       file again is a reported no-op.</li>
 *   <li><b>Closed</b> by {@link CloseFiscalYear} (effective 31 December): every line's unspent remainder
 *       becomes its carry-out (项目 → 结转, 基本 → 结余, unless overridden). A closed year accepts only
 *       adjustments, withdrawals, vouchers and reversals that state a {@code postCloseReason}; their events
 *       carry it so that each post-close correction stays visible. Before close such a reason is refused as
 *       a false flag.</li>
 * </ol>
 *
 * <p>The state holds only what the rules need, in fen: per line its available and spent amounts, per
 * voucher its line, amount, reversed amount, date and a payload fingerprint. Every command is therefore
 * checked in time proportional to its own size, and the state is a plain tree of strings, numbers, maps and
 * small classes that Jackson can snapshot with field visibility.
 *
 * <p>The {@link Revision} is the revision of that snapshot state: a snapshot of any other revision is skipped and
 * the ledger rebuilt from its events. Bump it whenever a field of this class or of its state classes changes
 * (the snapshot shape test in ledger-app fails until the new shape is approved under the new revision).
 */
@Revision("1")
public class BudgetLedger {

    private static final String POST_CLOSE_RULE = "年度已结账，只接受注明原因的结账后更正";
    private static final int NAME_MAX = 200;
    private static final int DOCUMENT_NO_MAX = 100;
    private static final int REASON_MAX = 500;
    private static final int PAYEE_MAX = 200;
    private static final int SUMMARY_MAX = 500;
    private static final int BATCH_ID_MAX = 100;
    private static final int CONTRACT_NO_MAX = 100;
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    /** Running totals stay within what {@link Money} accepts, so every total can be stated as Money. */
    private static final long MAX_FEN = Money.MAX_ABS_YUAN.movePointRight(2).longValueExact();

    @AggregateIdentifier
    private String fiscalYearId;
    private int year;
    private Set<String> unitCodes = new HashSet<>();
    /** By line id, in opening order: the close lists carry-outs in that order. */
    private LinkedHashMap<String, LineState> lines = new LinkedHashMap<>();
    /** Canonical spec → line id, so that a duplicate spec is found without scanning the lines. */
    private Map<String, String> lineIdBySpec = new HashMap<>();
    /** Expenditure vouchers by number. */
    private Map<String, VoucherState> vouchers = new HashMap<>();
    /** Reversal vouchers share the number space of expenditures but need nothing else remembered. */
    private Set<String> reversalVoucherNos = new HashSet<>();
    private Set<String> procurementIds = new HashSet<>();
    /** Signed contracts by contract number. */
    private Map<String, ContractState> contracts = new HashMap<>();
    /** Imported files: SHA-256 of the file → import id, so that importing a file twice is a no-op. */
    private Map<String, String> importedFiles = new HashMap<>();
    private boolean closed;

    /** For Axon (event sourcing) and Jackson (snapshots). */
    public BudgetLedger() {
    }

    @CommandHandler
    public BudgetLedger(OpenFiscalYear command) {
        FiscalYearId id = require("fiscalYearId", command.fiscalYearId(), "部门年度不能为空");
        String departmentName = Ids.requireText("departmentName", command.departmentName(), NAME_MAX);
        List<UnitRef> units = validUnits(command.units());
        require("rubricVersion", command.rubricVersion(), "评价体系版本不能为空");
        apply(new FiscalYearOpened(id, id.department(), id.year().year(), departmentName, units,
                command.rubricVersion(), id.year().firstDay()));
    }

    @CommandHandler
    public void handle(OpenBudgetLine command) {
        apply(decide(command));
    }

    /*
     * Each decide(...) checks a command against the current state and returns its event without applying it: the
     * command handler applies it, and an import decides its rows the same way on a scratch copy (see
     * handle(ImportLedgerFile)), so that both obey one set of rules.
     */
    private BudgetLineOpened decide(OpenBudgetLine command) {
        refuseAfterClose();
        BudgetLineId lineId = require("lineId", command.lineId(), "预算行编号不能为空");
        if (lines.containsKey(lineId.value())) {
            throw new ConflictException("lineId", "预算行编号已存在: " + lineId);
        }
        BudgetLineSpec spec = require("spec", command.spec(), "预算行要素不能为空");
        if (!unitCodes.contains(spec.unit().value())) {
            throw new DomainException("spec.unit",
                    "单位不属于本部门年度: " + spec.unit() + "（本年度的单位: " + String.join("、", new TreeSet<>(unitCodes)) + "）");
        }
        String twin = lineIdBySpec.get(specKey(spec));
        if (twin != null) {
            throw new ConflictException("spec", "与预算行 " + twin + " 的要素（单位、资金来源、支出类型、项目、功能分类、经济分类）完全相同");
        }
        fiscalYear().requireContains("effectiveDate", command.effectiveDate());
        return new BudgetLineOpened(command.fiscalYearId(), lineId, spec, command.effectiveDate());
    }

    @CommandHandler
    public void handle(ApproveInitialBudget command) {
        apply(decide(command));
    }

    private InitialBudgetApproved decide(ApproveInitialBudget command) {
        refuseAfterClose();
        LineState line = knownLine("lineId", command.lineId());
        long fen = positiveFen("amount", command.amount());
        if (line.initialApproved()) {
            throw new ConflictException("lineId", "预算行 " + command.lineId() + " 的年初预算已批复，变动请用追加、调减或调剂");
        }
        String documentNo = Ids.requireText("documentNo", command.documentNo(), DOCUMENT_NO_MAX);
        fiscalYear().requireContains("effectiveDate", command.effectiveDate());
        requireNotBeforeOpening("effectiveDate", command.lineId(), line, command.effectiveDate());
        requireWithinMax("amount", line.availableFen(), fen);
        return new InitialBudgetApproved(command.fiscalYearId(), command.lineId(), command.amount(), documentNo,
                command.effectiveDate());
    }

    @CommandHandler
    public void handle(IncreaseBudget command) {
        apply(decide(command));
    }

    private BudgetIncreased decide(IncreaseBudget command) {
        String postCloseReason = postCloseReason(command.postCloseReason());
        LineState line = knownLine("lineId", command.lineId());
        long fen = positiveFen("amount", command.amount());
        String documentNo = Ids.requireText("documentNo", command.documentNo(), DOCUMENT_NO_MAX);
        String reason = Ids.requireText("reason", command.reason(), REASON_MAX);
        fiscalYear().requireContains("effectiveDate", command.effectiveDate());
        requireNotBeforeOpening("effectiveDate", command.lineId(), line, command.effectiveDate());
        requireWithinMax("amount", line.availableFen(), fen);
        return new BudgetIncreased(command.fiscalYearId(), command.lineId(), command.amount(), documentNo, reason,
                command.effectiveDate(), postCloseReason);
    }

    @CommandHandler
    public void handle(DecreaseBudget command) {
        apply(decide(command));
    }

    private BudgetDecreased decide(DecreaseBudget command) {
        String postCloseReason = postCloseReason(command.postCloseReason());
        LineState line = knownLine("lineId", command.lineId());
        long fen = positiveFen("amount", command.amount());
        requireNotBelowSpent("amount", command.lineId(), line, fen, "调减");
        String documentNo = Ids.requireText("documentNo", command.documentNo(), DOCUMENT_NO_MAX);
        String reason = Ids.requireText("reason", command.reason(), REASON_MAX);
        fiscalYear().requireContains("effectiveDate", command.effectiveDate());
        requireNotBeforeOpening("effectiveDate", command.lineId(), line, command.effectiveDate());
        return new BudgetDecreased(command.fiscalYearId(), command.lineId(), command.amount(), documentNo, reason,
                command.effectiveDate(), postCloseReason);
    }

    @CommandHandler
    public void handle(TransferBudget command) {
        apply(decide(command));
    }

    private BudgetTransferred decide(TransferBudget command) {
        String postCloseReason = postCloseReason(command.postCloseReason());
        List<LineShare> shares = command.shares();
        if (shares == null || shares.size() < 2) {
            throw new DomainException("shares", "调剂至少涉及两个预算行");
        }
        Set<String> seen = new HashSet<>();
        long netFen = 0;
        for (int i = 0; i < shares.size(); i++) {
            String field = "shares[" + i + "]";
            LineShare share = require(field, shares.get(i), "调剂行不能为空");
            LineState line = knownLine(field + ".lineId", share.lineId());
            if (!seen.add(share.lineId().value())) {
                throw new DomainException(field + ".lineId", "同一预算行在一次调剂中只能出现一次: " + share.lineId());
            }
            Money amount = require(field + ".amount", share.amount(), "金额不能为空");
            long fen = amount.fen();
            if (fen == 0) {
                throw new DomainException(field + ".amount", "调剂金额不能为 0");
            }
            if (fen < 0) {
                requireNotBelowSpent(field + ".amount", share.lineId(), line, -fen, "调出");
            } else {
                requireWithinMax(field + ".amount", line.availableFen(), fen);
            }
            netFen += fen;
        }
        if (netFen != 0) {
            throw new DomainException("shares", "调剂各行金额之和必须为 0，当前合计 " + yuan(netFen) + " 元");
        }
        String documentNo = Ids.requireText("documentNo", command.documentNo(), DOCUMENT_NO_MAX);
        String reason = Ids.requireText("reason", command.reason(), REASON_MAX);
        fiscalYear().requireContains("effectiveDate", command.effectiveDate());
        for (int i = 0; i < shares.size(); i++) {
            requireNotBeforeOpening("effectiveDate", shares.get(i).lineId(), line(shares.get(i).lineId()),
                    command.effectiveDate());
        }
        return new BudgetTransferred(command.fiscalYearId(), List.copyOf(shares), documentNo, reason,
                command.effectiveDate(), postCloseReason);
    }

    @CommandHandler
    public void handle(RecordCarryIn command) {
        refuseAfterClose();
        LineState line = knownLine("lineId", command.lineId());
        long fen = positiveFen("amount", command.amount());
        CarryOverKind kind = require("kind", command.kind(), "结转结余类型不能为空，可选: CARRY_FORWARD（结转）, SURPLUS（结余）");
        requireWithinMax("amount", line.availableFen(), fen);
        if (line.openedOnEpochDay() > fiscalYear().firstDay().toEpochDay()) {
            throw new DomainException("lineId", "年初结转结余只能记入年初（1月1日）设立的预算行，预算行 " + command.lineId()
                    + " 设立于 " + LocalDate.ofEpochDay(line.openedOnEpochDay()));
        }
        // Carry-in is last year's money: it is available from the first day of this one.
        apply(new CarryInRecorded(command.fiscalYearId(), command.lineId(), command.amount(), kind,
                fiscalYear().firstDay()));
    }

    @CommandHandler
    public void handle(WithdrawAppropriation command) {
        String postCloseReason = postCloseReason(command.postCloseReason());
        LineState line = knownLine("lineId", command.lineId());
        long fen = positiveFen("amount", command.amount());
        if (fen > line.unspentFen()) {
            throw new DomainException("amount", "收回金额 " + yuan(fen) + " 元超过预算行 " + command.lineId() + " 未支出的可用预算 "
                    + yuan(line.unspentFen()) + " 元（可用预算 " + yuan(line.availableFen()) + " 元，已支出 "
                    + yuan(line.spentFen()) + " 元）");
        }
        String documentNo = optionalText("documentNo", command.documentNo(), DOCUMENT_NO_MAX);
        String reason = Ids.requireText("reason", command.reason(), REASON_MAX);
        fiscalYear().requireContains("effectiveDate", command.effectiveDate());
        requireNotBeforeOpening("effectiveDate", command.lineId(), line, command.effectiveDate());
        apply(new AppropriationWithdrawn(command.fiscalYearId(), command.lineId(), command.amount(), documentNo,
                reason, command.effectiveDate(), postCloseReason));
    }

    /** Records one voucher, or reports that the identical voucher is already recorded (then nothing is applied). */
    @CommandHandler
    public ExpenditureOutcome handle(RecordExpenditure command) {
        Optional<ExpenditureRecorded> recorded = decide(command, null);
        String number = command.entry().voucherNo().value();
        if (recorded.isEmpty()) {
            return ExpenditureOutcome.alreadyRecorded(number);
        }
        apply(recorded.get());
        return ExpenditureOutcome.recorded(number);
    }

    /** The voucher's event, or empty when the identical voucher is already recorded (a resubmission). */
    private Optional<ExpenditureRecorded> decide(RecordExpenditure command, String batchId) {
        String postCloseReason = postCloseReason(command.postCloseReason());
        ValidEntry entry = validEntry("entry", command.entry());
        if (isVoucherNoUsed(entry.number())) {
            requireIdentical("entry.voucherNo", entry);
            return Optional.empty();
        }
        VoucherNo correctionOf = command.correctionOf();
        if (correctionOf != null) {
            VoucherState original = knownExpenditure("correctionOf", correctionOf);
            if (original.reversedFen() == 0) {
                throw new DomainException("correctionOf", "原凭证 " + correctionOf + " 尚未冲销：更正前须先冲销原凭证");
            }
        }
        requireAvailable("entry.amount", entry, 0);
        return Optional.of(entry.toEvent(command.fiscalYearId(), batchId, correctionOf, postCloseReason));
    }

    /**
     * Records a batch all or nothing: every entry is validated (lines, amounts, dates, cumulative availability,
     * numbers unique in the batch and in the year) before any event is applied. Entries already recorded with
     * the identical payload are skipped and reported.
     */
    @CommandHandler
    public BatchOutcome handle(RecordExpenditureBatch command) {
        String postCloseReason = postCloseReason(command.postCloseReason());
        String batchId = Ids.requireText("batchId", command.batchId(), BATCH_ID_MAX);
        List<ExpenditureEntry> entries = command.entries();
        if (entries == null || entries.isEmpty()) {
            throw new DomainException("entries", "批次至少需要一条凭证");
        }
        Map<String, Integer> indexByNumber = new HashMap<>();
        Map<String, Long> pendingFenByLine = new HashMap<>();
        List<ValidEntry> toRecord = new ArrayList<>();
        List<String> alreadyRecorded = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String field = "entries[" + i + "]";
            ValidEntry entry = validEntry(field, entries.get(i));
            Integer earlier = indexByNumber.putIfAbsent(entry.number(), i);
            if (earlier != null) {
                throw new DomainException(field + ".voucherNo",
                        "批次内凭证号重复（与 entries[" + earlier + "] 相同）: " + entry.number());
            }
            if (isVoucherNoUsed(entry.number())) {
                requireIdentical(field + ".voucherNo", entry);
                alreadyRecorded.add(entry.number());
                continue;
            }
            long pendingFen = pendingFenByLine.getOrDefault(entry.lineKey(), 0L);
            requireAvailable(field + ".amount", entry, pendingFen);
            pendingFenByLine.put(entry.lineKey(), pendingFen + entry.fen());
            toRecord.add(entry);
        }
        for (ValidEntry entry : toRecord) {
            apply(entry.toEvent(command.fiscalYearId(), batchId, null, postCloseReason));
        }
        return new BatchOutcome(toRecord.size(), alreadyRecorded.size(), alreadyRecorded);
    }

    /**
     * Imports a file all or nothing. The rows are decided one after the other on a scratch copy of this ledger
     * that takes each row's events, so every row meets the rules of its own command against the ledger as the
     * earlier rows leave it (a voucher may spend a line opened and budgeted further up the file). A refused row
     * leaves the copy as it was and the next rows are still checked, so that the clerk gets every refusal at
     * once. Only when no row is refused are the collected events applied here, followed by
     * {@link LedgerFileImported}; a file already imported (same SHA-256) is a reported no-op.
     */
    @CommandHandler
    public LedgerImportOutcome handle(ImportLedgerFile command) {
        String importId = Ids.requireText("importId", command.importId(), BATCH_ID_MAX);
        String fileName = Ids.requireText("fileName", command.fileName(), NAME_MAX);
        String sha256 = require("sha256", command.sha256(), "文件摘要不能为空");
        if (!SHA256_HEX.matcher(sha256).matches()) {
            throw new DomainException("sha256", "文件摘要须为 64 位小写十六进制 SHA-256: " + sha256);
        }
        List<BudgetCommand> rows = command.rows();
        if (rows == null || rows.isEmpty()) {
            throw new DomainException("rows", "导入文件没有数据行");
        }
        if (rows.size() > ImportLedgerFile.MAX_ROWS) {
            throw new DomainException("rows", "一个导入文件最多 " + ImportLedgerFile.MAX_ROWS + " 行，本文件 " + rows.size()
                    + " 行；请分成多个文件导入");
        }
        String earlierImport = importedFiles.get(sha256);
        if (earlierImport != null) {
            return new LedgerImportOutcome(false, true, earlierImport, rows.size(), 0, List.of());
        }
        if (closed) {
            // an import cannot state a post-close reason per row; late corrections are entered one by one
            throw new DomainException("postCloseReason", "年度已结账，不能导入文件；结账后更正请逐笔登记并注明原因");
        }
        BudgetLedger scratch = scratchCopy();
        List<BudgetEvent> events = new ArrayList<>();
        List<String> alreadyRecorded = new ArrayList<>();
        List<ImportRefusedException.RowRefusal> refusals = new ArrayList<>();
        Set<String> voucherNos = new HashSet<>();
        int refused = 0;
        for (int i = 0; i < rows.size(); i++) {
            BudgetCommand row = rows.get(i);
            try {
                requireFirstInFile(row, voucherNos);
                List<BudgetEvent> rowEvents = scratch.decideImportRow(command.fiscalYearId(), row, importId);
                if (rowEvents.isEmpty() && row instanceof RecordExpenditure voucher) {
                    alreadyRecorded.add(voucher.entry().voucherNo().value());
                }
                rowEvents.forEach(scratch::evolveImported);
                events.addAll(rowEvents);
            } catch (DomainException e) {
                refused++;
                if (refusals.size() < ImportRefusedException.MAX_LISTED) {
                    refusals.add(new ImportRefusedException.RowRefusal(i, e.field(), e.rule(),
                            e instanceof ConflictException));
                }
            }
        }
        if (refused > 0) {
            throw new ImportRefusedException(refusals, refused);
        }
        if (events.isEmpty()) {
            // every row was a voucher recorded before: nothing to record, not even the import
            return new LedgerImportOutcome(false, false, importId, rows.size(), 0, alreadyRecorded);
        }
        LocalDate latest = events.get(0).effectiveDate();
        for (BudgetEvent event : events) {
            apply(event);
            latest = event.effectiveDate().isAfter(latest) ? event.effectiveDate() : latest;
        }
        apply(new LedgerFileImported(command.fiscalYearId(), importId, fileName, sha256, rows.size(), events.size(),
                latest));
        return new LedgerImportOutcome(true, false, importId, rows.size(), events.size(), alreadyRecorded);
    }

    /** As in a batch, a voucher number may occur once per file: a repeated row is a copy-and-paste slip. */
    private static void requireFirstInFile(BudgetCommand row, Set<String> voucherNos) {
        if (row instanceof RecordExpenditure voucher && voucher.entry() != null && voucher.entry().voucherNo() != null
                && !voucherNos.add(voucher.entry().voucherNo().value())) {
            throw new DomainException("entry.voucherNo", "凭证号在本文件中重复: " + voucher.entry().voucherNo());
        }
    }

    /** Decides one import row by the rules of its own command; vouchers are tagged with the import id. */
    private List<BudgetEvent> decideImportRow(FiscalYearId target, BudgetCommand row, String importId) {
        require("rows", row, "导入行不能为空");
        if (!target.equals(row.fiscalYearId())) {
            throw new DomainException("fiscalYearId", "导入行属于另一个部门年度: " + row.fiscalYearId() + "（本次导入: " + target + "）");
        }
        if (row instanceof OpenBudgetLine c) {
            return List.of(decide(c));
        } else if (row instanceof ApproveInitialBudget c) {
            return List.of(decide(c));
        } else if (row instanceof IncreaseBudget c) {
            return List.of(decide(c));
        } else if (row instanceof DecreaseBudget c) {
            return List.of(decide(c));
        } else if (row instanceof TransferBudget c) {
            return List.of(decide(c));
        } else if (row instanceof RecordExpenditure c) {
            return decide(c, importId).<List<BudgetEvent>>map(List::of).orElse(List.of());
        }
        throw new DomainException("rows", "导入文件不支持此类记录: " + row.getClass().getSimpleName());
    }

    /**
     * A copy to decide import rows on. It copies exactly what the events of import rows change (lines, the spec
     * index, the voucher index) and shares the rest, which those events never touch: see
     * {@link #evolveImported}.
     */
    private BudgetLedger scratchCopy() {
        BudgetLedger copy = new BudgetLedger();
        copy.fiscalYearId = fiscalYearId;
        copy.year = year;
        copy.unitCodes = unitCodes;
        lines.forEach((id, line) -> copy.lines.put(id, line.copy()));
        copy.lineIdBySpec = new HashMap<>(lineIdBySpec);
        // ExpenditureRecorded adds vouchers; it never changes one already recorded, so the states can be shared
        copy.vouchers = new HashMap<>(vouchers);
        copy.reversalVoucherNos = reversalVoucherNos;
        copy.procurementIds = procurementIds;
        copy.contracts = contracts;
        copy.importedFiles = importedFiles;
        copy.closed = closed;
        return copy;
    }

    /** Applies an import row's event to a scratch copy through the same event-sourcing handlers. */
    private void evolveImported(BudgetEvent event) {
        if (event instanceof BudgetLineOpened e) {
            on(e);
        } else if (event instanceof InitialBudgetApproved e) {
            on(e);
        } else if (event instanceof BudgetIncreased e) {
            on(e);
        } else if (event instanceof BudgetDecreased e) {
            on(e);
        } else if (event instanceof BudgetTransferred e) {
            on(e);
        } else if (event instanceof ExpenditureRecorded e) {
            on(e);
        } else {
            throw new IllegalStateException("not an import row's event: " + event.getClass().getSimpleName());
        }
    }

    @CommandHandler
    public void handle(ReverseExpenditure command) {
        String postCloseReason = postCloseReason(command.postCloseReason());
        VoucherNo voucherNo = require("voucherNo", command.voucherNo(), "凭证号不能为空");
        if (isVoucherNoUsed(voucherNo.value())) {
            throw new ConflictException("voucherNo", "凭证号已使用: " + voucherNo + "；冲销须使用新的凭证号");
        }
        VoucherNo originalNo = require("originalVoucherNo", command.originalVoucherNo(), "原凭证号不能为空");
        VoucherState original = knownExpenditure("originalVoucherNo", originalNo);
        long fen = positiveFen("amount", command.amount());
        if (fen > original.unreversedFen()) {
            throw new DomainException("amount", "冲销金额 " + yuan(fen) + " 元超过原凭证 " + originalNo + " 可冲销的余额：原金额 "
                    + yuan(original.amountFen()) + " 元，已冲销 " + yuan(original.reversedFen()) + " 元");
        }
        String reason = Ids.requireText("reason", command.reason(), REASON_MAX);
        LocalDate date = command.effectiveDate();
        fiscalYear().requireContains("effectiveDate", date);
        if (date.isBefore(original.effectiveDate())) {
            throw new DomainException("effectiveDate", "冲销日期 " + date + " 不能早于原凭证 " + originalNo + " 的日期 "
                    + original.effectiveDate());
        }
        apply(new ExpenditureReversed(command.fiscalYearId(), voucherNo, originalNo,
                new BudgetLineId(original.lineId()), command.amount(), reason, date, postCloseReason));
    }

    @CommandHandler
    public void handle(PlanProcurement command) {
        refuseAfterClose();
        ProcurementId procurementId = require("procurementId", command.procurementId(), "采购项目编号不能为空");
        if (procurementIds.contains(procurementId.value())) {
            throw new ConflictException("procurementId", "采购项目编号已存在: " + procurementId);
        }
        String name = Ids.requireText("name", command.name(), NAME_MAX);
        require("category", command.category(), "采购品目不能为空，可选: GOODS（货物）, WORKS（工程）, SERVICES（服务）");
        long planFen = positiveFen("planAmount", command.planAmount());
        long reserveFen = nonNegativeFen("smeReserve", command.smeReserve());
        if (reserveFen > planFen) {
            throw new DomainException("smeReserve", "预留中小企业份额 " + command.smeReserve() + " 元不能超过采购预算 "
                    + command.planAmount() + " 元");
        }
        fiscalYear().requireContains("effectiveDate", command.effectiveDate());
        apply(new ProcurementPlanned(command.fiscalYearId(), procurementId, name, command.category(),
                command.planAmount(), command.smeReserve(), command.effectiveDate()));
    }

    @CommandHandler
    public void handle(SignProcurementContract command) {
        refuseAfterClose();
        ProcurementId procurementId = knownProcurement(command.procurementId());
        String contractNo = Ids.requireText("contractNo", command.contractNo(), CONTRACT_NO_MAX);
        if (contracts.containsKey(contractNo)) {
            throw new ConflictException("contractNo", "合同编号已登记签订: " + contractNo);
        }
        positiveFen("contractAmount", command.contractAmount());
        LocalDate signed = command.signedDate();
        fiscalYear().requireContains("signedDate", signed);
        LocalDate awarded = require("awardNoticeDate", command.awardNoticeDate(), "中标（成交）通知书日期不能为空");
        // The award may come at the end of the previous year for a contract signed early in this one.
        if (awarded.getYear() != year && awarded.getYear() != year - 1) {
            throw new DomainException("awardNoticeDate", "中标（成交）通知书日期须在 " + (year - 1) + " 或 " + year + " 年度内: " + awarded);
        }
        if (awarded.isAfter(signed)) {
            throw new DomainException("awardNoticeDate", "中标（成交）通知书日期 " + awarded + " 不能晚于合同签订日期 " + signed);
        }
        apply(new ProcurementContractSigned(command.fiscalYearId(), procurementId, contractNo,
                command.contractAmount(), awarded, signed));
    }

    @CommandHandler
    public void handle(FileProcurementContract command) {
        refuseAfterClose();
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
        if (filed.isBefore(contract.signedDate())) {
            throw new DomainException("filedDate", "备案日期 " + filed + " 不能早于合同签订日期 " + contract.signedDate());
        }
        // Contracts signed late in the year are often filed in the first months of the next one.
        LocalDate lastFilingDay = LocalDate.of(year + 1, 3, 31);
        if (filed.isAfter(lastFilingDay)) {
            throw new DomainException("filedDate", "备案日期 " + filed + " 晚于本年度合同可登记备案的最后一天 " + lastFilingDay);
        }
        apply(new ProcurementContractFiled(command.fiscalYearId(), procurementId, contractNo, filed));
    }

    @CommandHandler
    public void handle(RecordProcurementExecution command) {
        refuseAfterClose();
        ProcurementId procurementId = knownProcurement(command.procurementId());
        long fen = positiveFen("amount", command.amount());
        long smeFen = nonNegativeFen("smeAwardedAmount", command.smeAwardedAmount());
        if (smeFen > fen) {
            throw new DomainException("smeAwardedAmount", "授予中小企业金额 " + command.smeAwardedAmount() + " 元不能超过采购金额 "
                    + command.amount() + " 元");
        }
        fiscalYear().requireContains("effectiveDate", command.effectiveDate());
        apply(new ProcurementExecuted(command.fiscalYearId(), procurementId, command.amount(),
                command.smeAwardedAmount(), command.effectiveDate()));
    }

    @CommandHandler
    public void handle(RecordExecutionNotice command) {
        refuseAfterClose();
        String documentNo = Ids.requireText("documentNo", command.documentNo(), DOCUMENT_NO_MAX);
        BigDecimal required = require("requiredProgress", command.requiredProgress(), "序时进度不能为空");
        if (required.signum() <= 0 || required.compareTo(BigDecimal.ONE) > 0) {
            throw new DomainException("requiredProgress", "序时进度须为大于 0、不超过 1 的小数（0.75 表示 75%）: " + required.toPlainString());
        }
        BigDecimal published = require("publishedRate", command.publishedRate(), "通报执行率不能为空");
        if (published.signum() < 0) {
            throw new DomainException("publishedRate", "通报执行率不能为负（0.75 表示 75%）: " + published.toPlainString());
        }
        fiscalYear().requireContains("noticeDate", command.noticeDate());
        apply(new ExecutionNoticeRecorded(command.fiscalYearId(), documentNo, required, published,
                command.noticeDate()));
    }

    /** In-use value above the original value is accepted: published figures contain that mistake and the reconciler reports it. */
    @CommandHandler
    public void handle(RecordFixedAssets command) {
        refuseAfterClose();
        nonNegativeFen("originalValue", command.originalValue());
        nonNegativeFen("inUseValue", command.inUseValue());
        fiscalYear().requireContains("effectiveDate", command.effectiveDate());
        apply(new FixedAssetsRecorded(command.fiscalYearId(), command.originalValue(), command.inUseValue(),
                command.effectiveDate()));
    }

    @CommandHandler
    public void handle(CloseFiscalYear command) {
        if (closed) {
            throw new ConflictException("fiscalYearId", "年度已结账，不能重复结账: " + fiscalYearId);
        }
        Map<String, CarryOverKind> overrides = new HashMap<>();
        if (command.kindOverrides() != null) {
            for (Map.Entry<BudgetLineId, CarryOverKind> override : command.kindOverrides().entrySet()) {
                BudgetLineId lineId = require("kindOverrides", override.getKey(), "预算行编号不能为空");
                String field = "kindOverrides[" + lineId + "]";
                knownLine(field, lineId);
                overrides.put(lineId.value(), require(field, override.getValue(), "结转结余类型不能为空"));
            }
        }
        List<LineCarryOut> carryOuts = new ArrayList<>();
        lines.forEach((lineId, line) -> {
            if (line.unspentFen() != 0) {
                CarryOverKind kind = overrides.getOrDefault(lineId, defaultCarryOverKind(line.kind()));
                carryOuts.add(new LineCarryOut(new BudgetLineId(lineId), Money.ofFen(line.unspentFen()), kind));
            }
        });
        apply(new FiscalYearClosed(command.fiscalYearId(), List.copyOf(carryOuts), fiscalYear().lastDay()));
    }

    // ---- event sourcing: assignment only ----

    @EventSourcingHandler
    private void on(FiscalYearOpened event) {
        fiscalYearId = event.fiscalYearId().toString();
        year = event.year();
        for (UnitRef unit : event.units()) {
            unitCodes.add(unit.code().value());
        }
    }

    @EventSourcingHandler
    private void on(BudgetLineOpened event) {
        lines.put(event.lineId().value(), new LineState(event.spec().kind(), event.effectiveDate().toEpochDay()));
        lineIdBySpec.put(specKey(event.spec()), event.lineId().value());
    }

    @EventSourcingHandler
    private void on(InitialBudgetApproved event) {
        LineState line = line(event.lineId());
        line.markInitialApproved();
        line.addAvailable(event.amount().fen());
    }

    @EventSourcingHandler
    private void on(BudgetIncreased event) {
        line(event.lineId()).addAvailable(event.amount().fen());
    }

    @EventSourcingHandler
    private void on(BudgetDecreased event) {
        line(event.lineId()).addAvailable(-event.amount().fen());
    }

    @EventSourcingHandler
    private void on(BudgetTransferred event) {
        for (LineShare share : event.shares()) {
            line(share.lineId()).addAvailable(share.amount().fen());
        }
    }

    @EventSourcingHandler
    private void on(CarryInRecorded event) {
        line(event.lineId()).addAvailable(event.amount().fen());
    }

    @EventSourcingHandler
    private void on(AppropriationWithdrawn event) {
        line(event.lineId()).addAvailable(-event.amount().fen());
    }

    @EventSourcingHandler
    private void on(ExpenditureRecorded event) {
        long fen = event.amount().fen();
        vouchers.put(event.voucherNo().value(), new VoucherState(event.lineId().value(), fen, event.effectiveDate(),
                VoucherState.fingerprint(event.lineId().value(), fen, event.effectiveDate(), event.payee(),
                        event.summary())));
        line(event.lineId()).addSpent(fen);
    }

    @EventSourcingHandler
    private void on(ExpenditureReversed event) {
        long fen = event.amount().fen();
        reversalVoucherNos.add(event.voucherNo().value());
        vouchers.get(event.originalVoucherNo().value()).addReversed(fen);
        line(event.lineId()).addSpent(-fen);
    }

    @EventSourcingHandler
    private void on(ProcurementPlanned event) {
        procurementIds.add(event.procurementId().value());
    }

    @EventSourcingHandler
    private void on(ProcurementContractSigned event) {
        contracts.put(event.contractNo(), new ContractState(event.procurementId().value(), event.effectiveDate()));
    }

    @EventSourcingHandler
    private void on(ProcurementContractFiled event) {
        contracts.get(event.contractNo()).markFiled();
    }

    @EventSourcingHandler
    private void on(LedgerFileImported event) {
        importedFiles.put(event.sha256(), event.importId());
    }

    // ProcurementExecuted, ExecutionNoticeRecorded and FixedAssetsRecorded change no rule's state: no handler.

    @EventSourcingHandler
    private void on(FiscalYearClosed event) {
        closed = true;
    }

    // ---- validation helpers ----

    /** A validated, normalized voucher entry and the fingerprint of its payload. */
    private record ValidEntry(VoucherNo voucherNo, BudgetLineId lineId, Money amount, LocalDate effectiveDate,
            String payee, String summary, long fingerprint) {

        String number() {
            return voucherNo.value();
        }

        String lineKey() {
            return lineId.value();
        }

        long fen() {
            return amount.fen();
        }

        ExpenditureRecorded toEvent(FiscalYearId fiscalYearId, String batchId, VoucherNo correctionOf,
                String postCloseReason) {
            return new ExpenditureRecorded(fiscalYearId, voucherNo, lineId, amount, effectiveDate, payee, summary,
                    batchId, correctionOf, postCloseReason);
        }
    }

    private ValidEntry validEntry(String field, ExpenditureEntry entry) {
        require(field, entry, "凭证不能为空");
        VoucherNo voucherNo = require(field + ".voucherNo", entry.voucherNo(), "凭证号不能为空");
        LineState line = knownLine(field + ".lineId", entry.lineId());
        long fen = positiveFen(field + ".amount", entry.amount());
        fiscalYear().requireContains(field + ".effectiveDate", entry.effectiveDate());
        requireNotBeforeOpening(field + ".effectiveDate", entry.lineId(), line, entry.effectiveDate());
        String payee = optionalText(field + ".payee", entry.payee(), PAYEE_MAX);
        String summary = optionalText(field + ".summary", entry.summary(), SUMMARY_MAX);
        long fingerprint = VoucherState.fingerprint(entry.lineId().value(), fen, entry.effectiveDate(), payee, summary);
        return new ValidEntry(voucherNo, entry.lineId(), entry.amount(), entry.effectiveDate(), payee, summary,
                fingerprint);
    }

    private boolean isVoucherNoUsed(String number) {
        return vouchers.containsKey(number) || reversalVoucherNos.contains(number);
    }

    /** A used number is fine only for the identical expenditure (a resubmission); anything else is a conflict. */
    private void requireIdentical(String field, ValidEntry entry) {
        VoucherState recorded = vouchers.get(entry.number());
        if (recorded == null) {
            throw new ConflictException(field, "凭证号已用于冲销凭证: " + entry.number());
        }
        if (!recorded.sameFingerprint(entry.fingerprint())) {
            throw new ConflictException(field, "凭证号 " + entry.number() + " 已记录过另一笔支出（预算行、金额、日期、收款人或摘要不同）；"
                    + "更正请先冲销原凭证再以新凭证号记录");
        }
    }

    /** Spending may never exceed the line's available budget, counting earlier entries of the same batch. */
    private void requireAvailable(String field, ValidEntry entry, long pendingFen) {
        LineState line = lines.get(entry.lineKey());
        if (line.spentFen() + pendingFen + entry.fen() > line.availableFen()) {
            throw new DomainException(field, "超出预算行 " + entry.lineId() + " 的可用预算：可用预算 " + yuan(line.availableFen())
                    + " 元，已支出 " + yuan(line.spentFen()) + " 元"
                    + (pendingFen > 0 ? "，本批此前各条 " + yuan(pendingFen) + " 元" : "")
                    + "，本次 " + yuan(entry.fen()) + " 元");
        }
    }

    /** A decrease (or the outgoing share of a transfer) may not leave less budget than is already spent. */
    private static void requireNotBelowSpent(String field, BudgetLineId lineId, LineState line, long fen, String verb) {
        if (line.availableFen() - fen < line.spentFen()) {
            throw new DomainException(field, verb + " " + yuan(fen) + " 元后预算行 " + lineId + " 的可用预算将低于已支出：可用预算 "
                    + yuan(line.availableFen()) + " 元，已支出 " + yuan(line.spentFen()) + " 元，最多可" + verb + " "
                    + yuan(line.unspentFen()) + " 元");
        }
    }

    private static void requireWithinMax(String field, long currentFen, long addedFen) {
        if (currentFen + addedFen > MAX_FEN) {
            throw new DomainException(field, "预算行累计金额超出允许范围（不超过 1 万亿元）");
        }
    }

    private VoucherState knownExpenditure(String field, VoucherNo voucherNo) {
        VoucherState voucher = vouchers.get(voucherNo.value());
        if (voucher == null) {
            if (reversalVoucherNos.contains(voucherNo.value())) {
                throw new DomainException(field, "凭证 " + voucherNo + " 是冲销凭证，不是支出凭证");
            }
            throw new DomainException(field, "支出凭证不存在: " + voucherNo);
        }
        return voucher;
    }

    private LineState knownLine(String field, BudgetLineId lineId) {
        require(field, lineId, "预算行编号不能为空");
        LineState line = lines.get(lineId.value());
        if (line == null) {
            throw new DomainException(field, "预算行不存在: " + lineId);
        }
        return line;
    }

    /** Nothing on a line may be effective before the line exists, or an as-of replay would meet it first. */
    private static void requireNotBeforeOpening(String field, BudgetLineId lineId, LineState line, LocalDate date) {
        if (date != null && date.toEpochDay() < line.openedOnEpochDay()) {
            throw new DomainException(field, "业务日期 " + date + " 早于预算行 " + lineId + " 的设立日期 "
                    + LocalDate.ofEpochDay(line.openedOnEpochDay()));
        }
    }

    private ProcurementId knownProcurement(ProcurementId procurementId) {
        require("procurementId", procurementId, "采购项目编号不能为空");
        if (!procurementIds.contains(procurementId.value())) {
            throw new DomainException("procurementId", "采购项目不存在: " + procurementId);
        }
        return procurementId;
    }

    /** Commands that a closed year refuses outright. */
    private void refuseAfterClose() {
        if (closed) {
            throw new DomainException("postCloseReason", POST_CLOSE_RULE);
        }
    }

    /** After close the reason is required (and copied to the event); before close it would be a false flag. */
    private String postCloseReason(String reason) {
        if (closed) {
            if (reason == null || reason.isBlank()) {
                throw new DomainException("postCloseReason", POST_CLOSE_RULE);
            }
            return Ids.requireText("postCloseReason", reason, REASON_MAX);
        }
        if (reason != null) {
            throw new DomainException("postCloseReason", "年度尚未结账，不能填写结账后更正原因");
        }
        return null;
    }

    private FiscalYear fiscalYear() {
        return new FiscalYear(year);
    }

    private LineState line(BudgetLineId lineId) {
        return lines.get(lineId.value());
    }

    private static List<UnitRef> validUnits(List<UnitRef> units) {
        if (units == null || units.isEmpty()) {
            throw new DomainException("units", "至少需要一个单位");
        }
        Set<String> codes = new HashSet<>();
        List<UnitRef> valid = new ArrayList<>(units.size());
        for (int i = 0; i < units.size(); i++) {
            String field = "units[" + i + "]";
            UnitRef unit = require(field, units.get(i), "单位不能为空");
            require(field + ".code", unit.code(), "单位编码不能为空");
            if (!codes.add(unit.code().value())) {
                throw new DomainException(field + ".code", "单位编码重复: " + unit.code());
            }
            valid.add(new UnitRef(unit.code(), Ids.requireText(field + ".name", unit.name(), NAME_MAX)));
        }
        return List.copyOf(valid);
    }

    private static String specKey(BudgetLineSpec spec) {
        // Unit separators keep the parts apart; null project fields (基本支出) become empty parts.
        return String.join("\u001f", spec.unit().value(), spec.fundingSource().name(), spec.kind().name(),
                spec.projectCode() == null ? "" : spec.projectCode(),
                spec.projectName() == null ? "" : spec.projectName(),
                spec.functionalCode().code(), spec.economicCode().code());
    }

    private static CarryOverKind defaultCarryOverKind(ExpenditureKind kind) {
        // Unfinished project money continues (结转); basic money left over is 结余.
        return kind == ExpenditureKind.PROJECT ? CarryOverKind.CARRY_FORWARD : CarryOverKind.SURPLUS;
    }

    private static long positiveFen(String field, Money amount) {
        require(field, amount, "金额不能为空");
        if (!amount.isPositive()) {
            throw new DomainException(field, "金额必须大于 0: " + amount);
        }
        return amount.fen();
    }

    private static long nonNegativeFen(String field, Money amount) {
        require(field, amount, "金额不能为空（没有请填 0）");
        if (amount.isNegative()) {
            throw new DomainException(field, "金额不能为负: " + amount);
        }
        return amount.fen();
    }

    /** Optional text with blank normalized to null, so that "" and null fingerprint alike. */
    private static String optionalText(String field, String text, int maxLength) {
        String stripped = Ids.optionalText(field, text, maxLength);
        return stripped == null || stripped.isEmpty() ? null : stripped;
    }

    private static <T> T require(String field, T value, String rule) {
        if (value == null) {
            throw new DomainException(field, rule);
        }
        return value;
    }

    private static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
