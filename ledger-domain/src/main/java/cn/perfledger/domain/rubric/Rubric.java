package cn.perfledger.domain.rubric;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.perfledger.domain.common.ConflictException;
import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.Ids;
import cn.perfledger.domain.common.RubricVersionId;
import cn.perfledger.domain.rubric.RubricCommand.PublishRubric;
import cn.perfledger.domain.rubric.RubricCommand.RetireRubric;
import cn.perfledger.domain.rubric.RubricEvent.RubricPublished;
import cn.perfledger.domain.rubric.RubricEvent.RubricRetired;
import java.time.LocalDate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * One published version of a scoring rubric (评分规则), e.g. {@code gz-municipal-2021@1}.
 *
 * <p>Life cycle: {@code PublishRubric} validates the whole tree (see {@link RubricValidator}) and publishes it;
 * a version is immutable from then on, and a changed rubric is a new version id. {@code RetireRubric} records
 * that the version should no longer be used from its effective date; years already scored under it keep their
 * scores. The version's {@link RubricScope} names the departments that may use it. Neither is checked here: a
 * year's aggregates never see this stream, so the app's rubric directory applies both when a year opens, starts
 * its evaluation or is re-scored, and checks that whoever publishes or retires a version has a department scope
 * covering it. A retired version stays retired.
 *
 * <p>{@code PublishRubric} uses {@link AggregateCreationPolicy#CREATE_IF_MISSING} rather than a constructor so
 * that publishing an existing version reaches this aggregate and is refused with a {@link ConflictException},
 * instead of surfacing as a duplicate-key error of the event store.
 */
public class Rubric {

    @AggregateIdentifier
    private RubricVersionId rubricVersionId;
    /** Retirement cannot precede publication. */
    private LocalDate effectiveFrom;
    private boolean retired;

    /** For Axon (event sourcing, creation policy) and Jackson snapshots. */
    public Rubric() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(PublishRubric command) {
        if (rubricVersionId != null) {
            throw new ConflictException("rubricVersionId", "评分规则版本已发布，修改请发布新版本: " + rubricVersionId);
        }
        PublishRubric valid = RubricValidator.validate(command);
        apply(new RubricPublished(valid.rubricVersionId(), valid.name(), valid.jurisdiction(), valid.scope(),
                valid.templateYear(),
                valid.totalWeight(), valid.bonusCap(), valid.tree(), valid.rounding(), valid.grades(),
                valid.gradeCoefficients(), valid.sourceNote(), valid.effectiveDate()));
    }

    @CommandHandler
    public void handle(RetireRubric command) {
        if (retired) {
            throw new ConflictException("rubricVersionId", "评分规则版本已停用: " + rubricVersionId);
        }
        String reason = Ids.requireText("reason", command.reason(), 1000);
        if (command.effectiveDate() == null) {
            throw new DomainException("effectiveDate", "停用日期不能为空");
        }
        if (command.effectiveDate().isBefore(effectiveFrom)) {
            throw new DomainException("effectiveDate", "停用日期不能早于生效日期 " + effectiveFrom + ": " + command.effectiveDate());
        }
        apply(new RubricRetired(rubricVersionId, reason, command.effectiveDate()));
    }

    @EventSourcingHandler
    void on(RubricPublished event) {
        rubricVersionId = event.rubricVersionId();
        effectiveFrom = event.effectiveDate();
    }

    @EventSourcingHandler
    void on(RubricRetired event) {
        retired = true;
    }
}
