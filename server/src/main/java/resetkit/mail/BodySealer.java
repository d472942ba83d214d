package resetkit.mail;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import resetkit.reset.ResetSettings;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * Mail bodies hold the clear link token and code until they are sent, so the outbox stores them
 * sealed with AES-256-GCM. The keys derive from the reset HMAC keys (newest first), so rotating
 * those keys keeps queued mails readable.
 */
@Singleton
public class BodySealer {
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<SecretKeySpec> keys;
    private final SecureRandom random = new SecureRandom();

    BodySealer(ResetSettings settings) {
        this.keys = settings.getHmacKeys().stream().map(BodySealer::deriveKey).toList();
    }

    record Parts(String text, String html) {
    }

    public String seal(String text, String html) {
        try {
            byte[] plain = JSON.writeValueAsBytes(new Parts(text, html));
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(0), new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plain);
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (Exception e) {
            throw new IllegalStateException("cannot seal mail body", e);
        }
    }

    public Parts open(String sealed) {
        byte[] all = Base64.getDecoder().decode(sealed);
        GCMParameterSpec iv = new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES);
        for (SecretKeySpec key : keys) {
            try {
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.DECRYPT_MODE, key, iv);
                byte[] plain = cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES);
                return JSON.readValue(plain, Parts.class);
            } catch (AEADBadTagException wrongKey) {
                // sealed under another (older) key: try the next one
            } catch (Exception e) {
                throw new IllegalStateException("cannot open mail body", e);
            }
        }
        throw new IllegalStateException("mail body sealed with a key that is no longer configured");
    }

    private static SecretKeySpec deriveKey(String secret) {
        try {
            byte[] key = MessageDigest.getInstance("SHA-256").digest(("resetkit-outbox-seal:" + secret).getBytes(StandardCharsets.UTF_8));
            return new SecretKeySpec(key, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
