package cn.perfledger.domain.evaluation;

import cn.perfledger.domain.common.DomainException;
import java.math.BigDecimal;

/**
 * A rubric's 得分系数 for qualitative indicators: the share of an indicator's weight each recorded {@link Grade}
 * earns (score = 分值 × 系数), and the completion rate shown for it. Rubric data: a rubric that prints its own table
 * carries it, every other uses {@link #DEFAULT}.
 *
 * <p>The default 1 / 0.8 / 0.6 / 0 puts each grade inside the band the published forms give it. The national 项目支出绩效
 * 自评表 notes (财预〔2020〕10号) as provinces print them score a qualitative indicator in three bands of its weight —
 * 达成预期指标 100%–80% (含 80%), 部分达成预期指标并具有一定效果 80%–50% (含 50%), 未达成预期指标且效果较差 50%–0 — e.g.
 * 山东 济南市历城区 2019 项目支出绩效自评表 (http://jnslcqwhg.cn/newsinf_id_308.html: “根据‘三档’原则分别按照指标分值的
 * 100-80%（含80%）、80-50%（含50%）、50-0%来记分”); 四川 中江县 2022 衔接资金绩效目标自评表 uses 100–80%, 80–60%, 60–0
 * (https://chacewang.com/newsdetail/news242266.html). 达成 takes the top of the first band (1), 基本达成 its lower end
 * (0.8, still inside it), 部分达成 0.6 (inside the middle band of both), 未达成 the bottom (0). A rubric that scores
 * differently carries its own table.
 */
public record GradeCoefficients(BigDecimal achieved, BigDecimal largelyAchieved, BigDecimal partlyAchieved,
        BigDecimal notAchieved) {

    public static final GradeCoefficients DEFAULT = new GradeCoefficients(BigDecimal.ONE, new BigDecimal("0.8"),
            new BigDecimal("0.6"), BigDecimal.ZERO);

    public BigDecimal coefficient(Grade grade) {
        return switch (grade) {
            case ACHIEVED -> achieved;
            case LARGELY_ACHIEVED -> largelyAchieved;
            case PARTLY_ACHIEVED -> partlyAchieved;
            case NOT_ACHIEVED -> notAchieved;
        };
    }

    /** The table, or the default when the rubric gives none. */
    public static GradeCoefficients orDefault(GradeCoefficients coefficients) {
        return coefficients != null ? coefficients : DEFAULT;
    }

    /** Refuses a table with a missing coefficient, one outside [0, 1], or a lower grade earning more than a higher. */
    public GradeCoefficients validated(String field) {
        BigDecimal previous = BigDecimal.ONE;
        for (Grade grade : Grade.values()) {
            BigDecimal c = coefficient(grade);
            if (c == null) {
                throw new DomainException(field, "得分系数缺少「" + grade.label() + "」");
            }
            if (c.signum() < 0 || c.compareTo(BigDecimal.ONE) > 0) {
                throw new DomainException(field, "得分系数须在 0 至 1 之间: " + grade.label() + " " + c.toPlainString());
            }
            if (c.compareTo(previous) > 0) {
                throw new DomainException(field, "得分系数须随等级降低而不增: " + grade.label() + " " + c.toPlainString());
            }
            previous = c;
        }
        return this;
    }

    /** "达成 1、基本达成 0.8、部分达成 0.6、未达成 0", for lineage and messages. */
    public String display() {
        StringBuilder out = new StringBuilder();
        for (Grade grade : Grade.values()) {
            if (!out.isEmpty()) {
                out.append('、');
            }
            out.append(grade.label()).append(' ').append(coefficient(grade).stripTrailingZeros().toPlainString());
        }
        return out.toString();
    }
}
