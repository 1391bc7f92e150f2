package cn.perfledger.app.ui.entry;

import cn.perfledger.app.idempotency.IdempotencyStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The Idempotency-Key of a page form: each rendered form carries a new key in a hidden field, and a post claims it
 * in the API's own store ({@code idempotency_record}, {@link IdempotencyStore}) by the same rules as the API's
 * {@code Idempotency-Key} header: the same key with the same content after success answers the first post's result
 * again (for a page: the same redirect) and writes nothing; the same key with other content is refused; a refused
 * post releases its key. A double click therefore records once.
 */
@Component("entryFormKeys")
public class FormKeys {

    /** The hidden field of every entry form. */
    public static final String FIELD = "_key";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:\\-]{1,200}");
    /** How long a second post waits for the first one of the same key to finish (a double click). */
    private static final long WAIT_MILLIS = 15_000;
    private static final String PAGE_ANSWER = "text/x-page-redirect";

    /** What a post may do with its key. */
    public sealed interface Claim {
        /** The key is ours: run the command, then {@link #complete} or {@link #release}. */
        record Claimed(String key) implements Claim {
        }

        /** The key's first post succeeded: answer with its redirect again. */
        record Replayed(String location) implements Claim {
        }

        /** The key cannot be used for this post. */
        record Refused(String rule) implements Claim {
        }
    }

    private final IdempotencyStore store;

    public FormKeys(IdempotencyStore store) {
        this.store = store;
    }

    public String newKey() {
        return "form-" + UUID.randomUUID();
    }

    /** Claims {@code key} for a post of {@code values} (the form's fields, without CSRF token and key) by {@code user}. */
    public Claim claim(String key, String user, String path, Map<String, String> values) {
        if (key == null || !SANE.matcher(key).matches()) {
            return new Claim.Refused("表单缺少有效的幂等键（请重新打开本页再提交）");
        }
        String hash = hash(user, path, values);
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (true) {
            Optional<IdempotencyStore.Entry> existing = store.find(key);
            if (existing.isEmpty()) {
                if (store.claim(key, hash, "POST", path)) {
                    return new Claim.Claimed(key);
                }
                // another post of the same key claimed it meanwhile (or released it again): look once more
                if (pause(deadline)) {
                    continue;
                }
                return new Claim.Refused("同一表单的上一次提交仍在处理中，请稍后在最近记录中查看结果");
            }
            IdempotencyStore.Entry entry = existing.get();
            if (!entry.requestHash().equals(hash)) {
                return new Claim.Refused("此表单已提交过另一份内容（幂等键已使用）；已换用新的表单，请核对后再提交");
            }
            if (entry.completed()) {
                return new Claim.Replayed(new String(entry.body(), StandardCharsets.UTF_8));
            }
            if (pause(deadline)) {
                continue;
            }
            return new Claim.Refused("同一表单的上一次提交仍在处理中，请稍后在最近记录中查看结果");
        }
    }

    /** Waits a moment for the first post of a key; false when the wait is over (deadline or interrupt). */
    private static boolean pause(long deadline) {
        if (System.currentTimeMillis() > deadline) {
            return false;
        }
        try {
            Thread.sleep(50);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stores the redirect of a successful post under its key. */
    public void complete(String key, String location) {
        store.complete(key, 303, PAGE_ANSWER, location.getBytes(StandardCharsets.UTF_8));
    }

    /** Gives the key up after a refused post (nothing was written). */
    public void release(String key) {
        store.release(key);
    }

    static String hash(String user, String path, Map<String, String> values) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(("page\n" + user + "\nPOST " + path + "\n").getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, String> field : new TreeMap<>(values).entrySet()) {
                // length-prefixed, so that no value can pose as another field
                String value = field.getValue() == null ? "" : field.getValue();
                digest.update((field.getKey().length() + ":" + field.getKey() + value.length() + ":" + value)
                        .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
