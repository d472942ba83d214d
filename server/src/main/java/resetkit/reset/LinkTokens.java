package resetkit.reset;

import resetkit.support.RandomSecrets;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Link tokens that name their flow: URL-safe base64 of the flow's 16-byte id followed by 32 random
 * bytes (64 characters). The flow is found by its primary key and the token's digest compared
 * after, so no index over random token digests is needed: such an index put each new flow on a
 * random page and made requests slower as the table grew. The id is no secret (the API returns it);
 * the 256 random bits are, and only their keyed digest is stored.
 */
final class LinkTokens {
    private static final int ID_BYTES = 16;
    private static final int SECRET_BYTES = 32;
    private static final int LENGTH = 64;

    private LinkTokens() {
    }

    static String issue(String flowId) {
        UUID id = UUID.fromString(flowId);
        ByteBuffer token = ByteBuffer.allocate(ID_BYTES + SECRET_BYTES)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .put(RandomSecrets.bytes(SECRET_BYTES));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token.array());
    }

    /**
     * The flow a token names, or empty for anything else: a token issued before tokens carried
     * their flow (43 characters), or a string that is no token at all.
     */
    static Optional<String> flowIdOf(String token) {
        if (token.length() != LENGTH) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return Optional.of(new UUID(buffer.getLong(), buffer.getLong()).toString());
    }
}
