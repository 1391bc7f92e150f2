package cn.perfledger.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The verified-credential cache: exact name and password, the very hash verified, within the TTL, bounded. */
class VerifiedCredentialsTest {

    private final AtomicLong now = new AtomicLong();
    private final VerifiedCredentials cache = new VerifiedCredentials(Duration.ofMinutes(5), 3, now::get);

    @Test
    void aHitNeedsTheSameNameThePasswordAndTheHashItWasVerifiedAgainst() {
        cache.remember("Alice", "secret-1", "{bcrypt}hash-1");

        assertThat(cache.matches("alice", "secret-1", "{bcrypt}hash-1")).as("names ignore case").isTrue();
        assertThat(cache.matches("alice", "secret-2", "{bcrypt}hash-1")).as("another password").isFalse();
        assertThat(cache.matches("bob", "secret-1", "{bcrypt}hash-1")).as("another user").isFalse();
        assertThat(cache.matches("alice", "secret-1", "{bcrypt}hash-2")).as("the password was changed").isFalse();
    }

    @Test
    void entriesExpire_andForgetDropsAUsersEntries() {
        cache.remember("alice", "secret-1", "h1");
        now.addAndGet(Duration.ofMinutes(5).toNanos() - 1);
        assertThat(cache.matches("alice", "secret-1", "h1")).isTrue();
        now.addAndGet(1);
        assertThat(cache.matches("alice", "secret-1", "h1")).isFalse();

        cache.remember("alice", "secret-1", "h1");
        cache.forget("ALICE");
        assertThat(cache.matches("alice", "secret-1", "h1")).isFalse();
    }

    @Test
    void keepsAtMostMaxEntries_andNoPasswordInTheClear() {
        for (int i = 0; i < 10; i++) {
            cache.remember("user" + i, "password-" + i, "h" + i);
        }
        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.matches("user9", "password-9", "h9")).isTrue();
        assertThat(cache.matches("user0", "password-0", "h0")).isFalse();
    }

    @Test
    void aTtlOfZeroTurnsItOff() {
        VerifiedCredentials off = new VerifiedCredentials(Duration.ZERO, 10, now::get);
        off.remember("alice", "secret-1", "h1");
        assertThat(off.matches("alice", "secret-1", "h1")).isFalse();
    }
}
