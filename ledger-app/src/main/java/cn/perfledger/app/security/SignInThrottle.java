package cn.perfledger.app.security;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per user name, per client address and per (user name, address), and refuses an attempt
 * before its password is checked (so without the cost of bcrypt) while one of them is locked.
 *
 * <p>Rule, for each of the three: after {@code free} failures in a row every further failure locks for a delay
 * that doubles from {@code first-delay} up to {@code max-delay}; while locked every attempt is refused with the
 * time left. After the threshold only one attempt at a time is checked, and below it at most {@code free} minus
 * the failures so far, so parallel requests cannot slip past the count. A success resets the user's, the pair's
 * and the address's count; a streak with no failure for {@code forget-after} is forgotten. Thresholds: the pair
 * locks first (one guesser, one account); the address next (one client trying many names); the user name last,
 * high enough that a guesser at one address cannot lock its owner out elsewhere for hours.
 *
 * <p>Memory is bounded: each of the three tables keeps at most {@code max-entries} streaks (least recently used
 * dropped first), and a locked address creates no user entries, so a flood of random user names costs a few MB.
 * The address is {@code request.getRemoteAddr()}: forwarded headers count only where Tomcat is told to trust a
 * proxy ({@code server.forward-headers-strategy=native}).
 */
@Component
public class SignInThrottle {

    /** The thresholds and delays ({@code ledger.security.sign-in-throttle.*}). */
    public record Settings(int userFree, int addressFree, int pairFree, Duration firstDelay, Duration maxDelay,
            Duration forgetAfter, int maxEntries) {
    }

    /** One admitted attempt: say how it ended; {@link #close()} releases it in any case. */
    public final class Attempt implements AutoCloseable {
        private final Streak[] streaks;
        private boolean settled;

        private Attempt(Streak[] streaks) {
            this.streaks = streaks;
        }

        public void succeeded() {
            settle(this, true);
        }

        public void failed() {
            settle(this, false);
        }

        /** Without a verdict (e.g. the database failed): nothing is counted. */
        @Override
        public void close() {
            settle(this, null);
        }
    }

    private static final class Streak {
        private final String key;
        private final int free;
        private int failures;
        private int pending;
        private long lockedUntil;
        private long lastFailure;
        private long refused;

        private Streak(String key, int free) {
            this.key = key;
            this.free = free;
        }
    }

    private final Settings settings;
    private final LongSupplier nanoTime;
    private final Map<String, Streak> users;
    private final Map<String, Streak> addresses;
    private final Map<String, Streak> pairs;

    @Autowired
    public SignInThrottle(@Value("${ledger.security.sign-in-throttle.user-free:50}") int userFree,
            @Value("${ledger.security.sign-in-throttle.address-free:20}") int addressFree,
            @Value("${ledger.security.sign-in-throttle.pair-free:5}") int pairFree,
            @Value("${ledger.security.sign-in-throttle.first-delay:PT1S}") Duration firstDelay,
            @Value("${ledger.security.sign-in-throttle.max-delay:PT15M}") Duration maxDelay,
            @Value("${ledger.security.sign-in-throttle.forget-after:PT1H}") Duration forgetAfter,
            @Value("${ledger.security.sign-in-throttle.max-entries:10000}") int maxEntries) {
        this(new Settings(userFree, addressFree, pairFree, firstDelay, maxDelay, forgetAfter, maxEntries),
                System::nanoTime);
    }

    SignInThrottle(Settings settings, LongSupplier nanoTime) {
        this.settings = settings;
        this.nanoTime = nanoTime;
        this.users = bounded(settings.maxEntries());
        this.addresses = bounded(settings.maxEntries());
        this.pairs = bounded(settings.maxEntries());
    }

    /** The key of a user name: case-insensitive (as sign-in is), cut to a bounded length. */
    static String userKey(String username) {
        String key = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return key.length() > 100 ? key.substring(0, 100) : key;
    }

    /**
     * Admits an attempt of {@code username} from {@code address}, or refuses it with
     * {@link SignInThrottledException} (the address is checked first, so a locked flood adds no entries).
     */
    public synchronized Attempt admit(String username, String address) {
        long now = nanoTime.getAsLong();
        String user = userKey(username);
        Streak byAddress = current(addresses, address, now);
        refuseIfLocked(byAddress, now);
        Streak byPair = current(pairs, user + "@" + address, now);
        refuseIfLocked(byPair, now);
        Streak byUser = current(users, user, now);
        refuseIfLocked(byUser, now);
        Streak[] streaks = {
            byAddress != null ? byAddress : create(addresses, address, settings.addressFree()),
            byPair != null ? byPair : create(pairs, user + "@" + address, settings.pairFree()),
            byUser != null ? byUser : create(users, user, settings.userFree())};
        for (Streak streak : streaks) {
            streak.pending++;
        }
        return new Attempt(streaks);
    }

    private synchronized void settle(Attempt attempt, Boolean success) {
        if (attempt.settled) {
            return;
        }
        attempt.settled = true;
        long now = nanoTime.getAsLong();
        for (Streak streak : attempt.streaks) {
            streak.pending--;
            if (Boolean.TRUE.equals(success)) {
                streak.failures = 0;
                streak.lockedUntil = 0;
                streak.refused = 0;
            } else if (Boolean.FALSE.equals(success)) {
                streak.failures++;
                streak.lastFailure = now;
                if (streak.failures >= streak.free) {
                    streak.lockedUntil = now + delay(streak.failures - streak.free).toNanos();
                    streak.refused = 0;
                }
            }
        }
    }

    /** {@code first-delay × 2^excess}, at most {@code max-delay}. */
    Duration delay(int excess) {
        Duration delay = settings.firstDelay();
        for (int i = 0; i < excess && delay.compareTo(settings.maxDelay()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay;
    }

    private void refuseIfLocked(Streak streak, long now) {
        if (streak == null || streak.failures == 0) {
            return; // no failure yet: parallel requests of a user who never mistyped are never held up
        }
        long waitNanos;
        if (now < streak.lockedUntil) {
            waitNanos = streak.lockedUntil - now;
        } else if (streak.failures >= streak.free ? streak.pending > 0
                : streak.failures + streak.pending >= streak.free) {
            waitNanos = settings.firstDelay().toNanos(); // the attempts in flight may use up what is left
        } else {
            return;
        }
        streak.refused++;
        long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
        throw new SignInThrottledException(seconds, streak.key, streak.refused);
    }

    /** The streak of {@code key}, or null; a stale one (unlocked, quiet for {@code forget-after}) is dropped. */
    private Streak current(Map<String, Streak> table, String key, long now) {
        Streak streak = table.get(key);
        if (streak != null && streak.pending == 0 && now >= streak.lockedUntil
                && now - streak.lastFailure > settings.forgetAfter().toNanos()) {
            table.remove(key);
            return null;
        }
        return streak;
    }

    private static Streak create(Map<String, Streak> table, String key, int free) {
        Streak streak = new Streak(key, free);
        table.put(key, streak);
        return streak;
    }

    /** Entries per table, for tests: users, addresses, pairs. */
    synchronized int[] sizes() {
        return new int[] {users.size(), addresses.size(), pairs.size()};
    }

    private static Map<String, Streak> bounded(int maxEntries) {
        return new LinkedHashMap<>(256, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Streak> eldest) {
                return size() > maxEntries;
            }
        };
    }
}
