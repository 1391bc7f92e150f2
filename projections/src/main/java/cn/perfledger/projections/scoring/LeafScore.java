package cn.perfledger.projections.scoring;

import cn.perfledger.projections.evaluation.Flag;
import java.math.BigDecimal;
import java.util.List;

/** What a leaf's rule made of its inputs, before rounding; {@code basis}/{@code evaluator} only for judgements. */
record LeafScore(BigDecimal exact, List<ScoredInput> inputs, List<Flag> flags, String basis, String evaluator) {

    static LeafScore of(BigDecimal exact, List<ScoredInput> inputs, List<Flag> flags) {
        return new LeafScore(exact, inputs, flags, null, null);
    }

    static LeafScore zero(List<ScoredInput> inputs, List<Flag> flags) {
        return of(BigDecimal.ZERO, inputs, flags);
    }
}
