package cn.perfledger.domain.evaluation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.perfledger.domain.common.ConflictException;
import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.Ids;
import cn.perfledger.domain.evaluation.EvaluationCommand.RecordBonusPenalty;
import cn.perfledger.domain.evaluation.EvaluationEvent.BonusPenaltyRecorded;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bonus and penalty entries (加减分事项) of an evaluation. Rules: an entry id once; a kind; points above 0 (the
 * kind says whether they are added or taken off), at most 100 with two decimals; a reason; effective within the year.
 */
final class BonusPenaltyBook extends EvaluationPart {

    /** Kind of each bonus/penalty entry, by entry id: entry ids are unique. */
    private Map<String, BonusPenaltyKind> bonusPenaltyEntries = new LinkedHashMap<>();

    /** For Jackson (snapshots). */
    public BonusPenaltyBook() {
    }

    BonusPenaltyBook copy() {
        BonusPenaltyBook copy = copyInto(new BonusPenaltyBook());
        copy.bonusPenaltyEntries = new LinkedHashMap<>(bonusPenaltyEntries);
        return copy;
    }

    void handle(RecordBonusPenalty command) {
        if (command.entryId() == null) {
            throw new DomainException("entryId", "加减分事项编码不能为空");
        }
        if (bonusPenaltyEntries.containsKey(command.entryId().value())) {
            throw new ConflictException("entryId", "加减分事项编码已存在: " + command.entryId());
        }
        if (command.kind() == null) {
            throw new DomainException("kind", "加减分类型不能为空，可选: BONUS（加分）, PENALTY（减分）");
        }
        BigDecimal points = requireAmount("points", command.points(), HUNDRED, "分数");
        if (points.signum() == 0) {
            throw new DomainException("points", "分数必须大于 0（加分或减分由类型表示）");
        }
        String reason = Ids.requireText("reason", command.reason(), 1000);
        String documentNo = Ids.optionalText("documentNo", command.documentNo(), 100);
        year().requireContains("effectiveDate", command.effectiveDate());
        apply(new BonusPenaltyRecorded(evaluationId, command.entryId(), command.kind(), points, reason, documentNo,
                command.effectiveDate()));
    }

    // ---- event sourcing (called by the evaluation's handlers): assignment only ----

    void on(BonusPenaltyRecorded event) {
        bonusPenaltyEntries.put(event.entryId().value(), event.kind());
    }
}
