package cn.perfledger.app.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.perfledger.domain.common.ConflictException;
import cn.perfledger.domain.common.DomainException;
import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** {@link CommandDispatcher} sends a command that lost the append race again, and nothing else. */
class LostAppendRetryTest {

    record Touch(@TargetAggregateIdentifier String yearId) {
    }

    /** A gateway answering each send with the next scripted outcome; records the messages it was sent. */
    static final class ScriptedGateway {
        final Deque<Supplier<Object>> outcomes = new ArrayDeque<>();
        final List<CommandMessage<?>> sent = new ArrayList<>();

        CommandGateway gateway() {
            return (CommandGateway) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {CommandGateway.class}, (proxy, method, args) -> {
                        if (!method.getName().equals("sendAndWait") || args.length != 1) {
                            throw new UnsupportedOperationException(method.getName());
                        }
                        sent.add((CommandMessage<?>) args[0]);
                        return outcomes.removeFirst().get();
                    });
        }

        ScriptedGateway then(Supplier<Object> outcome) {
            outcomes.add(outcome);
            return this;
        }
    }

    static Supplier<Object> lostRace() {
        return () -> {
            throw new ConcurrencyException("An event for aggregate [Y] at sequence [7] was already inserted");
        };
    }

    static CommandDispatcher dispatcher(ScriptedGateway script) {
        return new CommandDispatcher(script.gateway(), null, List.of());
    }

    @Test
    void aCommandThatLostTheRaceIsSentAgainAndItsResultReturned() {
        ScriptedGateway script = new ScriptedGateway().then(lostRace()).then(() -> "recorded");

        Object result = dispatcher(script).send(new Touch("TIS/2021"), CommandOrigin.of(ClientKind.API));

        assertThat(result).isEqualTo("recorded");
        assertThat(script.sent).hasSize(2);
        assertThat(script.sent.get(1).getIdentifier()).as("each attempt is a message of its own")
                .isNotEqualTo(script.sent.get(0).getIdentifier());
        assertThat(script.sent.get(1).getPayload()).isEqualTo(script.sent.get(0).getPayload());
        assertThat(script.sent.get(1).getMetaData()).isEqualTo(script.sent.get(0).getMetaData());
    }

    @Test
    void aCommandThatLosesEveryAttemptIsAnsweredAsAConflict() {
        ScriptedGateway script = new ScriptedGateway();
        for (int i = 0; i < LostAppendRetry.ATTEMPTS + 2; i++) {
            script.then(lostRace());
        }

        assertThatThrownBy(() -> dispatcher(script).send(new Touch("TIS/2021"), CommandOrigin.of(ClientKind.API)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("并发修改冲突");
        assertThat(script.sent).hasSize(LostAppendRetry.ATTEMPTS);
    }

    @Test
    void refusalsAndTakenIdsAreFinal() {
        ScriptedGateway refused = new ScriptedGateway().then(() -> {
            throw new DomainException("amount", "可用预算不足");
        }).then(() -> "must not be sent");
        assertThatThrownBy(() -> dispatcher(refused).send(new Touch("Y"), CommandOrigin.of(ClientKind.API)))
                .isInstanceOf(DomainException.class).hasMessageContaining("可用预算不足");
        assertThat(refused.sent).hasSize(1);

        ScriptedGateway taken = new ScriptedGateway().then(() -> {
            throw new AggregateStreamCreationException("exists");
        }).then(() -> "must not be sent");
        assertThatThrownBy(() -> dispatcher(taken).send(new Touch("Y"), CommandOrigin.of(ClientKind.API)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("已存在");
        assertThat(taken.sent).hasSize(1);
    }

    @Test
    void insideSomeoneElsesTransactionTheConflictIsAnsweredAtOnce() {
        ScriptedGateway script = new ScriptedGateway().then(lostRace()).then(() -> "must not be sent");
        TransactionSynchronizationManager.setActualTransactionActive(true);
        try {
            assertThatThrownBy(() -> dispatcher(script).send(new Touch("Y"), CommandOrigin.of(ClientKind.API)))
                    .isInstanceOf(ConflictException.class);
        } finally {
            TransactionSynchronizationManager.setActualTransactionActive(false);
        }
        assertThat(script.sent).hasSize(1);
    }
}
