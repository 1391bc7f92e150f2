package cn.perfledger.app.ui.form;

import cn.perfledger.app.idempotency.IdempotencyFilter;
import cn.perfledger.app.idempotency.IdempotencyStore;
import cn.perfledger.app.security.CurrentUser;
import cn.perfledger.domain.common.ConflictException;
import cn.perfledger.domain.common.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/**
 * The {@code Idempotency-Key} of every page form (entry, evaluation, administration): each rendered form carries a
 * new key in the hidden field {@value #FIELD}, and a post runs through the API's own record
 * ({@link IdempotencyStore}, bound to a request hash made like {@link IdempotencyFilter}'s: user, method, path and
 * the form's values). A second post with the same key and values (a double click, a reload of the answer) writes
 * nothing and is answered with the first post's redirect; the same key with other values is refused. A refused form
 * releases its key, like a refused API request.
 */
@Component
public class FormKeys {

    public static final String FIELD = "idempotencyKey";
    /** How long a repeated post waits for the first one to finish before saying it is still running. */
    private static final long WAIT_MILLIS = 15_000;
    private static final String REDIRECT = "redirect:";
    private static final String STILL_RUNNING = "同一表单的上一次提交仍在处理中，请稍后刷新查看结果";

    private final IdempotencyStore store;

    public FormKeys(IdempotencyStore store) {
        this.store = store;
    }

    /** A new key for one rendering of a form: a double click sends it twice, a new form a new one. */
    public static String newKey() {
        return "form-" + UUID.randomUUID();
    }

    /**
     * Runs {@code action} once per key. Its answer is a view name: {@code redirect:…} when it wrote (then stored
     * with the key), any other view when it was refused (the form shown again, the key released). A key that cannot
     * be used for this post is refused as a {@link DomainException} (a {@link ConflictException} while its first post
     * still runs) of the field {@value #FIELD}; {@code upload} is the content of a file the post stands for.
     */
    public String once(HttpServletRequest request, MultiValueMap<String, String> form, byte[] upload,
            Supplier<String> action) {
        String key = form.getFirst(FIELD);
        if (key == null || !IdempotencyFilter.SANE_KEY.matcher(key).matches()) {
            throw new DomainException(FIELD, "表单缺少有效的幂等键（Idempotency-Key）：请重新打开页面后再提交");
        }
        String path = request.getRequestURI();
        String hash = IdempotencyFilter.hash(CurrentUser.get().map(u -> u.getUsername()).orElse(""), "POST", path,
                null, canonical(form, upload));
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (true) {
            Optional<IdempotencyStore.Entry> existing = store.find(key);
            if (existing.isEmpty()) {
                if (store.claim(key, hash, "POST", path)) {
                    return run(key, action);
                }
                // another post of this key claimed it meanwhile (or released it again): look once more
                pause(deadline);
                continue;
            }
            IdempotencyStore.Entry entry = existing.get();
            if (!entry.requestHash().equals(hash)) {
                throw new DomainException(FIELD, "此表单已提交过另一份内容（幂等键已使用）；已换用新的表单，请核对后再提交");
            }
            if (entry.completed()) {
                return REDIRECT + new String(entry.body(), StandardCharsets.UTF_8);
            }
            pause(deadline);
        }
    }

    private String run(String key, Supplier<String> action) {
        boolean completed = false;
        try {
            String view = action.get();
            if (view.startsWith(REDIRECT)) {
                store.complete(key, 303, "text/x-page-redirect",
                        view.substring(REDIRECT.length()).getBytes(StandardCharsets.UTF_8));
                completed = true;
            }
            return view;
        } finally {
            if (!completed) {
                store.release(key); // refused: nothing was written, the same values may be posted again
            }
        }
    }

    /** Waits a moment for the first post of a key; refuses once the wait is over. */
    private static void pause(long deadline) {
        if (System.currentTimeMillis() > deadline) {
            throw new ConflictException(FIELD, STILL_RUNNING);
        }
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConflictException(FIELD, STILL_RUNNING);
        }
    }

    /**
     * The form's values in a fixed order, without the CSRF token (it changes per rendering) nor the key; each name
     * and value length-prefixed, so that no value can pose as another field.
     */
    static byte[] canonical(Map<String, List<String>> form, byte[] upload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, List<String>> field : new TreeMap<>(form).entrySet()) {
            if (field.getKey().equals(FIELD) || field.getKey().equals("_csrf") || field.getValue() == null) {
                continue;
            }
            for (String value : field.getValue()) {
                String text = value == null ? "" : value;
                out.writeBytes((field.getKey().length() + ":" + field.getKey() + text.length() + ":" + text + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
        }
        if (upload != null) {
            out.writeBytes((upload.length + ":").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(upload);
        }
        return out.toByteArray();
    }
}
