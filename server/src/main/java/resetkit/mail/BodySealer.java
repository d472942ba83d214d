package resetkit.mail;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
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
 * A queued mail's draft holds the clear link token and code until it is sent, so the outbox
 * stores it sealed with AES-256-GCM. The keys derive from the reset HMAC keys (newest first), so rotating
 * those keys keeps queued mails readable.
 */
@Singleton
public class BodySealer {
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** Cipher.getInstance walks the provider list on every call (a few percent of a committer's time); a Cipher is not thread-safe, so one per thread. */
    private static final ThreadLocal<Cipher> AES_GCM = ThreadLocal.withInitial(BodySealer::newCipher);
    private static final ObjectMapper JSON = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private final List<SecretKeySpec> keys;
    private final SecureRandom random = new SecureRandom();

    BodySealer(ResetSettings settings) {
        this.keys = settings.getHmacKeys().stream().map(BodySealer::deriveKey).toList();
    }

    /**
     * What a row holds: a draft, or, in rows queued before mails were rendered at delivery, the
     * rendered text and HTML.
     */
    public record Sealed(@Nullable MailDraft draft, @Nullable String text, @Nullable String html) {
    }

    public String seal(MailDraft draft) {
        return sealJson(new Sealed(draft, null, null));
    }

    /** Seals any value as JSON (tests use it to write rows of the earlier, rendered form). */
    String sealJson(Object value) {
        try {
            byte[] plain = JSON.writeValueAsBytes(value);
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = AES_GCM.get();
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(0), new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plain);
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (Exception e) {
            throw new IllegalStateException("cannot seal mail body", e);
        }
    }

    public Sealed open(String sealed) {
        byte[] all = Base64.getDecoder().decode(sealed);
        GCMParameterSpec iv = new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES);
        for (SecretKeySpec key : keys) {
            try {
                Cipher cipher = AES_GCM.get();
                cipher.init(Cipher.DECRYPT_MODE, key, iv);
                byte[] plain = cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES);
                return JSON.readValue(plain, Sealed.class);
            } catch (AEADBadTagException wrongKey) {
                // sealed under another (older) key: try the next one
            } catch (Exception e) {
                throw new IllegalStateException("cannot open mail body", e);
            }
        }
        throw new IllegalStateException("mail body sealed with a key that is no longer configured");
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is part of every JDK", e);
        }
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
