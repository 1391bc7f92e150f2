package cn.perfledger.projections.audit;

import cn.perfledger.projections.basis.Basis;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One page of a why-list ({@link WhyChanged.Result}) for the API: the whole change (scores at A and B, counts), a
 * summary per direction and event type whose deltas sum exactly to the change, and a window of the steps, each
 * with at most {@code eventsPerStep} of its events listed. A year with tens of thousands of changed vouchers
 * answers in kilobytes instead of megabytes; every step stays reachable by paging, its events through the lineage.
 */
public final class WhyPage {

    /** Largest page (steps) and most events listed per step a request may ask for. */
    public static final int MAX_SIZE = 500;
    public static final int MAX_EVENTS_PER_STEP = WhyChanged.EVENTS_PER_STEP;

    private WhyPage() {
    }

    /**
     * The steps of one direction and event type taken together.
     *
     * @param delta Σ of the steps' deltas (the summaries' deltas sum exactly to the change)
     */
    public record TypeSummary(WhyChanged.Direction direction, String type, String typeLabel, int steps,
            int eventCount, BigDecimal delta) {
    }

    /**
     * @param stepCount  how many steps (groups with an effect) the whole why-list has
     * @param page       this page's number, from 0; {@code size} steps per page, {@code pageCount} pages
     * @param firstStep  the number (from 1) of this page's first step in the whole list
     * @param byType     every step summarised per direction and event type, in order of first appearance
     */
    public record Result(String code, String name, Basis from, Basis to, BigDecimal scoreFrom, BigDecimal scoreTo,
            BigDecimal change, BigDecimal exactFrom, BigDecimal exactTo, BigDecimal exactChange, int eventsAdded,
            int eventsRemoved, int eventsWithoutEffect, int groupsEvaluated, int stepCount, int page, int size,
            int pageCount, int firstStep, int eventsPerStep, List<TypeSummary> byType, List<WhyChanged.Step> steps,
            String method) {
    }

    /** Page {@code page} of {@code size} steps, each listing at most {@code eventsPerStep} events (0: none). */
    public static Result of(WhyChanged.Result why, int page, int size, int eventsPerStep) {
        if (page < 0 || size < 1 || size > MAX_SIZE || eventsPerStep < 0 || eventsPerStep > MAX_EVENTS_PER_STEP) {
            throw new IllegalArgumentException("page " + page + ", size " + size + ", eventsPerStep " + eventsPerStep);
        }
        List<WhyChanged.Step> all = why.steps();
        int pageCount = Math.max(1, (all.size() + size - 1) / size);
        long from = Math.min((long) page * size, all.size());
        int to = (int) Math.min(from + size, all.size());
        List<WhyChanged.Step> window = new ArrayList<>(to - (int) from);
        for (WhyChanged.Step step : all.subList((int) from, to)) {
            window.add(trimmed(step, eventsPerStep));
        }
        return new Result(why.code(), why.name(), why.from(), why.to(), why.scoreFrom(), why.scoreTo(), why.change(),
                why.exactFrom(), why.exactTo(), why.exactChange(), why.eventsAdded(), why.eventsRemoved(),
                why.eventsWithoutEffect(), why.groupsEvaluated(), all.size(), page, size, pageCount, (int) from + 1,
                eventsPerStep, byType(all), List.copyOf(window), why.method());
    }

    private static WhyChanged.Step trimmed(WhyChanged.Step step, int eventsPerStep) {
        if (step.events().size() <= eventsPerStep) {
            return step;
        }
        return new WhyChanged.Step(step.direction(), step.type(), step.typeLabel(), step.subject(), step.month(),
                step.eventCount(), step.amountSum(), step.netAmount(), step.delta(), step.exactDelta(), step.label(),
                List.copyOf(step.events().subList(0, eventsPerStep)), true);
    }

    private record Key(WhyChanged.Direction direction, String type) {
    }

    static List<TypeSummary> byType(List<WhyChanged.Step> steps) {
        Map<Key, TypeSummary> summaries = new LinkedHashMap<>();
        for (WhyChanged.Step step : steps) {
            summaries.merge(new Key(step.direction(), step.type()),
                    new TypeSummary(step.direction(), step.type(), step.typeLabel(), 1, step.eventCount(), step.delta()),
                    (a, b) -> new TypeSummary(a.direction(), a.type(), a.typeLabel(), a.steps() + 1,
                            a.eventCount() + b.eventCount(), a.delta().add(b.delta())));
        }
        return List.copyOf(summaries.values());
    }
}
