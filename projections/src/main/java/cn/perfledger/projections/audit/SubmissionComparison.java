package cn.perfledger.projections.audit;

import cn.perfledger.domain.evaluation.EvaluationEvent.SelfEvaluationSubmitted;
import cn.perfledger.projections.basis.Basis;
import cn.perfledger.projections.basis.RecordedEvent;
import cn.perfledger.projections.evaluation.Flag;
import cn.perfledger.projections.scoring.ScoredInput;
import cn.perfledger.projections.scoring.ScoredItem;
import cn.perfledger.projections.scoring.ScoredTable;
import cn.perfledger.projections.scoring.SelfEvaluationFold;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * A submission replayed two ways: the table as submitted (basis: its reference date, knownAt = the
 * submission's recorded time) and as now known (same date, knownAt = now), item by item with every changed cell
 * named; and whether re-deriving the submitted table reproduces the digest stored with the submission (the digest
 * function is the caller's: the application's canonical serialization).
 */
public final class SubmissionComparison {

    /** One changed cell: which field, its value as submitted and as now known (as text; null when absent). */
    public record Cell(String field, String asSubmitted, String asNowKnown) {
    }

    public record ItemRow(String code, String name, int level, BigDecimal weight, BigDecimal scoreAsSubmitted,
            BigDecimal scoreAsNowKnown, boolean changed, List<Cell> changes) {
    }

    /**
     * @param digestMatches whether the as-submitted table re-derived now gives the stored digest
     * @param warning       a Chinese warning when it does not (null when it does)
     * @param tableChanges  changed table-level cells: total, grade, rubric version, table flags
     */
    public record Result(int submissionNo, LocalDate referenceDate, String submittedBy, BigDecimal declaredTotal,
            Basis asSubmittedBasis, Basis asNowKnownBasis, String storedDigest, String recomputedDigest,
            boolean digestMatches, String warning, boolean changed, int changedItems, List<Cell> tableChanges,
            List<ItemRow> items, ScoredTable asSubmitted, ScoredTable asNowKnown) {
    }

    private SubmissionComparison() {
    }

    public static Result compare(Collection<RecordedEvent> events, RecordedEvent submission, Instant now,
            Function<ScoredTable, String> digest) {
        if (!(submission.payload() instanceof SelfEvaluationSubmitted submitted)) {
            throw new IllegalArgumentException("not a SelfEvaluationSubmitted event: " + submission.type());
        }
        Basis then = new Basis(submitted.referenceDate(), submission.recordedAt());
        Basis current = new Basis(submitted.referenceDate(), now);
        ScoredTable a = SelfEvaluationFold.replay(events, then).scoredTable()
                .orElseThrow(() -> new IllegalStateException("提交时点没有可用的评价体系"));
        ScoredTable b = SelfEvaluationFold.replay(events, current).scoredTable()
                .orElseThrow(() -> new IllegalStateException("当前没有可用的评价体系"));
        String recomputed = digest.apply(a);
        boolean matches = recomputed.equals(submitted.digest());
        String warning = matches ? null : "警告：按提交时点（评价基准日 " + submitted.referenceDate() + "，知悉时点 "
                + submission.recordedAt() + "）重新推导的自评表摘要 " + recomputed + " 与提交时保存的摘要 "
                + submitted.digest() + " 不一致：已提交的数据可能被改动，或计分规则实现已变化，请核查。";

        List<Cell> tableChanges = new ArrayList<>();
        cell(tableChanges, "total", plain(a.total()), plain(b.total()));
        cell(tableChanges, "grade", a.grade(), b.grade());
        cell(tableChanges, "rubricVersion", a.rubricVersion(), b.rubricVersion());
        cell(tableChanges, "flags", flags(a.flags()), flags(b.flags()));

        Map<String, ScoredItem> nowItems = new LinkedHashMap<>();
        b.items().forEach(i -> i.flatten().forEach(x -> nowItems.put(x.code(), x)));
        List<ItemRow> rows = new ArrayList<>();
        for (ScoredItem top : a.items()) {
            for (ScoredItem x : top.flatten()) {
                rows.add(row(x, nowItems.remove(x.code())));
            }
        }
        for (ScoredItem y : nowItems.values()) {
            rows.add(row(null, y));
        }
        int changedItems = (int) rows.stream().filter(ItemRow::changed).count();
        return new Result(submitted.submissionNo(), submitted.referenceDate(), submitted.submittedBy(),
                submitted.declaredTotal(), then, current, submitted.digest(), recomputed, matches, warning,
                changedItems > 0 || !tableChanges.isEmpty(), changedItems, tableChanges, rows, a, b);
    }

    private static ItemRow row(ScoredItem x, ScoredItem y) {
        ScoredItem any = x != null ? x : y;
        List<Cell> cells = new ArrayList<>();
        if (x == null || y == null) {
            cells.add(new Cell("item", x == null ? null : x.name(), y == null ? null : y.name()));
        } else {
            cell(cells, "weight", plain(x.weight()), plain(y.weight()));
            cell(cells, "score", plain(x.score()), plain(y.score()));
            cell(cells, "exactScore", plain(x.exactScore()), plain(y.exactScore()));
            cell(cells, "judgementBasis", x.judgementBasis(), y.judgementBasis());
            cell(cells, "flags", flags(x.flags()), flags(y.flags()));
            Map<String, ScoredInput> before = inputs(x);
            Map<String, ScoredInput> after = inputs(y);
            Set<String> keys = new LinkedHashSet<>(before.keySet());
            keys.addAll(after.keySet());
            for (String key : keys) {
                cell(cells, "inputs[" + key + "]", input(before.get(key)), input(after.get(key)));
            }
        }
        return new ItemRow(any.code(), any.name(), any.level(), any.weight(), x == null ? null : x.score(),
                y == null ? null : y.score(), !cells.isEmpty(), cells);
    }

    private static Map<String, ScoredInput> inputs(ScoredItem item) {
        Map<String, ScoredInput> result = new LinkedHashMap<>();
        item.inputs().forEach(i -> result.put(i.kind() + ":" + i.code(), i));
        return result;
    }

    private static String input(ScoredInput input) {
        if (input == null) {
            return null;
        }
        return (input.value() == null ? "" : input.value().toPlainString() + " ") + input.display() + " "
                + input.figures().stream().map(f -> f.name() + "=" + (f.value() == null ? f.display()
                        : f.value().toPlainString())).toList();
    }

    private static void cell(List<Cell> cells, String field, String a, String b) {
        if (!Objects.equals(a, b)) {
            cells.add(new Cell(field, a, b));
        }
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }

    private static String flags(List<Flag> flags) {
        return flags.isEmpty() ? null : String.join("；", flags.stream().map(f -> f.kind().label() + "：" + f.detail()).toList());
    }
}
