package cn.perfledger.projections.audit;

import cn.perfledger.domain.common.RubricItemCode;
import cn.perfledger.domain.rubric.RubricNode;
import cn.perfledger.projections.evaluation.ItemExplanation;
import cn.perfledger.domain.budget.BudgetLineSpec;
import cn.perfledger.domain.common.BudgetLineId;
import cn.perfledger.domain.rubric.RubricEvent.RubricPublished;
import cn.perfledger.projections.basis.Basis;
import cn.perfledger.projections.basis.RecordedEvent;
import cn.perfledger.projections.ledger.LineFigures;
import cn.perfledger.projections.scoring.Figure;
import cn.perfledger.projections.scoring.InputKind;
import cn.perfledger.projections.scoring.RuleSummary;
import cn.perfledger.projections.scoring.ScoredInput;
import cn.perfledger.projections.scoring.ScoredItem;
import cn.perfledger.projections.scoring.ScoredTable;
import cn.perfledger.projections.scoring.ScoringEngine;
import cn.perfledger.projections.scoring.SelfEvaluationFold;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Where a score cell comes from at one basis: the rubric version and rule, the inputs with their values and
 * figures, and for each input the events it rests on ({@link Sources}) — summarised per event type and month
 * (count, Σ amount) with the events themselves one page at a time. A group or the total lists its children.
 */
public final class Lineage {

    /** Totals of one event type in one month (effective date), e.g. 支出凭证 2021-11: 312 张, Σ 1,234.00. */
    public record Summary(String type, String typeLabel, String month, int count, BigDecimal amountSum) {
    }

    /** One page of an input's events in replay order. */
    public record Page(int page, int size, int totalEvents, int totalPages, List<AuditEvent> events) {
    }

    /** An input with the events it rests on. */
    public record InputLineage(InputKind kind, String kindLabel, String code, String name, BigDecimal value,
            String display, List<Figure> figures, List<Summary> summary, Page events) {
    }

    /** A child of a group (or a top-level item of the total). */
    public record Child(String code, String name, BigDecimal weight, BigDecimal score) {
    }

    /**
     * @param rubricEvent the RubricPublished event of the version scored
     * @param criteria    the rubric's 评分标准 in the document's wording
     * @param provenance  the rubric's note on where the item's rule comes from (shown here, not on the 自评表)
     * @param explanation the department's explanation of the item recorded last, or null
     * @param computation a computed leaf's arithmetic from the inputs below, or null
     * @param children    a group's (or the total's) items; empty for a leaf
     */
    public record Result(String code, String name, Basis basis, String rubricVersion, String rubricName,
            AuditEvent rubricEvent, BigDecimal weight, BigDecimal score, BigDecimal exactScore, RuleSummary rule,
            String criteria, String provenance, String judgementBasis, String evaluator, ItemExplanation explanation,
            String computation, List<InputLineage> inputs, List<Child> children) {
    }

    private Lineage() {
    }

    /** Empty when the basis admits no rubric or the rubric has no such item. */
    public static Optional<Result> of(Collection<RecordedEvent> events, Basis basis, String code, int page, int size) {
        return of(events, basis, code, page, size, () -> null);
    }

    /**
     * With the previous department-year's ledger at its own basis (see {@code SelfEvaluationFold#withPreviousYear}),
     * asked for only when the rubric scores a year-over-year metric, so that such an item shows the table's score.
     */
    public static Optional<Result> of(Collection<RecordedEvent> events, Basis basis, String code, int page, int size,
            java.util.function.Supplier<cn.perfledger.projections.ledger.LedgerFold> previousYear) {
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("page ≥ 0, size ≥ 1");
        }
        List<RecordedEvent> admitted = new ArrayList<>();
        for (RecordedEvent event : events) {
            if (basis.admits(event)) {
                admitted.add(event);
            }
        }
        admitted.sort(Basis.REPLAY_ORDER);
        SelfEvaluationFold fold = new SelfEvaluationFold();
        admitted.forEach(fold);
        if (fold.needsPreviousYear()) {
            fold.withPreviousYear(previousYear.get());
        }
        Optional<RubricPublished> rubric = fold.rubric();
        if (rubric.isEmpty()) {
            return Optional.empty();
        }
        ScoredTable table = ScoringEngine.score(rubric.get(), fold.metrics(), fold.evaluation());
        AuditEvent rubricEvent = admitted.stream().filter(e -> e.payload() instanceof RubricPublished p
                && p.rubricVersionId().equals(rubric.get().rubricVersionId())).map(AuditEvent::of).reduce((a, b) -> b)
                .orElse(null);
        if (ItemValue.isTotal(code)) {
            List<Child> children = table.items().stream()
                    .map(i -> new Child(i.code(), i.name(), i.weight(), i.score())).toList();
            return Optional.of(new Result(ItemValue.TOTAL, "总分", basis, table.rubricVersion(), table.rubricName(),
                    rubricEvent, table.totalWeight(), table.total(), null, null, null, null, null, null, null, null,
                    List.of(), children));
        }
        Optional<ScoredItem> found = table.find(code);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ScoredItem item = found.get();
        Map<BudgetLineId, BudgetLineSpec> lines = new LinkedHashMap<>();
        for (LineFigures line : fold.ledger().lines()) {
            lines.put(line.lineId(), line.spec());
        }
        List<InputLineage> inputs = new ArrayList<>();
        for (ScoredInput input : item.inputs()) {
            Predicate<RecordedEvent> source = Sources.of(input.kind(), input.code(), lines);
            List<RecordedEvent> feeding = admitted.stream().filter(source).toList();
            inputs.add(new InputLineage(input.kind(), input.kindLabel(), input.code(), input.name(), input.value(),
                    input.display(), input.figures(), summary(feeding), page(feeding, page, size)));
        }
        List<Child> children = item.children().stream()
                .map(c -> new Child(c.code(), c.name(), c.weight(), c.score())).toList();
        return Optional.of(new Result(item.code(), item.name(), basis, table.rubricVersion(), table.rubricName(),
                rubricEvent, item.weight(), item.score(), item.exactScore(), item.rule(), item.criteria(),
                RubricNode.find(rubric.get().tree(), new RubricItemCode(item.code())).map(RubricNode::provenance)
                        .orElse(null), item.judgementBasis(), item.evaluator(),
                fold.evaluation().explanation(new RubricItemCode(item.code())).orElse(null), item.computation(),
                inputs, children));
    }

    static List<Summary> summary(List<RecordedEvent> events) {
        Map<String, Object[]> totals = new TreeMap<>();
        for (RecordedEvent event : events) {
            AuditEvent row = AuditEvent.of(event);
            String month = event.effectiveDate().toString().substring(0, 7);
            Object[] t = totals.computeIfAbsent(event.type() + '\u0000' + month,
                    k -> new Object[] {event.type(), month, 0, null});
            t[2] = (Integer) t[2] + 1;
            if (row.amount() != null) {
                t[3] = t[3] == null ? row.amount() : ((BigDecimal) t[3]).add(row.amount());
            }
        }
        List<Summary> result = new ArrayList<>();
        for (Object[] t : totals.values()) {
            result.add(new Summary((String) t[0], EventTypeLabels.label((String) t[0]), (String) t[1], (Integer) t[2],
                    (BigDecimal) t[3]));
        }
        return result;
    }

    static Page page(List<RecordedEvent> events, int page, int size) {
        int from = (int) Math.min((long) page * size, events.size());
        int to = Math.min(from + size, events.size());
        int pages = (events.size() + size - 1) / size;
        return new Page(page, size, events.size(), pages,
                events.subList(from, to).stream().map(AuditEvent::of).toList());
    }
}
