package resetkit.reset;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import resetkit.client.ApiException;
import resetkit.client.model.CompleteResetRequest;
import resetkit.client.model.CredentialCheck;
import resetkit.client.model.PasswordResetRequest;
import resetkit.client.model.VerifyResetRequest;
import resetkit.testing.IntegrationTest;
import resetkit.testing.Mailbox;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Link tokens name their flow (LinkTokens), which is found by its primary key: a token is accepted
 * only whole, with the secret part that flow was issued with.
 */
@MicronautTest(transactional = false)
class LinkTokenTest extends IntegrationTest {
    private static final Duration MAIL = Duration.ofSeconds(10);
    private static final String NEW = "a brand new password 2";

    @Test
    void theMailedTokenNamesItsFlowAndOpensIt() throws Exception {
        TestTenant t = newTenant("named@example.com", "the old password 1");
        String flowId = resets().requestPasswordReset(new PasswordResetRequest().identifier(t.email()), bearer(t.apiKey())).getFlowId();
        String token = Mailbox.token(mailbox.awaitMessage(t.email(), 1, MAIL));

        assertEquals(64, token.length(), token);
        assertEquals(flowId, LinkTokens.flowIdOf(token).orElseThrow());
        resets().verifyPasswordReset(new VerifyResetRequest().token(token));
    }

    @Test
    void aSecretMovedToAnotherFlowOrAlteredOpensNothing() throws Exception {
        TestTenant a = newTenant("first@example.com", "the old password 1");
        TestTenant b = newTenant("second@example.com", "the old password 1");
        resets().requestPasswordReset(new PasswordResetRequest().identifier(a.email()), bearer(a.apiKey()));
        String flowB = resets().requestPasswordReset(new PasswordResetRequest().identifier(b.email()), bearer(b.apiKey())).getFlowId();
        String tokenA = Mailbox.token(mailbox.awaitMessage(a.email(), 1, MAIL));
        String tokenB = Mailbox.token(mailbox.awaitMessage(b.email(), 1, MAIL));

        String aSecretOnB = withFlowId(tokenA, flowB);
        String bWithOneBitFlipped = flipLastBit(tokenB);
        for (String forged : new String[] {aSecretOnB, bWithOneBitFlipped, withFlowId(tokenA, UUID.randomUUID().toString())}) {
            ApiException rejected = assertThrows(ApiException.class,
                    () -> resets().completePasswordReset(new CompleteResetRequest().token(forged).newPassword(NEW)));
            assertEquals(400, rejected.getCode(), rejected.getResponseBody());
            assertTrue(rejected.getResponseBody().contains("invalid-reset-secret"), rejected.getResponseBody());
        }

        resets().completePasswordReset(new CompleteResetRequest().token(tokenB).newPassword(NEW));
        resets().completePasswordReset(new CompleteResetRequest().token(tokenA).newPassword(NEW));
        credentials().verifyCredentials(new CredentialCheck().identifier(b.email()).password(NEW), bearer(b.apiKey()));
        credentials().verifyCredentials(new CredentialCheck().identifier(a.email()).password(NEW), bearer(a.apiKey()));
    }

    private static String withFlowId(String token, String flowId) {
        ByteBuffer bytes = ByteBuffer.wrap(Base64.getUrlDecoder().decode(token));
        UUID id = UUID.fromString(flowId);
        bytes.putLong(0, id.getMostSignificantBits()).putLong(8, id.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    private static String flipLastBit(String token) {
        byte[] bytes = Base64.getUrlDecoder().decode(token);
        bytes[bytes.length - 1] ^= 1;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
