package cn.perfledger.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The throttle's rule on a clock the test moves: thresholds, growing delays, resets, races and memory. */
class SignInThrottleTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000_000L);
    private final SignInThrottle throttle = new SignInThrottle(new SignInThrottle.Settings(50, 20, 5,
            Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofHours(1), 1000), now::get);

    @Test
    void fiveFailuresOfOneUserAtOneAddress_lockWithADelayThatDoubles() {
        for (int i = 0; i < 5; i++) {
            fail("alice", "10.0.0.1");
        }
        assertRefused("alice", "10.0.0.1", 1);
        assertRefused("ALICE", "10.0.0.1", 1); // names are case-insensitive, as sign-in is
        advance(Duration.ofMillis(1001));
        fail("alice", "10.0.0.1"); // the 6th is checked, fails: 2 s
        assertRefused("alice", "10.0.0.1", 2);
        advance(Duration.ofSeconds(2));
        fail("alice", "10.0.0.1");
        assertRefused("alice", "10.0.0.1", 4);
        // the same user from another address is not held up by this pair
        throttle.admit("alice", "10.0.0.2").succeeded();
    }

    @Test
    void aSuccessResetsTheCount() {
        for (int i = 0; i < 4; i++) {
            fail("bob", "10.0.1.1");
        }
        throttle.admit("bob", "10.0.1.1").succeeded();
        for (int i = 0; i < 4; i++) {
            fail("bob", "10.0.1.1");
        }
        throttle.admit("bob", "10.0.1.1").close(); // still admitted: the count started again
    }

    @Test
    void anAddressTryingManyNames_isLockedAfterTwentyFailures_otherAddressesAreNot() {
        for (int i = 0; i < 20; i++) {
            fail("user" + i, "10.0.2.1");
        }
        assertRefused("somebody-else", "10.0.2.1", 1);
        throttle.admit("somebody-else", "10.0.2.2").succeeded();
    }

    @Test
    void aUserGuessedFromManyAddresses_isLockedEverywhereAfterFifty() {
        for (int i = 0; i < 50; i++) {
            fail("carol", "10.1." + i + ".1");
        }
        assertRefused("carol", "10.9.9.9", 1);
    }

    @Test
    void parallelAttemptsCannotSlipPastTheCount() {
        fail("dave", "10.0.3.1");
        // four attempts in flight after one failure: together they may reach the threshold, so a fifth waits
        SignInThrottle.Attempt[] inFlight = new SignInThrottle.Attempt[4];
        for (int i = 0; i < 4; i++) {
            inFlight[i] = throttle.admit("dave", "10.0.3.1");
        }
        assertRefused("dave", "10.0.3.1", 1);
        for (SignInThrottle.Attempt attempt : inFlight) {
            attempt.failed();
            attempt.close();
        }
        assertRefused("dave", "10.0.3.1", 1);
        // after the threshold only one attempt at a time is checked
        advance(Duration.ofSeconds(1));
        SignInThrottle.Attempt one = throttle.admit("dave", "10.0.3.1");
        assertRefused("dave", "10.0.3.1", 1);
        one.close();
    }

    @Test
    void aUserWhoNeverFailed_isNeverHeldUp_byParallelRequests() {
        for (int i = 0; i < 100; i++) {
            throttle.admit("erin", "10.0.4.1");
        }
    }

    @Test
    void aQuietStreakIsForgotten() {
        for (int i = 0; i < 4; i++) {
            fail("frank", "10.0.5.1");
        }
        advance(Duration.ofHours(1).plusSeconds(1));
        for (int i = 0; i < 4; i++) {
            fail("frank", "10.0.5.1");
        }
        throttle.admit("frank", "10.0.5.1").close();
    }

    @Test
    void delaysDoubleUpToTheCap() {
        assertThat(throttle.delay(0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.delay(3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(throttle.delay(10)).isEqualTo(Duration.ofMinutes(15));
        assertThat(throttle.delay(10_000)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aFloodOfRandomNames_keepsEachTableBounded() {
        Random random = new Random(20261206L);
        for (int i = 0; i < 200_000; i++) {
            String address = "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256);
            try {
                fail(Long.toHexString(random.nextLong()), address);
            } catch (SignInThrottledException e) {
                // some addresses repeat and lock: refused without an entry for the name
            }
        }
        for (int size : throttle.sizes()) {
            assertThat(size).isLessThanOrEqualTo(1000);
        }
        // from one address, a locked flood adds no more names
        SignInThrottle fresh = new SignInThrottle(new SignInThrottle.Settings(50, 20, 5, Duration.ofSeconds(1),
                Duration.ofMinutes(15), Duration.ofHours(1), 1000), now::get);
        for (int i = 0; i < 10_000; i++) {
            try {
                SignInThrottle.Attempt attempt = fresh.admit("name-" + i, "10.7.7.7");
                attempt.failed();
            } catch (SignInThrottledException e) {
                // locked after 20
            }
        }
        assertThat(fresh.sizes()).containsExactly(20, 1, 20);
    }

    private void fail(String user, String address) {
        SignInThrottle.Attempt attempt = throttle.admit(user, address);
        attempt.failed();
        attempt.close();
    }

    private void assertRefused(String user, String address, long retryAfterSeconds) {
        assertThatThrownBy(() -> throttle.admit(user, address)).isInstanceOfSatisfying(SignInThrottledException.class,
                e -> assertThat(e.retryAfterSeconds()).isEqualTo(retryAfterSeconds));
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }
}
