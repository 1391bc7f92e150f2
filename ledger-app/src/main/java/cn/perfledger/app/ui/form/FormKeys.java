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
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/**
 * The {@code Idempotency-Key} of a page form: each rendered form carries a new key in the hidden field
 * {@value #FIELD}, and a post runs through the API's own record ({@link IdempotencyStore}, bound to the same
 * request hash as {@link IdempotencyFilter}: user, method, path and the form's values). A second post with the same
 * key and values (a double click, a reload of the answer) writes nothing and is answered with the first post's
 * redirect; the same key with other values is refused. A refused form releases its key, like a refused API request,
 * and is shown again with a new one.
 */
@Component
public class FormKeys {

    public static final String FIELD = "idempotencyKey";
    /** How long a repeated post waits for the first one to finish before saying it is still running. */
    private static final long WAIT_MILLIS = 15_000;
    private static final String REDIRECT = "redirect:";

    private final IdempotencyStore store;

    public FormKeys(IdempotencyStore store) {
        this.store = store;
    }

    /**
     * Runs {@code action} once per key. Its answer is a view name: {@code redirect:…} when it wrote (then stored
     * with the key), any other view when it was refused (the form shown again, the key released).
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
                continue; // another post of this key claimed it first: answer as it did
            }
            IdempotencyStore.Entry entry = existing.get();
            if (!entry.requestHash().equals(hash)) {
                throw new DomainException(FIELD, "此表单已提交过另一份内容；请重新打开页面，填写后再提交");
            }
            if (entry.completed()) {
                return REDIRECT + new String(entry.body(), StandardCharsets.UTF_8);
            }
            if (System.currentTimeMillis() > deadline) {
                throw new ConflictException(FIELD, "同一表单的提交正在处理，请稍后刷新查看结果");
            }
            pause();
        }
    }

    private String run(String key, Supplier<String> action) {
        boolean completed = false;
        try {
            String view = action.get();
            if (view.startsWith(REDIRECT)) {
                store.complete(key, 303, "text/plain", view.substring(REDIRECT.length()).getBytes(StandardCharsets.UTF_8));
                completed = true;
            }
            return view;
        } finally {
            if (!completed) {
                store.release(key); // refused: nothing was written, the same values may be posted again
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The form's values in a fixed order, without the CSRF token (it changes per rendering) nor the key. */
    static byte[] canonical(MultiValueMap<String, String> form, byte[] upload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, List<String>> field : new TreeMap<>(form).entrySet()) {
            if (field.getKey().equals(FIELD) || field.getKey().equals("_csrf")) {
                continue;
            }
            for (String value : field.getValue()) {
                out.writeBytes((field.getKey() + "=" + value + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        if (upload != null) {
            out.writeBytes(upload);
        }
        return out.toByteArray();
    }
}
