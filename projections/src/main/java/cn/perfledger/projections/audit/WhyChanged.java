package cn.perfledger.projections.audit;

import cn.perfledger.domain.budget.BudgetEvent.BudgetTransferred;
import cn.perfledger.domain.budget.BudgetEvent.ExpenditureRecorded;
import cn.perfledger.domain.budget.BudgetEvent.ExpenditureReversed;
import cn.perfledger.projections.basis.Basis;
import cn.perfledger.projections.basis.RecordedEvent;
import cn.perfledger.projections.basis.ReplayIndex;
import cn.perfledger.projections.ledger.LedgerMetrics;
import cn.perfledger.projections.scoring.RepeatedScoring;
import cn.perfledger.projections.scoring.SelfEvaluationFold;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Why an item's score (or the total) differs between two bases A → B: the events B admits and A does not
 * ("added"), and those A admits and B does not ("removed", e.g. when going back in asOf or knownAt), each group
 * with the change of the item it caused.
 *
 * <p><b>Attribution, exact by construction.</b> Let C be the events both bases admit. The removed events are
 * taken back first, latest first: A → … → C; then the added events are replayed in order: C → … → B. The
 * delta of a step is the item's value after it minus the value before it, so the deltas telescope and sum
 * exactly to score(B) − score(A). The intermediate states come from one fold that advances through the delta
 * (starting from C) and the item is evaluated only at group boundaries; the last step of each phase is pinned
 * to the properly replayed state (A, respectively B), so an order effect of appending (a notice's ledger
 * snapshot, a later actual superseding an earlier one) lands on the last step, never outside the sum.
 *
 * <p><b>Groups.</b> The delta is walked month by month (effective date); inside a month, events of the same type
 * on the same subject (budget line, procurement, indicator, item, entry) form one group, in the order of their
 * first event ("312 张支出凭证，L03，2021-11：−0.04"). Only the item's subtree is re-scored, once per group. Groups
 * that change neither the score nor the unrounded score are counted, not listed.
 */
public final class WhyChanged {

    /** Events listed per step; the rest are counted (ask the lineage for them). */
    public static final int EVENTS_PER_STEP = 50;

    public enum Direction {
        /** Admitted by B, not by A. */
        ADDED,
        /** Admitted by A, not by B: taken back. */
        REMOVED
    }

    /**
     * One group of events and the change it caused.
     *
     * @param amountSum   Σ amounts of the group's events as recorded (null when none carries an amount)
     * @param netAmount   for vouchers: Σ expenditures − Σ reversals, signed by the direction (a removed voucher
     *                    counts negative); null otherwise
     * @param delta       change of the item's score caused by this step
     * @param exactDelta  change of the leaf's unrounded score; null for a group item or the total
     */
    public record Step(Direction direction, String type, String typeLabel, String subject, String month,
            int eventCount, BigDecimal amountSum, BigDecimal netAmount, BigDecimal delta, BigDecimal exactDelta,
            String label, List<AuditEvent> events, boolean eventsTruncated) {
    }

    /**
     * @param change              scoreTo − scoreFrom = Σ steps' deltas, exactly
     * @param eventsWithoutEffect events (of groups) that changed neither the score nor the unrounded score
     */
    public record Result(String code, String name, Basis from, Basis to, BigDecimal scoreFrom, BigDecimal scoreTo,
            BigDecimal change, BigDecimal exactFrom, BigDecimal exactTo, BigDecimal exactChange, int eventsAdded,
            int eventsRemoved, int eventsWithoutEffect, int groupsEvaluated, List<Step> steps, String method) {
    }

    static final String METHOD = "先撤回 A 有而 B 无的记录（从最晚的开始），再按回放顺序逐月加入 B 有而 A 无的记录；"
            + "同月同类型同对象（预算行、采购、指标、评分项、加减分事项）的记录合为一组，每组的变动 = 加入（撤回）该组后的得分 − 之前的得分，"
            + "各组变动之和恰好等于 B 的得分 − A 的得分。";

    private WhyChanged() {
    }

    private record Group(Direction direction, String type, String subject, YearMonth month,
            List<RecordedEvent> events, List<AuditEvent> rows) {
    }

    public static Result explain(Collection<RecordedEvent> events, String code, Basis from, Basis to) {
        // Sorted once; the index the app caches per year is used as it is.
        ReplayIndex index = ReplayIndex.of(events);
        return explain(index, code, from, to, basis -> SelfEvaluationFold.replay(index, basis));
    }

    /**
     * The why-list over {@code index}, with {@code foldAt} giving a fresh fold of exactly the events of
     * {@code index} a basis admits (a replay, or a copy continued from a fold checkpoint: the same state).
     */
    public static Result explain(ReplayIndex index, String code, Basis from, Basis to,
            Function<Basis, SelfEvaluationFold> foldAt) {
        // What both admit is itself a basis: the earlier asOf and the earlier knownAt.
        Basis common = new Basis(earlier(from.asOf(), to.asOf()),
                from.knownAt().isBefore(to.knownAt()) ? from.knownAt() : to.knownAt());
        // A basis within the other can admit nothing the other does not: no fold of its own is needed.
        boolean mayAdd = !common.equals(to);
        boolean mayRemove = !common.equals(from);
        DeltaGroups added = new DeltaGroups(Direction.ADDED);
        DeltaGroups removed = new DeltaGroups(Direction.REMOVED);
        // One pass in replay order groups the delta; the folds at A, B and C come from foldAt.
        if (mayAdd || mayRemove) {
            int end = index.effectiveThrough(later(from.asOf(), to.asOf()));
            for (int i = 0; i < end; i++) {
                RecordedEvent event = index.get(i);
                boolean a = from.admits(event);
                boolean b = to.admits(event);
                if (b && !a) {
                    added.add(event);
                } else if (a && !b) {
                    removed.add(event);
                }
            }
        }
        SelfEvaluationFold commonFold = foldAt.apply(common);
        Walk commonWalk = new Walk(commonFold, code);
        ItemValue atCommon = commonWalk.value();
        ItemValue atFrom = removed.isEmpty() ? atCommon : new Walk(foldAt.apply(from), code).value();
        ItemValue atTo = added.isEmpty() ? atCommon : new Walk(foldAt.apply(to), code).value();

        List<Step> steps = new ArrayList<>();
        int[] counters = new int[2]; // without effect, groups evaluated
        if (!removed.isEmpty()) {
            // the additions walk on from C too: the removals then need a fold of their own
            Walk removalWalk = added.isEmpty() ? commonWalk : new Walk(foldAt.apply(common), code);
            List<Step> removals = walk(Direction.REMOVED, removed.groups(), removalWalk, atCommon, atFrom, counters);
            // taken back latest first: A → … → C
            for (int i = removals.size() - 1; i >= 0; i--) {
                steps.add(removals.get(i));
            }
        }
        if (!added.isEmpty()) {
            steps.addAll(walk(Direction.ADDED, added.groups(), commonWalk, atCommon, atTo, counters));
        }
        String name = atTo.present() ? atTo.name() : atFrom.name();
        return new Result(ItemValue.isTotal(code) ? ItemValue.TOTAL : code, name, from, to, atFrom.score(),
                atTo.score(), atTo.score().subtract(atFrom.score()), atFrom.exact(), atTo.exact(),
                difference(atTo.exact(), atFrom.exact()), added.size(), removed.size(), counters[0], counters[1],
                List.copyOf(steps), METHOD);
    }

    /**
     * A fold advanced group by group and the item evaluated on it. The metrics and the leaves that read only the
     * evaluation are kept with the fold, so each evaluation re-sums only the budget lines the last group touched
     * instead of every line of the year, and re-scores an indicator, judgement or bonus leaf only after a group that
     * changed the evaluation (most groups are vouchers); only the numbers are scored, no leaf's texts.
     */
    private record Walk(SelfEvaluationFold fold, LedgerMetrics metrics, RepeatedScoring leaves, String code) {

        Walk(SelfEvaluationFold fold, String code) {
            this(fold, new LedgerMetrics(fold.ledger()), RepeatedScoring.scoresOnly(), code);
        }

        ItemValue value() {
            return ItemValue.of(fold, metrics, leaves, code);
        }
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /**
     * Appends the groups to the walk's fold (at C's state) and returns one step per group with an effect, in the
     * order appended. For REMOVED the step's delta is the value before appending minus the value after (taking
     * the group back), for ADDED after minus before. The value after the last group is pinned to {@code end}.
     */
    private static List<Step> walk(Direction direction, List<Group> groups, Walk walk, ItemValue start, ItemValue end,
            int[] counters) {
        List<Step> steps = new ArrayList<>();
        ItemValue before = start;
        for (int g = 0; g < groups.size(); g++) {
            Group group = groups.get(g);
            group.events().forEach(walk.fold());
            ItemValue after = g == groups.size() - 1 ? end : walk.value();
            counters[1]++;
            BigDecimal delta = after.score().subtract(before.score());
            BigDecimal exactDelta = difference(after.exact(), before.exact());
            if (direction == Direction.REMOVED) {
                delta = delta.negate();
                exactDelta = exactDelta == null ? null : exactDelta.negate();
            }
            before = after;
            if (delta.signum() == 0 && (exactDelta == null || exactDelta.signum() == 0)) {
                counters[0] += group.events().size();
                continue;
            }
            steps.add(step(group, delta, exactDelta));
        }
        return steps;
    }

    private static BigDecimal difference(BigDecimal to, BigDecimal from) {
        if (to == null && from == null) {
            return null;
        }
        return (to == null ? BigDecimal.ZERO : to).subtract(from == null ? BigDecimal.ZERO : from);
    }

    /**
     * The delta of one direction, grouped as it arrives in replay order: month by month; inside a month one group
     * per (type, subject), in the order of their first event.
     */
    private static final class DeltaGroups {
        private final Direction direction;
        private final List<Group> groups = new ArrayList<>();
        private final Map<GroupKey, Group> open = new LinkedHashMap<>();
        private YearMonth month;
        private int size;

        DeltaGroups(Direction direction) {
            this.direction = direction;
        }

        void add(RecordedEvent event) {
            LocalDate date = event.effectiveDate();
            if (month == null || date.getMonthValue() != month.getMonthValue() || date.getYear() != month.getYear()) {
                groups.addAll(open.values());
                open.clear();
                month = YearMonth.from(date);
            }
            AuditEvent row = AuditEvent.of(event);
            String subject = subject(event, row);
            YearMonth m = month;
            // a multi-line transfer is a group of its own: merged with another transfer of the month it could be
            // applied before a line that the other opened
            String key = isMultiLineTransfer(event) ? subject + '\u0000' + event.globalSequence()
                    : String.valueOf(subject);
            Group group = open.computeIfAbsent(new GroupKey(row.type(), key),
                    k -> new Group(direction, row.type(), subject, m, new ArrayList<>(), new ArrayList<>()));
            group.events().add(event);
            group.rows().add(row);
            size++;
        }

        boolean isEmpty() {
            return size == 0;
        }

        int size() {
            return size;
        }

        /** The groups in order; call once, after the last event. */
        List<Group> groups() {
            groups.addAll(open.values());
            open.clear();
            return groups;
        }
    }

    /** Type and subject ("null" for none, as a string key would have it; a transfer's own event for transfers). */
    private record GroupKey(String type, String subject) {
    }

    private static String subject(RecordedEvent event, AuditEvent row) {
        // a transfer between lines has no one line: it is named by its 文号
        return isMultiLineTransfer(event) ? "文号 " + row.reference() : row.subject();
    }

    private static boolean isMultiLineTransfer(RecordedEvent event) {
        return event.payload() instanceof BudgetTransferred && Sources.lineIds(event.payload()).size() > 1;
    }

    private static Step step(Group group, BigDecimal delta, BigDecimal exactDelta) {
        BigDecimal amountSum = null;
        BigDecimal net = null;
        for (int i = 0; i < group.events().size(); i++) {
            AuditEvent row = group.rows().get(i);
            if (row.amount() != null) {
                amountSum = (amountSum == null ? BigDecimal.ZERO : amountSum).add(row.amount());
            }
            Object payload = group.events().get(i).payload();
            if (payload instanceof ExpenditureRecorded e) {
                net = (net == null ? BigDecimal.ZERO : net).add(e.amount().yuan());
            } else if (payload instanceof ExpenditureReversed e) {
                net = (net == null ? BigDecimal.ZERO : net).subtract(e.amount().yuan());
            }
        }
        if (net != null && group.direction() == Direction.REMOVED) {
            net = net.negate();
        }
        int count = group.events().size();
        String typeLabel = EventTypeLabels.label(group.type());
        String unit = group.type().startsWith("Expenditure") ? " 张" : " 个";
        StringBuilder label = new StringBuilder();
        if (group.direction() == Direction.REMOVED) {
            label.append("撤回 ");
        }
        label.append(count).append(unit).append(typeLabel);
        if (count == 1 && group.rows().get(0).reference() != null) {
            label.append(" ").append(group.rows().get(0).reference());
        }
        if (group.subject() != null) {
            label.append("，").append(group.subject());
        }
        label.append("，").append(group.month().getYear()).append("年").append(group.month().getMonthValue())
                .append("月：").append(ItemValue.signed(delta));
        if (delta.signum() == 0 && exactDelta != null) {
            label.append("（未取整得分 ").append(ItemValue.signed(exactDelta)).append("）");
        }
        List<AuditEvent> rows = group.rows();
        boolean truncated = rows.size() > EVENTS_PER_STEP;
        return new Step(group.direction(), group.type(), typeLabel, group.subject(), group.month().toString(), count,
                amountSum, net, delta, exactDelta, label.toString(),
                List.copyOf(truncated ? rows.subList(0, EVENTS_PER_STEP) : rows), truncated);
    }
}
