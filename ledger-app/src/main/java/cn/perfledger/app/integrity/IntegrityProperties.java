package cn.perfledger.app.integrity;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code ledger.integrity.*}: where the chain's HMAC keys come from (never from the database).
 *
 * @param key          the current key as {@code keyId:base64} (at least 32 random bytes), normally from the
 *                     environment ({@code LEDGER_CHAIN_KEY}); blank: the key file is used
 * @param previousKeys earlier keys still accepted when verifying ({@code keyId:base64,…},
 *                     {@code LEDGER_CHAIN_PREVIOUS_KEYS}): events keep the key id they were written with
 * @param keyFile      used only when {@code key} is blank: a properties file {@code current=<id>}, {@code <id>=<base64>};
 *                     created with a fresh random key on first start if missing (the zero-install dev default)
 * @param sealInterval how often every stream head is sealed ({@link IntegritySeals}); zero or negative: never
 *                     (a stream deleted together with its head is then not seen)
 */
@ConfigurationProperties("ledger.integrity")
public record IntegrityProperties(
        String key,
        List<String> previousKeys,
        @DefaultValue("./data/chain-keys.properties") String keyFile,
        @DefaultValue("60s") Duration sealInterval) {

    public IntegrityProperties {
        previousKeys = previousKeys == null ? List.of()
                : previousKeys.stream().filter(k -> k != null && !k.isBlank()).map(String::strip).toList();
    }
}
