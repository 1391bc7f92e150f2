package cn.perfledger.app.command;

import java.util.concurrent.ThreadLocalRandom;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A command that lost the append race is decided again here before the client is told {@code 409 并发修改冲突}.
 *
 * <p>Why the server may: the loser's insert failed on the unique (aggregateIdentifier, sequenceNumber) key, so its
 * unit of work rolled back, nothing of it was written, and Axon dropped its cached aggregate. Sending the same
 * command again loads the aggregate as the winner left it and decides it anew — exactly what a client's resend
 * would do (README, retry policy), without the round trip. Within one instance Axon's aggregate lock already
 * serialises the commands of a year; the race is lost to <em>another instance</em> on the same database, and a few
 * milliseconds later the same command usually wins.
 *
 * <p>Only a {@link ConcurrencyException} is retried (a taken id, {@code AggregateStreamCreationException}, is
 * final, as is every refusal), only {@value #ATTEMPTS} times in all, and only when no surrounding transaction is
 * active: a failed insert inside someone else's transaction leaves that transaction for its owner to roll back.
 */
final class LostAppendRetry {

    static final int ATTEMPTS = 3;

    private LostAppendRetry() {
    }

    /** Whether the command that failed with {@code failure} on attempt {@code attempt} is sent again. */
    static boolean sendsAgain(RuntimeException failure, int attempt) {
        return attempt < ATTEMPTS && lostTheRace(failure)
                && !TransactionSynchronizationManager.isActualTransactionActive();
    }

    /**
     * A short jittered pause (attempt 2: 1–16 ms, attempt 3: 1–32 ms), so that two instances racing for one year do
     * not meet again in step; false if the thread was interrupted (then the conflict is answered as it is).
     */
    static boolean pauseBefore(int nextAttempt) {
        long millis = ThreadLocalRandom.current().nextLong(1, 1L + (4L << nextAttempt));
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static boolean lostTheRace(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}
