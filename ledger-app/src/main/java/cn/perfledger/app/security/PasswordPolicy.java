package cn.perfledger.app.security;

import cn.perfledger.domain.common.DomainException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * The minimum a password must meet: 8 characters to 72 bytes (bcrypt ignores the rest), not the user name, not a
 * single repeated character, and none of the handful of passwords every guessing list starts with. The demo
 * password {@code demo1234} passes (it is printed in the README; demo stores are not for real data).
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    static final int MAX_BYTES = 72;

    /** The most common passwords of 8+ characters in published leak lists (compared ignoring case). */
    private static final Set<String> COMMON = Set.of("password", "password1", "password123", "passw0rd", "p@ssw0rd",
            "12345678", "123456789", "1234567890", "0123456789", "87654321", "11111111", "00000000", "88888888",
            "66666666", "12341234", "11223344", "123123123", "qwertyui", "qwerty123", "qwertyuiop", "1qaz2wsx",
            "1q2w3e4r", "abc12345", "abcd1234", "a1234567", "aa123456", "iloveyou", "woaini1314", "admin123",
            "admin1234", "administrator", "welcome1", "changeme", "letmein1", "sunshine", "football", "baseball",
            "princess", "trustno1", "zxcvbnm1", "asdfghjk");

    private PasswordPolicy() {
    }

    /** Refuses a password that does not meet the policy, naming the field {@code password}. */
    public static void check(String username, String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw new DomainException("password", "密码至少 " + MIN_LENGTH + " 个字符");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            // BCrypt ignores everything after 72 bytes; refuse rather than silently shorten
            throw new DomainException("password", "密码不能超过 " + MAX_BYTES + " 个字节");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && lower.equals(username.strip().toLowerCase(Locale.ROOT))) {
            throw new DomainException("password", "密码不能与用户名相同");
        }
        if (password.codePoints().distinct().count() == 1) {
            throw new DomainException("password", "密码不能全部是同一个字符");
        }
        if (COMMON.contains(lower)) {
            throw new DomainException("password", "密码过于常见（在常用密码表中），请换一个");
        }
    }
}
