package resetkit.account;

import at.favre.lib.crypto.bcrypt.BCrypt;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The decoy an unknown account is checked against costs what a real hash costs and matches nothing. */
class PasswordHasherTest {

    @Test
    void theDecoyHasTheConfiguredCostAndMatchesNoPassword() throws Exception {
        PasswordHasher hasher = new PasswordHasher(6);
        String decoy = hasher.decoyHash();
        BCrypt.HashData parsed = BCrypt.Version.VERSION_2B.parser.parse(decoy.getBytes(StandardCharsets.UTF_8));
        assertEquals(6, parsed.cost);
        assertEquals(hasher.hash("any password").substring(0, 7), decoy.substring(0, 7), "same version and cost as real hashes");
        assertNotEquals(decoy, new PasswordHasher(6).decoyHash(), "a random decoy per instance");

        assertFalse(hasher.matches("", null));
        assertFalse(hasher.matches("decoy-password-for-timing", null));
        assertFalse(BCrypt.verifyer().verify("".toCharArray(), decoy).verified);
        assertTrue(hasher.matches("any password", hasher.hash("any password")));
    }
}
