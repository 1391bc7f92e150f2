package cn.perfledger.projections.ledger;

import cn.perfledger.domain.budget.BudgetEvent;
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
import cn.perfledger.domain.budget.BudgetEvent.LineShare;
import cn.perfledger.domain.budget.BudgetEvent.OtherFundsReceived;
import cn.perfledger.domain.budget.BudgetEvent.ProcurementContractFiled;
import cn.perfledger.domain.budget.BudgetEvent.ProcurementContractSigned;
import cn.perfledger.domain.budget.BudgetEvent.ProcurementExecuted;
import cn.perfledger.domain.budget.BudgetEvent.ProcurementPlanned;
import cn.perfledger.domain.budget.BudgetEvent.RubricOfOtherPlaceOrYearNoted;
import cn.perfledger.domain.budget.BudgetEvent.StaffingRecorded;
import cn.perfledger.domain.budget.FundingSource;
import cn.perfledger.domain.common.BudgetLineId;
import cn.perfledger.domain.common.ProcurementId;
import cn.perfledger.projections.basis.RecordedEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The pure fold of a department-year's budget events into its ledger figures. Feed it events in replay
 * order (see {@code Replay}); it ignores events of other streams. Live read models and as-of replays use
 * this same class, so there is one implementation of every figure.
 */
public final class LedgerFold implements Consumer<RecordedEvent> {

    private FiscalYearOpened opened;
    private final Map<BudgetLineId, LineFigures> lines = new LinkedHashMap<>();
    private final Map<ProcurementId, ProcurementFigures> procurements = new LinkedHashMap<>();
    private final List<NoticeFigures> notices = new ArrayList<>();
    /** Notices whose day is not over yet: events of the same effective date may still follow. */
    private final List<ExecutionNoticeRecorded> pendingNotices = new ArrayList<>();
    private FixedAssetsRecorded fixedAssets;
    private StaffingRecorded staffing;
    private RubricOfOtherPlaceOrYearNoted rubricWarning;
    private FiscalYearClosed closed;
    private long lastGlobalSequence = -1;
    private int eventCount;

    /**
     * An independent copy of the fold's state: folding the same further events into the copy and into a replay
     * from scratch gives the same figures (an as-of query continues from a copied checkpoint).
     */
    public LedgerFold copy() {
        LedgerFold copy = new LedgerFold();
        copy.opened = opened;
        lines.forEach((id, line) -> copy.lines.put(id, line.copy()));
        procurements.forEach((id, figures) -> copy.procurements.put(id, figures.copy()));
        copy.notices.addAll(notices);
        copy.pendingNotices.addAll(pendingNotices);
        copy.fixedAssets = fixedAssets;
        copy.staffing = staffing;
        copy.rubricWarning = rubricWarning;
        copy.closed = closed;
        copy.lastGlobalSequence = lastGlobalSequence;
        copy.eventCount = eventCount;
        return copy;
    }

    @Override
    public void accept(RecordedEvent event) {
        if (!(event.payload() instanceof BudgetEvent budgetEvent)) {
            return;
        }
        settleNoticesBefore(event.effectiveDate());
        eventCount++;
        lastGlobalSequence = Math.max(lastGlobalSequence, event.globalSequence());
        apply(budgetEvent, event);
    }

    private void apply(BudgetEvent payload, RecordedEvent event) {
        if (payload instanceof FiscalYearOpened e) {
            opened = e;
        } else if (payload instanceof BudgetLineOpened e) {
            lines.put(e.lineId(), new LineFigures(e.lineId(), e.spec()));
        } else if (payload instanceof InitialBudgetApproved e) {
            line(e.lineId()).approveInitial(e.amount());
        } else if (payload instanceof BudgetIncreased e) {
            line(e.lineId()).adjust(new Adjustment(e.lineId(), Adjustment.Kind.INCREASE, e.amount(), e.documentNo(),
                    e.reason(), e.effectiveDate(), event.globalSequence(), e.postCloseReason()));
        } else if (payload instanceof BudgetDecreased e) {
            line(e.lineId()).adjust(new Adjustment(e.lineId(), Adjustment.Kind.DECREASE, e.amount().negate(),
                    e.documentNo(), e.reason(), e.effectiveDate(), event.globalSequence(), e.postCloseReason()));
        } else if (payload instanceof BudgetTransferred e) {
            for (LineShare share : e.shares()) {
                line(share.lineId()).adjust(new Adjustment(share.lineId(), Adjustment.Kind.TRANSFER, share.amount(),
                        e.documentNo(), e.reason(), e.effectiveDate(), event.globalSequence(), e.postCloseReason()));
            }
        } else if (payload instanceof CarryInRecorded e) {
            line(e.lineId()).carryIn(e.amount(), e.kind());
        } else if (payload instanceof OtherFundsReceived e) {
            line(e.lineId()).receiveOtherFunds(e.amount());
        } else if (payload instanceof AppropriationWithdrawn e) {
            line(e.lineId()).withdraw(e.amount());
        } else if (payload instanceof ExpenditureRecorded e) {
            line(e.lineId()).spend(e.amount(), e.effectiveDate().getMonthValue());
        } else if (payload instanceof ExpenditureReversed e) {
            line(e.lineId()).reverse(e.amount(), e.effectiveDate().getMonthValue());
        } else if (payload instanceof ProcurementPlanned e) {
            procurements.put(e.procurementId(), new ProcurementFigures(e));
        } else if (payload instanceof ProcurementContractSigned e) {
            procurement(e.procurementId()).signed(e);
        } else if (payload instanceof ProcurementContractFiled e) {
            procurement(e.procurementId()).filed(e);
        } else if (payload instanceof ProcurementExecuted e) {
            procurement(e.procurementId()).executed(e);
        } else if (payload instanceof ExecutionNoticeRecorded e) {
            pendingNotices.add(e);
        } else if (payload instanceof FixedAssetsRecorded e) {
            fixedAssets = e;
        } else if (payload instanceof RubricOfOtherPlaceOrYearNoted e) {
            rubricWarning = e;
        } else if (payload instanceof StaffingRecorded e) {
            staffing = e;
        } else if (payload instanceof FiscalYearClosed e) {
            closed = e;
        }
    }

    private LineFigures line(BudgetLineId id) {
        LineFigures line = lines.get(id);
        if (line == null) {
            // The aggregate refuses unknown lines, so this means the events were filtered inconsistently.
            throw new IllegalStateException("event for unknown budget line " + id + " (was its BudgetLineOpened filtered out?)");
        }
        return line;
    }

    private ProcurementFigures procurement(ProcurementId id) {
        ProcurementFigures figures = procurements.get(id);
        if (figures == null) {
            throw new IllegalStateException("event for unknown procurement " + id);
        }
        return figures;
    }

    /**
     * A notice compares with the ledger as it stood at the end of the notice date, so it is settled only
     * once the fold has moved past that date (or when asked).
     */
    private void settleNoticesBefore(java.time.LocalDate date) {
        if (pendingNotices.isEmpty() || !pendingNotices.get(0).effectiveDate().isBefore(date)) {
            return;
        }
        settleNotices();
    }

    private void settleNotices() {
        if (pendingNotices.isEmpty()) {
            return;
        }
        Map<FundingSource, Totals> bySource = Grouping.totals(lines.values(), line -> line.spec().fundingSource());
        for (ExecutionNoticeRecorded notice : pendingNotices) {
            notices.add(new NoticeFigures(notice, bySource));
        }
        pendingNotices.clear();
    }

    /** The year's opening event, or null if the basis admits none. */
    public FiscalYearOpened opened() {
        return opened;
    }

    public Collection<LineFigures> lines() {
        return Collections.unmodifiableCollection(lines.values());
    }

    public Collection<ProcurementFigures> procurements() {
        return Collections.unmodifiableCollection(procurements.values());
    }

    /**
     * The execution notices in replay order, each with the ledger's own figures at its date. Reading does not
     * change the fold: a notice whose day may still receive events (the last date folded) is shown with the
     * figures so far but stays pending, so a live fold queried between two events of that day and a replay of
     * the same events agree.
     */
    public List<NoticeFigures> notices() {
        if (pendingNotices.isEmpty()) {
            return Collections.unmodifiableList(notices);
        }
        Map<FundingSource, Totals> bySource = Grouping.totals(lines.values(), line -> line.spec().fundingSource());
        List<NoticeFigures> all = new ArrayList<>(notices.size() + pendingNotices.size());
        all.addAll(notices);
        for (ExecutionNoticeRecorded notice : pendingNotices) {
            all.add(new NoticeFigures(notice, bySource));
        }
        return Collections.unmodifiableList(all);
    }

    public FixedAssetsRecorded fixedAssets() {
        return fixedAssets;
    }

    /** The latest 编制数 and 实有人数 recorded, or null. */
    public StaffingRecorded staffing() {
        return staffing;
    }

    /** The warning recorded when the year was opened with a rubric of another place or year, or null. */
    public RubricOfOtherPlaceOrYearNoted rubricWarning() {
        return rubricWarning;
    }

    public FiscalYearClosed closed() {
        return closed;
    }

    public int eventCount() {
        return eventCount;
    }

    public long lastGlobalSequence() {
        return lastGlobalSequence;
    }
}
