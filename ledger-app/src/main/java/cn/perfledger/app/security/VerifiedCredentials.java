package cn.perfledger.app.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Remembers, for a short time, that a user name and password were verified by bcrypt against a stored hash, so
 * that HTTP Basic (credentials on every request) costs a keyed hash instead of ~70 ms of bcrypt per request.
 *
 * <p>What is kept: HMAC-SHA256(key, lower-cased name ‖ 0 ‖ password) → (name, the stored hash it matched, when).
 * The key is 32 random bytes made at start and never leaves the process; no password is kept. A hit counts only
 * while the user's stored hash is still the one verified — the sign-in reads the user's row on every request —
 * so a changed password takes effect at once on every instance, and roles, scope and the enabled flag always
 * come from the row, never from here. Entries live {@code ttl} (default 5 minutes) and at most
 * {@code max-entries} are kept; only successful sign-ins are added, so failed guesses cannot fill it.
 *
 * <p>What it does not protect against: someone who can read this process's memory could test guesses at HMAC
 * speed against the cached entries, for at most {@code ttl}; such a reader also sees every password in
 * flight, and bcrypt remains the only protection of the stored hashes.
 */
@Component
public class VerifiedCredentials {

    private record Entry(String usernameKey, String storedHash, long verifiedAt) {
    }

    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;
    private final Map<String, Entry> entries;

    @Autowired
    public VerifiedCredentials(@Value("${ledger.security.credential-cache.ttl:PT5M}") Duration ttl,
            @Value("${ledger.security.credential-cache.max-entries:10000}") int maxEntries) {
        this(ttl, maxEntries, System::nanoTime);
    }

    VerifiedCredentials(Duration ttl, int maxEntries, LongSupplier nanoTime) {
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
        this.entries = new LinkedHashMap<>(256, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > maxEntries;
            }
        };
    }

    /** True when exactly this name and password were verified against {@code storedHash} within the TTL. */
    public boolean matches(String username, String password, String storedHash) {
        if (ttlNanos <= 0 || storedHash == null) {
            return false;
        }
        String usernameKey = SignInThrottle.userKey(username);
        Entry entry;
        synchronized (entries) {
            entry = entries.get(digest(usernameKey, password));
        }
        return entry != null && entry.usernameKey().equals(usernameKey)
                && nanoTime.getAsLong() - entry.verifiedAt() < ttlNanos
                && MessageDigest.isEqual(entry.storedHash().getBytes(StandardCharsets.UTF_8),
                        storedHash.getBytes(StandardCharsets.UTF_8));
    }

    /** Records a verification bcrypt just made. */
    public void remember(String username, String password, String storedHash) {
        if (ttlNanos <= 0) {
            return;
        }
        String usernameKey = SignInThrottle.userKey(username);
        Entry entry = new Entry(usernameKey, storedHash, nanoTime.getAsLong());
        String digest = digest(usernameKey, password);
        synchronized (entries) {
            entries.put(digest, entry);
        }
    }

    /** Drops the user's entries (password changed, user disabled or changed): memory hygiene, not correctness. */
    public void forget(String username) {
        String usernameKey = SignInThrottle.userKey(username);
        synchronized (entries) {
            entries.values().removeIf(entry -> entry.usernameKey().equals(usernameKey));
        }
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    private String digest(String usernameKey, String password) {
        Mac mac = macs.get();
        mac.update(usernameKey.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        return Base64.getEncoder().encodeToString(mac.doFinal(
                (password == null ? "" : password).getBytes(StandardCharsets.UTF_8)));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
