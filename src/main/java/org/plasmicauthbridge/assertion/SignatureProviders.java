package org.plasmicauthbridge.assertion;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import io.quarkus.logging.Log;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Map;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.jose4j.jca.ProviderContext;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * Chooses the JCA providers that verify RS and ES signatures, and converts public keys for them once.
 * Single-threaded loops on a 2-core AMD EPYC with OpenJDK 17.0.15 measured, per verification:
 *
 * <ul>
 *   <li>Amazon Corretto Crypto Provider 2.5.0 (native code from AWS-LC): RSA-2048 17 µs, P-256 51 µs;
 *   <li>the JDK: RSA-2048 37 µs, P-256 1,030 µs (SunEC);
 *   <li>BouncyCastle 1.87: P-256 77 µs with its own key, 200 µs when handed a JDK key, which it
 *       converts on every call.
 * </ul>
 *
 * <p>So the Corretto provider verifies RS and ES signatures when its native library loads and passes
 * its self-tests (Linux on x86-64, a writable temporary directory). Otherwise, or when
 * {@code bridge.crypto.native-provider=false}, RS stays with the JDK and ES goes to BouncyCastle.
 * Either provider is added at the end of the JVM's list, so nothing else prefers it to the JDK's;
 * jose4j selects it by name. PS and HMAC signatures always stay with the JDK.
 *
 * <p>Loading either provider takes 0.2 to 0.3 s, so start-up does not load one. The choice is made at
 * the first verification, or earlier on a background thread (see
 * {@link IssuerRegistry#prepareProvidersInBackground}).
 */
final class SignatureProviders {

    /** A context that names no provider, so the JVM's preferred one is used. */
    private static final ProviderContext JDK = new ProviderContext();

    private static volatile boolean nativeAllowed = true;
    private static volatile SignatureProviders current;

    private final String description;
    /** Provider name for RS keys and signatures; null keeps the JDK's. */
    private final String rsaProvider;
    /** Provider name for EC keys and ES signatures. */
    private final String ecProvider;
    private final ProviderContext rsaContext;
    private final ProviderContext ecContext;

    private SignatureProviders(String description, String rsaProvider, String ecProvider) {
        this.description = description;
        this.rsaProvider = rsaProvider;
        this.ecProvider = ecProvider;
        this.rsaContext = providerContext(rsaProvider);
        this.ecContext = providerContext(ecProvider);
    }

    /** Sets whether the native provider may be used; read when the providers are first chosen. */
    static void allowNative(boolean allowed) {
        nativeAllowed = allowed;
    }

    /** Returns the providers of this process, choosing them at the first call. */
    static SignatureProviders current() {
        SignatureProviders chosen = current;
        if (chosen == null) {
            synchronized (SignatureProviders.class) {
                chosen = current;
                if (chosen == null) {
                    chosen = choose(nativeAllowed);
                    Log.infof("Signature verification: %s", chosen.description);
                    current = chosen;
                }
            }
        }
        return chosen;
    }

    /** Chooses the native provider when allowed and healthy, else the JDK's for RS and BouncyCastle for ES. */
    static SignatureProviders choose(boolean allowNative) {
        if (allowNative) {
            String unusable = nativeUnusableBecause();
            if (unusable == null) {
                String name = NativeProvider.register();
                return new SignatureProviders("Amazon Corretto Crypto Provider " + NativeProvider.version()
                        + " for RS and ES, the JDK for PS and HMAC", name, name);
            }
            Log.warnf("The Amazon Corretto Crypto Provider cannot be used here (%s); RS and ES signatures are "
                    + "verified by the JDK and BouncyCastle, about half as fast", unusable);
        }
        return new SignatureProviders("the JDK for RS, PS and HMAC, BouncyCastle for ES", null, BouncyCastle.register());
    }

    private static String nativeUnusableBecause() {
        try {
            return NativeProvider.unusableBecause();
        } catch (LinkageError | RuntimeException e) {
            return "it failed to initialize: " + e.getClass().getSimpleName();
        }
    }

    private static synchronized String register(Provider provider) {
        if (Security.getProvider(provider.getName()) == null) {
            Security.addProvider(provider);
        }
        return provider.getName();
    }

    private static ProviderContext providerContext(String provider) {
        if (provider == null) {
            return JDK;
        }
        ProviderContext context = new ProviderContext();
        context.getSuppliedKeyProviderContext().setSignatureProvider(provider);
        return context;
    }

    /** Returns the provider context that verifies signatures of the algorithm: the chosen provider for RS and ES, else the JDK's. */
    ProviderContext contextFor(String alg) {
        return alg.startsWith("ES") ? ecContext : alg.startsWith("RS") ? rsaContext : JDK;
    }

    /** Returns the JWK with its EC or RSA key converted to a key of the chosen provider; any other JWK unchanged. */
    JsonWebKey forVerification(JsonWebKey jwk) throws GeneralSecurityException, JoseException {
        String provider = providerFor(jwk.getKey());
        if (provider == null) {
            return jwk;
        }
        // From the X.509 encoding, so that an EC curve stays a named curve with the provider's fast arithmetic.
        PublicKey key = (PublicKey) jwk.getKey();
        PublicKey converted = KeyFactory.getInstance(key.getAlgorithm(), provider)
                .generatePublic(new X509EncodedKeySpec(key.getEncoded()));
        PublicJsonWebKey result = PublicJsonWebKey.Factory.newPublicJwk(converted);
        result.setKeyId(jwk.getKeyId());
        result.setAlgorithm(jwk.getAlgorithm());
        result.setUse(jwk.getUse());
        return result;
    }

    /** Reads a JWK from a JWKS document; an EC or RSA key becomes a key of the chosen provider. */
    JsonWebKey jwk(Map<String, Object> member) throws JoseException {
        Object kty = member.get("kty");
        String provider = "EC".equals(kty) ? ecProvider : "RSA".equals(kty) ? rsaProvider : null;
        if (provider != null) {
            return PublicJsonWebKey.Factory.newPublicJwk(member, provider);
        }
        return JsonWebKey.Factory.newJwk(member);
    }

    String description() {
        return description;
    }

    private String providerFor(Key key) {
        if (key instanceof ECPublicKey) {
            return ecProvider;
        }
        if (key instanceof RSAPublicKey) {
            return rsaProvider;
        }
        return null;
    }

    // Only these nested classes refer to the two providers. When a class passes a provider as a Provider,
    // the bytecode verifier loads the provider's class and checks its signed jar: about 0.1 s of start-up.

    /** Holder of the BouncyCastle registration, loaded only when BouncyCastle is chosen. */
    private static final class BouncyCastle {

        static String register() {
            return SignatureProviders.register(new BouncyCastleProvider());
        }
    }

    /** Refers to the native provider's classes only when it is asked for. */
    private static final class NativeProvider {

        static final AmazonCorrettoCryptoProvider INSTANCE = AmazonCorrettoCryptoProvider.INSTANCE;

        static String register() {
            return SignatureProviders.register(INSTANCE);
        }

        static String version() {
            return INSTANCE.getVersionStr();
        }

        /** Returns null when the provider loaded and passed its self-tests, else the reason in a few words. */
        static String unusableBecause() {
            Throwable loading = INSTANCE.getLoadingError();
            if (loading != null) {
                return "its native library did not load: " + loading.getClass().getSimpleName();
            }
            try {
                INSTANCE.assertHealthy();
                return null;
            } catch (RuntimeException e) {
                return "its self-test failed: " + e.getClass().getSimpleName();
            }
        }
    }
}
