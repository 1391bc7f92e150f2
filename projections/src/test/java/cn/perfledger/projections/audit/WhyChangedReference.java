package cn.perfledger.projections.audit;

import cn.perfledger.domain.budget.BudgetEvent.ExpenditureRecorded;
import cn.perfledger.domain.budget.BudgetEvent.ExpenditureReversed;
import cn.perfledger.domain.common.BudgetLineId;
import cn.perfledger.projections.audit.WhyChanged.Direction;
import cn.perfledger.projections.audit.WhyChanged.Result;
import cn.perfledger.projections.audit.WhyChanged.Step;
import cn.perfledger.projections.basis.Basis;
import cn.perfledger.projections.basis.RecordedEvent;
import cn.perfledger.projections.scoring.SelfEvaluationFold;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The why-list as first written (commit 2f37e3c): sorts the events, folds each basis from scratch and re-scores
 * the item with a fresh {@link ItemValue#of} after every group. Kept, unchanged but for its name, as the
 * reference the optimised {@link WhyChanged} must reproduce exactly, step for step.
 */
public final class WhyChangedReference {


    private WhyChangedReference() {
    }

    private record Group(Direction direction, String type, String subject, YearMonth month,
            List<RecordedEvent> events, List<AuditEvent> rows) {
    }

    public static Result explain(Collection<RecordedEvent> events, String code, Basis from, Basis to) {
        List<RecordedEvent> sorted = new ArrayList<>(events);
        sorted.sort(Basis.REPLAY_ORDER);
        List<RecordedEvent> added = new ArrayList<>();
        List<RecordedEvent> removed = new ArrayList<>();
        for (RecordedEvent event : sorted) {
            boolean a = from.admits(event);
            boolean b = to.admits(event);
            if (b && !a) {
                added.add(event);
            } else if (a && !b) {
                removed.add(event);
            }
        }
        Predicate<RecordedEvent> common = e -> from.admits(e) && to.admits(e);
        SelfEvaluationFold commonFold = fold(sorted, common);
        ItemValue atCommon = ItemValue.of(commonFold, code);
        ItemValue atFrom = removed.isEmpty() ? atCommon : ItemValue.of(fold(sorted, from::admits), code);
        ItemValue atTo = added.isEmpty() ? atCommon : ItemValue.of(fold(sorted, to::admits), code);

        List<Step> steps = new ArrayList<>();
        int[] counters = new int[2]; // without effect, groups evaluated
        if (!removed.isEmpty()) {
            SelfEvaluationFold removalFold = added.isEmpty() ? commonFold : fold(sorted, common);
            List<Step> removals = walk(Direction.REMOVED, groups(Direction.REMOVED, removed), removalFold, code,
                    atCommon, atFrom, counters);
            // taken back latest first: A → … → C
            for (int i = removals.size() - 1; i >= 0; i--) {
                steps.add(removals.get(i));
            }
        }
        if (!added.isEmpty()) {
            steps.addAll(walk(Direction.ADDED, groups(Direction.ADDED, added), commonFold, code, atCommon, atTo,
                    counters));
        }
        String name = atTo.present() ? atTo.name() : atFrom.name();
        return new Result(ItemValue.isTotal(code) ? ItemValue.TOTAL : code, name, from, to, atFrom.score(),
                atTo.score(), atTo.score().subtract(atFrom.score()), atFrom.exact(), atTo.exact(),
                difference(atTo.exact(), atFrom.exact()), added.size(), removed.size(), counters[0], counters[1],
                List.copyOf(steps), WhyChanged.METHOD);
    }

    /**
     * Appends the groups to {@code fold} (at C's state) and returns one step per group with an effect, in the
     * order appended. For REMOVED the step's delta is the value before appending minus the value after (taking
     * the group back), for ADDED after minus before. The value after the last group is pinned to {@code end}.
     */
    private static List<Step> walk(Direction direction, List<Group> groups, SelfEvaluationFold fold, String code,
            ItemValue start, ItemValue end, int[] counters) {
        List<Step> steps = new ArrayList<>();
        ItemValue before = start;
        for (int g = 0; g < groups.size(); g++) {
            Group group = groups.get(g);
            group.events().forEach(fold);
            ItemValue after = g == groups.size() - 1 ? end : ItemValue.of(fold, code);
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

    private static SelfEvaluationFold fold(List<RecordedEvent> sorted, Predicate<RecordedEvent> admitted) {
        SelfEvaluationFold fold = new SelfEvaluationFold();
        for (RecordedEvent event : sorted) {
            if (admitted.test(event)) {
                fold.accept(event);
            }
        }
        return fold;
    }

    /** Month by month; inside a month one group per (type, subject), in the order of their first event. */
    private static List<Group> groups(Direction direction, List<RecordedEvent> delta) {
        List<Group> result = new ArrayList<>();
        Map<String, Group> open = new LinkedHashMap<>();
        YearMonth month = null;
        for (RecordedEvent event : delta) {
            YearMonth m = YearMonth.from(event.effectiveDate());
            if (!m.equals(month)) {
                result.addAll(open.values());
                open.clear();
                month = m;
            }
            AuditEvent row = AuditEvent.of(event);
            String subject = subject(event, row);
            String key = event.type() + '\u0000' + subject
                    + (Sources.lineIds(event.payload()).size() > 1 ? "\u0000" + event.globalSequence() : "");
            Group group = open.computeIfAbsent(key, k -> new Group(direction, event.type(), subject, m,
                    new ArrayList<>(), new ArrayList<>()));
            group.events().add(event);
            group.rows().add(row);
        }
        result.addAll(open.values());
        return result;
    }

    private static String subject(RecordedEvent event, AuditEvent row) {
        List<BudgetLineId> lines = Sources.lineIds(event.payload());
        if (lines.size() > 1) {
            return "文号 " + row.reference(); // a transfer, a group of its own (see the key)
        }
        return row.subject();
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
        boolean truncated = rows.size() > WhyChanged.EVENTS_PER_STEP;
        return new Step(group.direction(), group.type(), typeLabel, group.subject(), group.month().toString(), count,
                amountSum, net, delta, exactDelta, label.toString(),
                List.copyOf(truncated ? rows.subList(0, WhyChanged.EVENTS_PER_STEP) : rows), truncated);
    }
}
