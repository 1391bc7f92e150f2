package cn.perfledger.app.security;

import org.springframework.security.core.AuthenticationException;

/**
 * A sign-in refused before its password was checked, because too many recent attempts failed for this user
 * name, this client address or both: answered 429 with {@code Retry-After}.
 */
public class SignInThrottledException extends AuthenticationException {

    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;
    private final String key;
    private final long refusedInThisLock;

    SignInThrottledException(long retryAfterSeconds, String key, long refusedInThisLock) {
        super("sign-in throttled: " + key);
        this.retryAfterSeconds = retryAfterSeconds;
        this.key = key;
        this.refusedInThisLock = refusedInThisLock;
    }

    /** Whole seconds until the next attempt may be checked (at least 1). */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** What is throttled: {@code 用户}, {@code 地址} or {@code 用户@地址}, for the log. */
    String key() {
        return key;
    }

    /** How many attempts this lock has refused so far, this one included. */
    long refusedInThisLock() {
        return refusedInThisLock;
    }

    /** The rule in Chinese, for the answer. */
    public String rule() {
        return "登录失败次数过多，已暂时锁定；请 " + retryAfterSeconds + " 秒后再试（在此之前的尝试不校验密码）";
    }
}
