package cn.perfledger.domain.evaluation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.Ids;
import cn.perfledger.domain.common.RubricItemCode;
import cn.perfledger.domain.evaluation.EvaluationCommand.EnterJudgementScore;
import cn.perfledger.domain.evaluation.EvaluationCommand.WithdrawJudgementScore;
import cn.perfledger.domain.evaluation.EvaluationEvent.JudgementScoreEntered;
import cn.perfledger.domain.evaluation.EvaluationEvent.JudgementScoreWithdrawn;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The judgement scores (评分) of an evaluation: per rubric item the score currently entered and its 评分依据. Decides
 * entering a score (it supersedes the one before, which its event names) and withdrawing one. Rules: a score is
 * between 0 and 100 with at most two decimals, has a basis and an evaluator, and is entered within the evaluation
 * window; only an entered score can be withdrawn.
 */
final class JudgementBook extends EvaluationPart {

    /** Score currently entered for each judgement item, by rubric item code. */
    private Map<String, BigDecimal> judgementScores = new LinkedHashMap<>();
    /** 评分依据 of the score currently entered, by rubric item code: an imported row repeating both changes nothing. */
    private Map<String, String> judgementBases = new LinkedHashMap<>();

    /** For Jackson (snapshots). */
    public JudgementBook() {
    }

    JudgementBook copy() {
        JudgementBook copy = copyInto(new JudgementBook());
        copy.judgementScores = new LinkedHashMap<>(judgementScores);
        copy.judgementBases = new LinkedHashMap<>(judgementBases);
        return copy;
    }

    JudgementScoreEntered decide(EnterJudgementScore command) {
        RubricItemCode code = requireItemCode(command.rubricItemCode());
        BigDecimal score = requireAmount("score", command.score(), HUNDRED, "评分");
        String basis = Ids.requireText("basis", command.basis(), 4000);
        String evaluator = Ids.requireText("evaluator", command.evaluator(), 100);
        requireInEvaluationWindow("effectiveDate", command.effectiveDate());
        return new JudgementScoreEntered(evaluationId, code, score, basis, evaluator,
                judgementScores.get(code.value()), command.effectiveDate());
    }

    void handle(WithdrawJudgementScore command) {
        RubricItemCode code = requireItemCode(command.rubricItemCode());
        BigDecimal entered = judgementScores.get(code.value());
        if (entered == null) {
            throw new DomainException("rubricItemCode", "该评分项没有已录入的评分，无法撤回: " + code);
        }
        String reason = Ids.requireText("reason", command.reason(), 1000);
        requireInEvaluationWindow("effectiveDate", command.effectiveDate());
        apply(new JudgementScoreWithdrawn(evaluationId, code, entered, reason, command.effectiveDate()));
    }

    /** The score entered for an item, or null. */
    BigDecimal score(String rubricItemCode) {
        return judgementScores.get(rubricItemCode);
    }

    /** The 评分依据 of the score entered for an item, or null. */
    String basis(String rubricItemCode) {
        return judgementBases.get(rubricItemCode);
    }

    private static RubricItemCode requireItemCode(RubricItemCode code) {
        if (code == null) {
            throw new DomainException("rubricItemCode", "评分项编码不能为空");
        }
        return code;
    }

    // ---- event sourcing (called by the evaluation's handlers): assignment only ----

    void on(JudgementScoreEntered event) {
        judgementScores.put(event.rubricItemCode().value(), event.score());
        judgementBases.put(event.rubricItemCode().value(), event.basis());
    }

    void on(JudgementScoreWithdrawn event) {
        judgementScores.remove(event.rubricItemCode().value());
        judgementBases.remove(event.rubricItemCode().value());
    }
}
