package cn.perfledger.domain.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Decides the rows of one imported file, all or nothing: the one import loop of every aggregate that imports files
 * (the budget ledger's ledger file, the evaluation's 自评表).
 *
 * <p>Each row's command is decided by the rules of that command alone (the aggregate's own decision for the single
 * command) on a draft of the aggregate. The events a row records move the draft on, so that later rows meet the
 * state the earlier rows leave (a voucher may spend a line opened further up the file). A refused row leaves the
 * draft as it was; its refusal is kept and the following rows are still decided, so that the file's author gets
 * every refusal at once. The aggregate applies {@link #events()} only when {@link #anyRefused()} is false.
 *
 * @param <E> the aggregate's event type
 */
public final class RowDecisions<E> {

    /**
     * One refused row.
     *
     * @param row      the row, as the aggregate numbers its rows
     * @param field    the field the rule is about, prefixed with the part of the row it belongs to
     * @param rule     the rule, in Chinese
     * @param conflict whether the row conflicts with recorded state ({@link ConflictException}) rather than breaking
     *                 a rule by itself
     */
    public record Refusal(int row, String field, String rule, boolean conflict) {
    }

    private final Consumer<? super E> draft;
    private final int maxListed;
    private final List<E> events = new ArrayList<>();
    private final List<Refusal> refusals = new ArrayList<>();
    private int refused;

    /**
     * @param draft     moves the draft on by one decided event (through the aggregate's event-sourcing handlers)
     * @param maxListed refusals beyond this many are counted, not listed: they mostly follow from the first ones
     */
    public RowDecisions(Consumer<? super E> draft, int maxListed) {
        this.draft = draft;
        this.maxListed = maxListed;
    }

    /**
     * Decides one command of row {@code row} on the draft. Its events (none for a reported no-op) move the draft on
     * and are kept; a {@link DomainException} is kept as the row's refusal, its field prefixed with
     * {@code fieldPrefix}.
     *
     * @return whether the command passed
     */
    public boolean decide(int row, String fieldPrefix, Supplier<? extends List<? extends E>> decision) {
        List<? extends E> decided;
        try {
            decided = decision.get();
        } catch (DomainException refusal) {
            refuse(row, fieldPrefix + refusal.field(), refusal.rule(), refusal instanceof ConflictException);
            return false;
        }
        for (E event : decided) {
            draft.accept(event);
            events.add(event);
        }
        return true;
    }

    /** Refuses row {@code row} by a rule of the file itself (a row repeated, a row of another aggregate). */
    public void refuse(int row, String field, String rule, boolean conflict) {
        refused++;
        if (refusals.size() < maxListed) {
            refusals.add(new Refusal(row, field, rule, conflict));
        }
    }

    public boolean anyRefused() {
        return refused > 0;
    }

    /** How many refusals there were in all, listed or not. */
    public int refusedCount() {
        return refused;
    }

    /** The refusals in the order they were met, at most {@code maxListed}. */
    public List<Refusal> refusals() {
        return List.copyOf(refusals);
    }

    /** The events of the rows that passed, in file order. */
    public List<E> events() {
        return List.copyOf(events);
    }
}
