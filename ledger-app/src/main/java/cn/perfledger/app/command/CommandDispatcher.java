package cn.perfledger.app.command;

import cn.perfledger.app.query.SubmissionDigestCheck;
import cn.perfledger.domain.common.ConflictException;
import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.evaluation.EvaluationCommand.SubmitSelfEvaluation;
import java.lang.reflect.Field;
import java.util.List;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.springframework.stereotype.Service;

/**
 * The one way the application sends commands: through Axon's {@link CommandGateway}, synchronously, with the
 * sender's {@link CommandOrigin} as metadata (propagated into the events), and with failures translated so that
 * callers see the domain's own exceptions.
 *
 * <p>On the local (non-distributed) command bus Axon hands the handler's exception back unchanged: a refused
 * command throws the aggregate's {@link DomainException} with its field and rule. A distributed bus would wrap it
 * in a {@code CommandExecutionException}; that case is unwrapped through the cause chain as well. Failures of the
 * event store become:
 * <ul>
 *   <li>{@link AggregateStreamCreationException} (the id of a new aggregate is taken) → {@link ConflictException};</li>
 *   <li>{@link ConcurrencyException} (another command appended first) → {@link ConflictException}, once
 *   {@link LostAppendRetry} has sent the command again and it lost every time;</li>
 *   <li>{@link AggregateNotFoundException} (no such department, year, …) → {@link NotFoundException}.</li>
 * </ul>
 * In every refused case the unit of work rolled back: nothing was written.
 *
 * <p>One rule needs the read side and is checked here, before sending, for every sender (API, demo data, any
 * import): a {@link SubmitSelfEvaluation} must carry the digest of the table it submits ({@link SubmissionDigestCheck}).
 */
@Service
public class CommandDispatcher {

    private final CommandGateway commandGateway;
    private final SubmissionDigestCheck submissionDigests;
    private final List<ReadAfterWrite> laggingReadModels;

    public CommandDispatcher(CommandGateway commandGateway, SubmissionDigestCheck submissionDigests,
            List<ReadAfterWrite> laggingReadModels) {
        this.commandGateway = commandGateway;
        this.submissionDigests = submissionDigests;
        this.laggingReadModels = List.copyOf(laggingReadModels);
    }

    /** Sends {@code command} and waits for its result (null for handlers that return nothing). */
    public <R> R send(Object command, CommandOrigin origin) {
        R result;
        for (int attempt = 1; ; attempt++) {
            if (command instanceof SubmitSelfEvaluation submission) {
                submissionDigests.verify(submission);
            }
            CommandMessage<Object> message = GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(origin.toMetaData());
            try {
                result = commandGateway.sendAndWait(message);
                break;
            } catch (RuntimeException e) {
                if (!LostAppendRetry.sendsAgain(e, attempt) || !LostAppendRetry.pauseBefore(attempt + 1)) {
                    throw translate(command, e);
                }
            }
        }
        laggingReadModels.forEach(readModel -> readModel.caughtUpWith(command));
        return result;
    }

    static RuntimeException translate(Object command, RuntimeException failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof DomainException domain) {
                return domain;
            }
            if (t instanceof NotFoundException notFound) {
                return notFound;
            }
            if (t instanceof AggregateStreamCreationException) {
                return new ConflictException(targetField(command),
                        Subjects.of(command) + "已存在，不能重复创建: " + targetId(command));
            }
            if (t instanceof ConcurrencyException) {
                return new ConflictException(targetField(command), "并发修改冲突：" + Subjects.of(command) + " "
                        + targetId(command) + " 刚被另一个请求修改，本次未写入任何记录，请重试");
            }
            if (t instanceof AggregateNotFoundException) {
                return new NotFoundException(targetField(command), notFound(command));
            }
        }
        return failure;
    }

    /**
     * What is missing, and for an evaluation not yet started how to start it: every evaluation command but the first
     * needs the evaluation the year's {@code StartEvaluation} creates.
     */
    static String notFound(Object command) {
        String id = targetId(command);
        if (command.getClass().getName().startsWith("cn.perfledger.domain.evaluation.") && id.endsWith("/evaluation")) {
            String year = id.substring(0, id.length() - "/evaluation".length());
            int slash = year.lastIndexOf('/');
            String path = slash < 0 ? "…" : "/api/v1/departments/" + year.substring(0, slash) + "/years/"
                    + year.substring(slash + 1) + "/evaluation";
            return "部门年度 " + year + " 的自评尚未开始：请先开始自评（POST " + path + "，按开立年度时指定的评价体系），再设定绩效指标、登记实际完成值或录入评分";
        }
        return Subjects.of(command) + "不存在: " + id;
    }

    /** The name of the command's @TargetAggregateIdentifier component, e.g. {@code fiscalYearId}. */
    static String targetField(Object command) {
        Field field = targetFieldOf(command.getClass());
        return field == null ? "id" : field.getName();
    }

    static String targetId(Object command) {
        Field field = targetFieldOf(command.getClass());
        if (field == null) {
            return "?";
        }
        try {
            field.setAccessible(true);
            return String.valueOf(field.get(command));
        } catch (IllegalAccessException e) {
            return "?";
        }
    }

    private static Field targetFieldOf(Class<?> type) {
        for (Field field : type.getDeclaredFields()) {
            if (field.isAnnotationPresent(TargetAggregateIdentifier.class)) {
                return field;
            }
        }
        return null;
    }

    /** The Chinese name of what a command addresses, for messages. */
    static final class Subjects {
        private Subjects() {
        }

        static String of(Object command) {
            String name = command.getClass().getName();
            if (name.startsWith("cn.perfledger.domain.budget.")) {
                return "部门年度";
            }
            if (name.startsWith("cn.perfledger.domain.department.")) {
                return "部门";
            }
            if (name.startsWith("cn.perfledger.domain.evaluation.")) {
                return "部门年度自评";
            }
            if (name.startsWith("cn.perfledger.domain.rubric.")) {
                return "评价体系版本";
            }
            return "对象";
        }
    }
}
