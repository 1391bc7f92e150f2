package cn.perfledger.domain.budget;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * 64-bit fingerprints of what a voucher or an adjustment recorded: enough to tell an identical resubmission (a no-op)
 * from another entry under the same number or identity (a conflict) without keeping the payload in the ledger's
 * state.
 */
final class Fingerprints {

    private Fingerprints() {
    }

    /**
     * The first 8 bytes of the SHA-256 of the parts, so that two different payloads are told apart with certainty in
     * practice. Unit separators and an explicit null marker keep ("ab", "c"), ("a", "bc") and (null) apart.
     */
    static long of(String... parts) {
        StringBuilder canonical = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            canonical.append(i == 0 ? "" : "\u001f").append(parts[i] == null ? "\u0000" : parts[i]);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256; reaching this is a broken runtime, not a user error.
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
