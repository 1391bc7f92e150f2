package cn.perfledger.projections.audit;

import cn.perfledger.domain.rubric.RubricEvent.RubricPublished;
import cn.perfledger.projections.basis.Basis;
import cn.perfledger.projections.scoring.ScoredItem;
import cn.perfledger.projections.scoring.ScoredTable;
import cn.perfledger.projections.scoring.ScoringEngine;
import cn.perfledger.projections.scoring.SelfEvaluationFold;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The same basis scored under another published rubric version, item by item next to the version the year
 * uses, matched by item code; items of only one version are listed as added (only in the other version) or
 * removed (only in the year's version).
 */
public final class Rescore {

    public enum Match {
        /** In both versions. */
        BOTH,
        /** Only in the other version. */
        ADDED,
        /** Only in the year's version. */
        REMOVED
    }

    /** @param difference scoreOther − scoreCurrent (a missing side counts 0) */
    public record Row(String code, String name, Match match, BigDecimal weightCurrent, BigDecimal scoreCurrent,
            BigDecimal weightOther, BigDecimal scoreOther, BigDecimal difference, boolean changed) {
    }

    public record Result(Basis basis, String currentVersion, String otherVersion, BigDecimal totalCurrent,
            BigDecimal totalOther, BigDecimal totalDifference, String gradeCurrent, String gradeOther,
            List<Row> items, ScoredTable current, ScoredTable other) {
    }

    private Rescore() {
    }

    /** Empty when the basis admits no rubric for the year. */
    public static Optional<Result> of(SelfEvaluationFold fold, Basis basis, RubricPublished other) {
        Optional<ScoredTable> current = fold.scoredTable();
        if (current.isEmpty()) {
            return Optional.empty();
        }
        ScoredTable a = current.get();
        ScoredTable b = ScoringEngine.score(other, fold.metrics(), fold.evaluation());
        Map<String, ScoredItem> bItems = new LinkedHashMap<>();
        b.items().forEach(i -> i.flatten().forEach(x -> bItems.put(x.code(), x)));
        List<Row> rows = new ArrayList<>();
        for (ScoredItem top : a.items()) {
            for (ScoredItem x : top.flatten()) {
                ScoredItem y = bItems.remove(x.code());
                if (y == null) {
                    rows.add(new Row(x.code(), x.name(), Match.REMOVED, x.weight(), x.score(), null, null,
                            x.score().negate(), true));
                } else {
                    BigDecimal diff = y.score().subtract(x.score());
                    rows.add(new Row(x.code(), x.name(), Match.BOTH, x.weight(), x.score(), y.weight(), y.score(),
                            diff, diff.signum() != 0 || x.weight().compareTo(y.weight()) != 0));
                }
            }
        }
        for (ScoredItem y : bItems.values()) {
            rows.add(new Row(y.code(), y.name(), Match.ADDED, null, null, y.weight(), y.score(), y.score(), true));
        }
        return Optional.of(new Result(basis, a.rubricVersion(), b.rubricVersion(), a.total(), b.total(),
                b.total().subtract(a.total()), a.grade(), b.grade(), rows, a, b));
    }
}
