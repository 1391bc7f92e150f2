package cn.perfledger.domain.rubric;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The grade bands (绩效等级) of a rubric, highest first; a total gets the first band whose minimum it reaches.
 * The last band has no minimum so that every total has a grade.
 */
public record GradeScale(List<GradeBand> bands) {

    /** {@code minScore} is inclusive; null only on the last band. */
    public record GradeBand(String grade, BigDecimal minScore) {
    }

    public GradeScale {
        bands = bands == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(bands));
    }

    /** 优 ≥ 90, 良 [80, 90), 中 [60, 80), 差 &lt; 60. */
    public static GradeScale defaults() {
        return new GradeScale(List.of(
                new GradeBand("优", BigDecimal.valueOf(90)),
                new GradeBand("良", BigDecimal.valueOf(80)),
                new GradeBand("中", BigDecimal.valueOf(60)),
                new GradeBand("差", null)));
    }

    /** The grade of a total score. */
    public String gradeOf(BigDecimal total) {
        for (GradeBand band : bands) {
            if (band.minScore() == null || total.compareTo(band.minScore()) >= 0) {
                return band.grade();
            }
        }
        throw new IllegalStateException("等级表没有兜底的最低档");
    }
}
