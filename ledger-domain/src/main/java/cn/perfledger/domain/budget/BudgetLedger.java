package cn.perfledger.domain.budget;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.perfledger.domain.budget.BudgetCommand.CloseFiscalYear;
import cn.perfledger.domain.budget.BudgetCommand.OpenFiscalYear;
import cn.perfledger.domain.budget.BudgetEvent.FiscalYearOpened;
import cn.perfledger.domain.common.FiscalYearId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.serialization.Revision;

/**
 * The budget ledger of one department-year (部门年度预算台账), identified by its {@link FiscalYearId}
 * ({@code DEPT/2021}).
 *
 * <p>Life cycle:
 * <ol>
 *   <li><b>Opened</b> by {@link OpenFiscalYear} (effective 1 January) with the department's units and the
 *       rubric version that will score the year. Before that the ledger does not exist.</li>
 *   <li><b>Open year.</b> Budget lines are opened (no two alike), the initial budget is approved once per line
 *       and adjusted by increases, decreases and transfers (each with 文号 and reason); carry-in is recorded on
 *       1 January and unspent appropriations may be withdrawn. Vouchers are recorded singly or in all-or-nothing
 *       batches, never beyond a line's available budget; an identical resubmission is a reported no-op. Vouchers
 *       are never edited: they are reversed (冲销) and corrected by new vouchers. Procurement, the finance bureau's
 *       execution notices and fixed-asset figures are recorded alongside. A clerk's file of lines, budgets,
 *       adjustments and vouchers is imported as one command, all or nothing, by the rules of those commands.</li>
 *   <li><b>Closed</b> by {@link CloseFiscalYear} (effective 31 December): every line's unspent remainder
 *       becomes its carry-out (项目 → 结转, 基本 → 结余, unless overridden). A closed year accepts only
 *       adjustments, withdrawals, vouchers and reversals that state a {@code postCloseReason}, which their events
 *       carry. Before close such a reason is refused as a false flag.</li>
 * </ol>
 *
 * <p>The rules run in parts, one per rule family, each deciding its commands (validate, then return the events)
 * and keeping its own state: {@link LedgerYear} (opening, closing, post-close corrections), {@link LineBook} and
 * {@link LinePolicies} (lines, budgets, adjustments, carry-in, withdrawals), {@link VoucherBook} and
 * {@link VoucherPolicies} (vouchers, batches, reversals, corrections), {@link ProcurementBook},
 * {@link NoticesAndAssets} and {@link LedgerFileImport}. This class routes each command and event to its part and
 * applies what the part decided. (The parts are plain fields, not Axon {@code @AggregateMember}s: forwarding every
 * event to every member made replaying a year four times slower.)
 *
 * <p>The state holds only what the rules need, in fen: per line its available and spent amounts, per voucher its
 * line, amount, date and a payload fingerprint, and the reversed amount of each reversed voucher; so every command
 * is checked in time proportional to its own size, and the state is a plain tree that Jackson snapshots with field visibility. The
 * {@link Revision} is that snapshot's: a snapshot of another revision is skipped and the ledger rebuilt from its
 * events. Bump it whenever a field of this class or of a part changes (ledger-app's {@code SnapshotShapeTest}
 * fails until the new shape is approved). Revision 1 held every field here; revision 2 holds them in the parts;
 * revision 3 adds the adjustments' identities; revision 4 keeps the vouchers immutable in chunks of recording order
 * with the reversed amounts beside them ({@link VoucherBook}), so that a snapshot's full chunks are stored once.
 */
@Revision("4")
public class BudgetLedger {

    @AggregateIdentifier
    private String fiscalYearId;
    private LedgerYear year = new LedgerYear();
    private LineBook lineBook = new LineBook();
    private VoucherBook voucherBook = new VoucherBook();
    private ProcurementBook procurement = new ProcurementBook();
    private LedgerFileImport fileImport = new LedgerFileImport();

    /** For Axon (event sourcing) and Jackson (snapshots). */
    public BudgetLedger() {
    }

    @CommandHandler
    public BudgetLedger(OpenFiscalYear command) {
        apply(LedgerYear.open(command));
        LedgerYear.rubricOfOtherPlaceOrYear(command).ifPresent(AggregateLifecycle::apply);
    }

    // ---- the line book ----

    @CommandHandler
    public void handle(BudgetCommand.OpenBudgetLine command) {
        apply(lineBook.decide(command, year));
    }

    @CommandHandler
    public void handle(BudgetCommand.ApproveInitialBudget command) {
        apply(lineBook.decide(command, year));
    }

    /** The identical adjustment again is a reported no-op ({@link AdjustmentIdentity}). */
    @CommandHandler
    public AdjustmentOutcome handle(BudgetCommand.IncreaseBudget command) {
        return applied(lineBook.decide(command, year));
    }

    /** The identical adjustment again is a reported no-op ({@link AdjustmentIdentity}). */
    @CommandHandler
    public AdjustmentOutcome handle(BudgetCommand.DecreaseBudget command) {
        return applied(lineBook.decide(command, year));
    }

    /** The identical adjustment again is a reported no-op ({@link AdjustmentIdentity}). */
    @CommandHandler
    public AdjustmentOutcome handle(BudgetCommand.TransferBudget command) {
        return applied(lineBook.decide(command, year));
    }

    @CommandHandler
    public void handle(BudgetCommand.RecordCarryIn command) {
        apply(lineBook.decide(command, year));
    }

    @CommandHandler
    public void handle(BudgetCommand.ReceiveOtherFunds command) {
        apply(lineBook.decide(command, year));
    }

    @CommandHandler
    public void handle(BudgetCommand.WithdrawAppropriation command) {
        apply(lineBook.decide(command, year));
    }

    // ---- the voucher book ----

    /** Records one voucher, or reports that the identical voucher is already recorded (then nothing is applied). */
    @CommandHandler
    public ExpenditureOutcome handle(BudgetCommand.RecordExpenditure command) {
        return applied(voucherBook.decide(command, year, lineBook));
    }

    /**
     * All or nothing, reversals and corrections included; entries already recorded with the identical payload are
     * skipped and reported.
     */
    @CommandHandler
    public BatchOutcome handle(BudgetCommand.RecordExpenditureBatch command) {
        return applied(BatchReversals.decide(command, voucherBook.decide(command, year, lineBook), year, lineBook,
                voucherBook));
    }

    @CommandHandler
    public void handle(BudgetCommand.ReverseExpenditure command) {
        apply(voucherBook.decide(command, year));
    }

    // ---- procurement ----

    @CommandHandler
    public void handle(BudgetCommand.PlanProcurement command) {
        apply(procurement.decide(command, year));
    }

    @CommandHandler
    public void handle(BudgetCommand.SignProcurementContract command) {
        apply(procurement.decide(command, year));
    }

    @CommandHandler
    public void handle(BudgetCommand.FileProcurementContract command) {
        apply(procurement.decide(command, year));
    }

    @CommandHandler
    public void handle(BudgetCommand.RecordProcurementExecution command) {
        apply(procurement.decide(command, year));
    }

    // ---- notices and assets ----

    @CommandHandler
    public void handle(BudgetCommand.RecordExecutionNotice command) {
        apply(NoticesAndAssets.decide(command, year));
    }

    @CommandHandler
    public void handle(BudgetCommand.RecordFixedAssets command) {
        apply(NoticesAndAssets.decide(command, year));
    }

    @CommandHandler
    public void handle(BudgetCommand.RecordStaffing command) {
        apply(NoticesAndAssets.decide(command, year));
    }

    // ---- the file import ----

    /** All or nothing; a file already imported (same SHA-256) is a reported no-op. */
    @CommandHandler
    public LedgerImportOutcome handle(BudgetCommand.ImportLedgerFile command) {
        return applied(fileImport.decide(command, year, lineBook, voucherBook));
    }

    // ---- the close ----

    @CommandHandler
    public void handle(CloseFiscalYear command) {
        apply(year.close(command, lineBook));
    }

    private static <T> T applied(Decision<T> decision) {
        decision.events().forEach(AggregateLifecycle::apply);
        return decision.outcome();
    }

    // ---- event sourcing: each part assigns its own state ----

    @EventSourcingHandler
    private void on(FiscalYearOpened event) {
        fiscalYearId = event.fiscalYearId().toString();
        year.on(event);
    }

    @EventSourcingHandler
    private void on(BudgetEvent.BudgetLineOpened event) {
        lineBook.on(event);
    }

    @EventSourcingHandler
    private void on(BudgetEvent.InitialBudgetApproved event) {
        lineBook.on(event);
    }

    @EventSourcingHandler
    private void on(BudgetEvent.BudgetIncreased event) {
        lineBook.on(event);
    }

    @EventSourcingHandler
    private void on(BudgetEvent.BudgetDecreased event) {
        lineBook.on(event);
    }

    @EventSourcingHandler
    private void on(BudgetEvent.BudgetTransferred event) {
        lineBook.on(event);
    }

    @EventSourcingHandler
    private void on(BudgetEvent.CarryInRecorded event) {
        lineBook.on(event);
    }

    @EventSourcingHandler
    private void on(BudgetEvent.OtherFundsReceived event) {
        lineBook.on(event);
    }

    @EventSourcingHandler
    private void on(BudgetEvent.AppropriationWithdrawn event) {
        lineBook.on(event);
    }

    @EventSourcingHandler
    private void on(BudgetEvent.ExpenditureRecorded event) {
        voucherBook.on(event);
        lineBook.on(event);
    }

    @EventSourcingHandler
    private void on(BudgetEvent.ExpenditureReversed event) {
        voucherBook.on(event);
        lineBook.on(event);
    }

    @EventSourcingHandler
    private void on(BudgetEvent.ProcurementPlanned event) {
        procurement.on(event);
    }

    @EventSourcingHandler
    private void on(BudgetEvent.ProcurementContractSigned event) {
        procurement.on(event);
    }

    @EventSourcingHandler
    private void on(BudgetEvent.ProcurementContractFiled event) {
        procurement.on(event);
    }

    @EventSourcingHandler
    private void on(BudgetEvent.LedgerFileImported event) {
        fileImport.on(event);
    }

    // ProcurementExecuted, ExecutionNoticeRecorded, FixedAssetsRecorded, StaffingRecorded and
    // RubricOfOtherPlaceOrYearNoted change no rule's state: no handler.

    @EventSourcingHandler
    private void on(BudgetEvent.FiscalYearClosed event) {
        year.on(event);
    }
}
