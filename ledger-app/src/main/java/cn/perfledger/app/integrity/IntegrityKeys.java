package cn.perfledger.app.integrity;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HMAC-SHA256 keys of the event chain, held outside the database. One key is current (new events, heads,
 * seals, snapshots and read-model rows are written with it, and its id is stored beside each MAC); every configured
 * key verifies. Rotation: configure a new current key and move the old one to {@code previousKeys}; nothing
 * stored needs rewriting, since each MAC names its key id. Removing an old key makes everything it signed
 * unverifiable (reported as {@link IntegrityProblem.Kind#UNKNOWN_KEY}).
 */
public final class IntegrityKeys {

    private static final Logger log = LoggerFactory.getLogger(IntegrityKeys.class);
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final int MIN_KEY_BYTES = 32;
    private static final HexFormat HEX = HexFormat.of();

    private final String currentId;
    private final Map<String, SecretKeySpec> keys;
    private final String source;
    private final ThreadLocal<Map<String, Mac>> macs = ThreadLocal.withInitial(LinkedHashMap::new);

    IntegrityKeys(String currentId, Map<String, byte[]> keys, String source) {
        if (!keys.containsKey(currentId)) {
            throw new IllegalStateException("integrity: current key id '" + currentId + "' has no key");
        }
        Map<String, SecretKeySpec> specs = new LinkedHashMap<>();
        keys.forEach((id, secret) -> specs.put(id, new SecretKeySpec(secret, "HmacSHA256")));
        this.currentId = currentId;
        this.keys = Map.copyOf(specs);
        this.source = source;
    }

    /** Keys from configuration, or from the key file (created on first use with a random key). */
    public static IntegrityKeys load(IntegrityProperties properties) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        String current;
        String source;
        if (properties.key() != null && !properties.key().isBlank()) {
            current = parseInto(properties.key().strip(), "ledger.integrity.key (LEDGER_CHAIN_KEY)", keys);
            source = "configuration (ledger.integrity.key / LEDGER_CHAIN_KEY)";
        } else {
            Path file = Path.of(properties.keyFile());
            current = readKeyFile(file, keys);
            source = "key file " + file.toAbsolutePath().normalize();
            log.warn("Event chain: HMAC key from the DEV key file {} — fine for a local run; in production set"
                    + " LEDGER_CHAIN_KEY=keyId:base64 (docs/ARCHITECTURE.md, threat model)", file.toAbsolutePath());
        }
        for (String previous : properties.previousKeys()) {
            String id = parseInto(previous, "ledger.integrity.previous-keys (LEDGER_CHAIN_PREVIOUS_KEYS)", keys);
            if (id.equals(current)) {
                throw new IllegalStateException("integrity: key id '" + id + "' is both current and previous");
            }
        }
        log.info("Event chain: current key id '{}', {} key(s) accepted, from {}", current, keys.size(), source);
        return new IntegrityKeys(current, keys, source);
    }

    /** A key set for tests and tools: {@code current} plus others, all given as raw bytes. */
    public static IntegrityKeys of(String currentId, Map<String, byte[]> keys) {
        return new IntegrityKeys(currentId, keys, "given");
    }

    /** The id written beside every new MAC. */
    public String currentId() {
        return currentId;
    }

    public Set<String> ids() {
        return keys.keySet();
    }

    public boolean knows(String keyId) {
        return keyId != null && keys.containsKey(keyId);
    }

    /** Where the keys came from (for the log and the verify page). */
    public String source() {
        return source;
    }

    /** Lowercase hex HMAC-SHA256 of {@code parts} (length-prefixed as in {@link ChainHash}) under the current key. */
    public String mac(List<String> parts) {
        return mac(currentId, parts);
    }

    /** The MAC under {@code keyId}; null when the key is unknown. */
    public String mac(String keyId, List<String> parts) {
        return macBytes(keyId, ChainHash.lengthPrefixed(parts));
    }

    /** The MAC of raw bytes under {@code keyId}; null when the key is unknown. */
    public String macBytes(String keyId, byte[] bytes) {
        SecretKeySpec key = keyId == null ? null : keys.get(keyId);
        if (key == null) {
            return null;
        }
        Mac mac = macs.get().computeIfAbsent(keyId, id -> newMac(key));
        mac.reset();
        return HEX.formatHex(mac.doFinal(bytes));
    }

    /** True when {@code stored} is the MAC of {@code parts} under {@code keyId} (constant-time comparison). */
    public boolean verifies(String keyId, List<String> parts, String stored) {
        String expected = mac(keyId, parts);
        return expected != null && stored != null && java.security.MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), stored.getBytes(StandardCharsets.US_ASCII));
    }

    private static Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JVM", e);
        }
    }

    /** Parses {@code keyId:base64} into {@code keys}; returns the id. */
    private static String parseInto(String text, String setting, Map<String, byte[]> keys) {
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new IllegalStateException(setting + " must be keyId:base64 (e.g. k2025:" + "…base64 of ≥ 32 random"
                    + " bytes…), got no key id");
        }
        String id = text.substring(0, colon);
        byte[] secret = decode(text.substring(colon + 1), setting + " key '" + id + "'");
        checkId(id, setting);
        if (keys.putIfAbsent(id, secret) != null) {
            throw new IllegalStateException(setting + ": key id '" + id + "' given twice");
        }
        return id;
    }

    private static byte[] decode(String base64, String what) {
        byte[] secret;
        try {
            secret = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(what + " is not base64: " + e.getMessage());
        }
        if (secret.length < MIN_KEY_BYTES) {
            throw new IllegalStateException(what + " has " + secret.length + " bytes; at least " + MIN_KEY_BYTES
                    + " random bytes are required (openssl rand -base64 32)");
        }
        return secret;
    }

    private static void checkId(String id, String setting) {
        if (!KEY_ID.matcher(id).matches()) {
            throw new IllegalStateException(setting + ": key id '" + id + "' must be 1–64 letters, digits, . _ -");
        }
    }

    private static String readKeyFile(Path file, Map<String, byte[]> keys) {
        try {
            if (!Files.exists(file)) {
                createKeyFile(file);
            }
            Properties properties = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(in);
            }
            String current = properties.getProperty("current");
            if (current == null || current.isBlank()) {
                throw new IllegalStateException("key file " + file + " has no 'current=<keyId>' line");
            }
            for (String id : properties.stringPropertyNames()) {
                if (!id.equals("current")) {
                    checkId(id, "key file " + file);
                    keys.put(id, decode(properties.getProperty(id), "key file " + file + " key '" + id + "'"));
                }
            }
            return current.strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the chain key file " + file, e);
        }
    }

    private static void createKeyFile(Path file) throws IOException {
        byte[] secret = new byte[MIN_KEY_BYTES];
        SecureRandom random = new SecureRandom();
        random.nextBytes(secret);
        String id = "dev-" + HEX.formatHex(new byte[] {(byte) random.nextInt(), (byte) random.nextInt(),
                (byte) random.nextInt()});
        Path absolute = file.toAbsolutePath();
        if (absolute.getParent() != null) {
            Files.createDirectories(absolute.getParent());
        }
        Path temp = Files.createTempFile(absolute.getParent(), ".chain-keys-", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the directory's permissions apply
            }
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                out.write("# 绩效账本 event-chain HMAC keys — DEV DEFAULT, created on first start.\n"
                        + "# Keep this file outside the database and its backups; whoever holds it can re-sign events.\n"
                        + "# Production: set LEDGER_CHAIN_KEY=keyId:base64 instead (docs/ARCHITECTURE.md).\n"
                        + "# Rotation: add a new id=base64 line and point current= at it; keep the old lines.\n"
                        + "current=" + id + "\n" + id + "=" + Base64.getEncoder().encodeToString(secret) + "\n");
            }
            try {
                Files.move(temp, absolute); // atomic enough: a concurrent first start keeps the other's file
            } catch (FileAlreadyExistsException e) {
                return;
            }
            log.warn("Event chain: created the dev key file {} with key id {}", absolute, id);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
