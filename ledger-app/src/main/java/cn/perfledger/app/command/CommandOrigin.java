package cn.perfledger.app.command;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Who sends a command and through which channel; becomes the command's (and its events') metadata.
 *
 * @param client        the channel
 * @param user          the signed-in user ({@code anonymous} only for internal senders without one)
 * @param role          the user's roles, e.g. {@code CLERK} ({@code none} for internal senders)
 * @param synthetic     true for generated demo data
 * @param correlationId groups the commands of one request, import or demo load
 */
public record CommandOrigin(ClientKind client, String user, String role, boolean synthetic, String correlationId) {

    public static final String ANONYMOUS = "anonymous";
    public static final String NO_ROLE = "none";

    public CommandOrigin {
        Objects.requireNonNull(client, "client");
        user = user == null || user.isBlank() ? ANONYMOUS : user;
        role = role == null || role.isBlank() ? NO_ROLE : role;
        correlationId = correlationId == null || correlationId.isBlank() ? UUID.randomUUID().toString() : correlationId;
    }

    /** An anonymous sender on {@code client} with a fresh correlation id. */
    public static CommandOrigin of(ClientKind client) {
        return new CommandOrigin(client, null, null, false, null);
    }

    public CommandOrigin withSynthetic(boolean flag) {
        return new CommandOrigin(client, user, role, flag, correlationId);
    }

    /** The same sender on another channel, e.g. {@link ClientKind#IMPORT} for a file import. */
    public CommandOrigin withClient(ClientKind channel) {
        return new CommandOrigin(channel, user, role, synthetic, correlationId);
    }

    public CommandOrigin withCorrelationId(String id) {
        return new CommandOrigin(client, user, role, synthetic, id);
    }

    Map<String, Object> toMetaData() {
        Map<String, Object> metaData = new LinkedHashMap<>();
        metaData.put(LedgerMetadata.CLIENT, client.name());
        metaData.put(LedgerMetadata.USER, user);
        metaData.put(LedgerMetadata.ROLE, role);
        metaData.put(LedgerMetadata.SYNTHETIC, synthetic);
        metaData.put(LedgerMetadata.CORRELATION_ID, correlationId);
        return metaData;
    }
}
