package cn.perfledger.app.rubric;

import cn.perfledger.app.command.NotFoundException;
import cn.perfledger.app.eventstore.EventTable;
import cn.perfledger.app.history.EventHistory;
import cn.perfledger.app.readmodel.DirectoryQueries;
import cn.perfledger.app.security.DepartmentScope;
import cn.perfledger.domain.common.RubricVersionId;
import cn.perfledger.domain.evaluation.GradeCoefficients;
import cn.perfledger.domain.rubric.GradeScale;
import cn.perfledger.domain.rubric.Rounding;
import cn.perfledger.domain.rubric.RubricEvent.RubricPublished;
import cn.perfledger.domain.rubric.RubricEvent.RubricRetired;
import cn.perfledger.domain.rubric.RubricNode;
import cn.perfledger.domain.rubric.RubricScope;
import cn.perfledger.projections.basis.RecordedEvent;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;

/**
 * The rubric versions as published: every version's publication and retirement read from its own stream (the
 * streams that start with {@code RubricPublished}), and the department-years that name it (the directory). What
 * the API's {@code GET /api/v1/rubrics} and the rubric pages show; nothing here decides who may use a version
 * ({@link RubricDirectory#requireUsable} does).
 */
@Service
public class RubricCatalog {

    @Schema(description = "使用该版本的部门年度")
    public record YearUse(String fiscalYearId, String departmentId, String departmentName, int year,
            @Schema(description = "评价体系版本") String rubricVersion) {
    }

    @Schema(description = "评价体系版本概要")
    public record Summary(String rubricVersionId, String name, String jurisdiction,
            @Schema(description = "适用部门") RubricScope scope, String scopeLabel, int templateYear,
            BigDecimal totalWeight, BigDecimal bonusCap, @Schema(description = "生效日期") LocalDate effectiveDate,
            @Schema(description = "发布记录时间") Instant publishedAt,
            @Schema(description = "停用日期；未停用为空") LocalDate retiredOn, String retirementReason,
            @Schema(description = "末级评分项数") int leafCount, List<YearUse> years) {
    }

    @Schema(description = "评价体系版本：评分项树（每个末级项的评分规则、数据来源、指标解释与评分标准）、取整、等级、得分系数")
    public record Detail(Summary version, List<RubricNode> tree, Rounding rounding, GradeScale grades,
            GradeCoefficients gradeCoefficients, String sourceNote) {
    }

    private final EventTable table;
    private final EventHistory history;
    private final DirectoryQueries directory;

    public RubricCatalog(EventTable table, EventHistory history, DirectoryQueries directory) {
        this.table = table;
        this.history = history;
        this.directory = directory;
    }

    /**
     * Whether a reader scoped to {@code scope} sees a version: one for all departments, or one naming a department
     * of his (a version only for 番禺 is 番禺's business).
     */
    public static boolean visible(Summary version, DepartmentScope scope) {
        return scope.all() || version.scope() == null || version.scope().allDepartments()
                || version.scope().departments().stream().anyMatch(d -> scope.covers(d.code()));
    }

    /** Every version the reader sees, by id, with the years of the departments he sees. */
    public List<Summary> list(DepartmentScope reader) {
        return all(reader::covers).stream().filter(v -> visible(v, reader)).toList();
    }

    /** One version the reader sees; {@link NotFoundException} when unknown or not his. */
    public Detail get(RubricVersionId id, DepartmentScope reader) {
        Detail detail = get(id, reader::covers);
        if (!visible(detail.version(), reader)) {
            throw new NotFoundException("rubricVersionId", "评价体系版本不在您的部门范围内: " + id);
        }
        return detail;
    }

    /** Every version, by id, with the years of the departments {@code maySeeDepartment} admits. */
    public List<Summary> all(Predicate<String> maySeeDepartment) {
        List<YearUse> uses = uses(maySeeDepartment);
        List<Summary> all = new ArrayList<>();
        for (String id : table.streamsStartingWith(RubricPublished.class.getSimpleName())) {
            read(new RubricVersionId(id), uses).ifPresent(detail -> all.add(detail.version()));
        }
        return all;
    }

    /** One version; {@link NotFoundException} when nothing was published under that id. */
    Detail get(RubricVersionId id, Predicate<String> maySeeDepartment) {
        if (table.count(id.value()) == 0) {
            throw new NotFoundException("rubricVersionId", "评价体系版本未发布: " + id);
        }
        return read(id, uses(maySeeDepartment)).orElseThrow(() -> new NotFoundException("rubricVersionId",
                "评价体系版本未发布: " + id));
    }

    private Optional<Detail> read(RubricVersionId id, List<YearUse> uses) {
        RubricPublished published = null;
        Instant publishedAt = null;
        RubricRetired retired = null;
        for (RecordedEvent event : history.rubric(id)) {
            if (event.payload() instanceof RubricPublished p) {
                published = p;
                publishedAt = event.recordedAt();
            } else if (event.payload() instanceof RubricRetired r) {
                retired = r;
            }
        }
        if (published == null) {
            return Optional.empty();
        }
        List<YearUse> years = uses.stream().filter(u -> id.value().equals(u.rubricVersion())).toList();
        Summary summary = new Summary(id.value(), published.name(), published.jurisdiction(), published.scope(),
                scopeLabel(published.scope()), published.templateYear(),
                published.totalWeight(), published.bonusCap(), published.effectiveDate(), publishedAt,
                retired == null ? null : retired.effectiveDate(), retired == null ? null : retired.reason(),
                leaves(published.tree()), years);
        return Optional.of(new Detail(summary, published.tree(), published.rounding(), published.grades(),
                published.gradeCoefficients(), published.sourceNote()));
    }

    private List<YearUse> uses(Predicate<String> maySeeDepartment) {
        List<YearUse> uses = new ArrayList<>();
        directory.departments().stream().filter(d -> maySeeDepartment.test(d.departmentId()))
                .forEach(d -> d.years().forEach(y -> {
                    if (y.rubricVersion() != null) {
                        uses.add(new YearUse(y.fiscalYearId(), d.departmentId(), d.name(), y.year(),
                                y.rubricVersion()));
                    }
                }));
        return uses;
    }

    /** 全部部门, or each department's name beside its code. */
    private String scopeLabel(RubricScope scope) {
        if (scope == null) {
            return "";
        }
        if (scope.allDepartments()) {
            return scope.label();
        }
        return String.join("、", scope.departments().stream().map(d -> directory.department(d.code())
                .map(v -> v.name() + "（" + d.code() + "）").orElse(d.code())).toList());
    }

    private static int leaves(List<RubricNode> nodes) {
        int count = 0;
        for (RubricNode node : nodes) {
            count += node.children().isEmpty() ? 1 : leaves(node.children());
        }
        return count;
    }
}
