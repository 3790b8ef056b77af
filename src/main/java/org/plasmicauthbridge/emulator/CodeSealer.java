package org.plasmicauthbridge.emulator;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Turns the data of an authorization code into the code itself by encrypting it with AES-GCM under
 * a random per-emulator key, as Plasmic encrypts its codes. The emulator therefore keeps no table of
 * issued codes: an expired code still decrypts, so the token endpoint can return {@code code_expired}.
 */
final class CodeSealer {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    CodeSealer() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            this.key = generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM cannot create AES-256 keys", e);
        }
    }

    /** Encrypts the code data into a URL-safe code. */
    String seal(JsonObject data) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(data.encode().getBytes(StandardCharsets.UTF_8));
            byte[] code = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return Base64.getUrlEncoder().withoutPadding().encodeToString(code);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encrypting an authorization code with AES-GCM failed", e);
        }
    }

    /** Decrypts a code made by {@link #seal}, or returns empty for any other string. */
    Optional<JsonObject> open(String code) {
        try {
            byte[] raw = Base64.getUrlDecoder().decode(code);
            if (raw.length <= IV_BYTES) {
                return Optional.empty();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 0, IV_BYTES));
            byte[] plain = cipher.doFinal(raw, IV_BYTES, raw.length - IV_BYTES);
            return Optional.of(new JsonObject(new String(plain, StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException | GeneralSecurityException | DecodeException e) {
            return Optional.empty();
        }
    }
}
