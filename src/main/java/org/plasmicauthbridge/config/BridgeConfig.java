package org.plasmicauthbridge.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bridge's whole configuration under the prefix {@code bridge}. Every key is listed in the
 * README's configuration table; {@link ConfigChecker} validates the tree at start-up.
 */
@ConfigMapping(prefix = "bridge")
public interface BridgeConfig {

    /** Connection, retry and circuit-breaker settings for calls to Plasmic. */
    Plasmic plasmic();

    /** Plasmic apps by name, each with its app secret. */
    Map<String, App> apps();

    /** Trusted issuers of signed assertions, by name. */
    Map<String, Issuer> issuers();

    /** Identity providers for browser sign-in, by name. */
    Map<String, Provider> providers();

    /**
     * Browser origins ({@code scheme://host[:port]}) allowed as {@code return_to} targets, for CORS with
     * credentials, and for {@code POST /v1/logout}.
     */
    Optional<List<String>> allowedOrigins();

    /** Where the browser goes after sign-in when {@code return_to} is absent or rejected. */
    Optional<String> defaultReturnTo();

    /** The base URL at which browsers reach the bridge; callback URLs are built from it. */
    Optional<String> publicUrl();

    /** Browser sessions. */
    Session session();

    /** Shared state: single-use marks, caches and sessions. */
    Store store();

    /** Caching of Plasmic responses. */
    Cache cache();

    /** Size limits of requests. */
    Limits limits();

    /** Cryptography providers. */
    Crypto crypto();

    /** Log output. */
    Log log();

    /**
     * Stops the bridge as soon as it listens. The container build uses it for a training run that
     * records the classes of start-up in an AppCDS archive.
     */
    @WithDefault("false")
    boolean exitAfterStart();

    /** The built-in Plasmic emulator, for development and tests only. */
    Emulator emulator();

    interface Plasmic {
        /** Base URL of Plasmic's API; https unless on a loopback address. */
        @WithDefault("https://data.plasmic.app")
        String host();

        /** Time limit of one call to Plasmic. */
        @WithDefault("5s")
        Duration timeout();

        /** Time limit to open a connection to Plasmic. */
        @WithDefault("2s")
        Duration connectTimeout();

        /** Retries of a failed idempotent call (ensure user, userinfo) after the first attempt. */
        @WithDefault("2")
        int maxRetries();

        /** First delay before a retry; it doubles with each further retry. */
        @WithDefault("100ms")
        Duration retryDelay();

        /** Calls in the rolling window that the circuit breaker looks at. */
        @WithDefault("20")
        int breakerWindow();

        /** Share of failed calls in the window that opens the breaker. */
        @WithDefault("0.5")
        double breakerFailureRatio();

        /** Time the breaker stays open before it lets a trial call through. */
        @WithDefault("10s")
        Duration breakerDelay();
    }

    interface App {
        /** The app secret from the auth Settings tab in Plasmic Studio. */
        Optional<String> secret();

        /** A file holding the app secret, such as a mounted Kubernetes Secret. */
        Optional<String> secretFile();

        /**
         * A second app secret for rotation: used when Plasmic rejects the first, so that the bridge keeps
         * working while Plasmic and the bridge's configuration change over.
         */
        Optional<String> secondarySecret();

        /** A file holding the second app secret. */
        Optional<String> secondarySecretFile();

        /** The Plasmic project id, needed for Plasmic's hosted login. */
        Optional<String> projectId();
    }

    interface Issuer extends IdentityMapping {
        /** The exact {@code iss} value of this issuer's assertions. */
        String issuer();

        /** JWKS document URL; https unless on a loopback address. */
        Optional<String> jwksUri();

        /** A PEM public key (RSA or EC). */
        Optional<String> publicKey();

        /** A file holding a PEM public key. */
        Optional<String> publicKeyFile();

        /** A shared secret for HS256, HS384 or HS512; at least 32 bytes. */
        Optional<String> hmacSecret();

        /** A file holding the shared HMAC secret. */
        Optional<String> hmacSecretFile();

        /** Allowed JWS algorithms; never {@code none}, and HS* only with an HMAC secret. */
        Optional<List<String>> algorithms();

        /** Accepted {@code aud} values; an assertion must name at least one of them. */
        Optional<List<String>> audiences();

        /** Tolerance for clock differences when checking {@code exp}, {@code nbf} and {@code iat}. */
        @WithDefault("60s")
        Duration clockSkew();

        /** Longest accepted assertion lifetime. */
        @WithDefault("1h")
        Duration maxLifetime();

        /** Whether each assertion must carry a {@code jti} and be used only once. */
        @WithDefault("false")
        boolean singleUse();

        /** Minimum time between two JWKS fetches caused by an unknown {@code kid}. */
        @WithDefault("30s")
        Duration jwksRefetchInterval();

        /** Time after which a fetched JWKS is refreshed even without an unknown {@code kid}. */
        @WithDefault("10m")
        Duration jwksCacheTtl();
    }

    /** Mapping of verified claims to a Plasmic identity and role, shared by issuers and login providers. */
    interface IdentityMapping {
        /** The app that users of this issuer belong to; may be left out when only one app exists. */
        Optional<String> app();

        /** The Plasmic identifier users get: {@code email} or {@code external-id}. */
        @WithDefault("email")
        IdentityKind identity();

        /** Claim holding the e-mail address; a dotted path reaches into nested objects. */
        @WithDefault("email")
        String emailClaim();

        /** Claim holding the external id; a dotted path reaches into nested objects. */
        @WithDefault("sub")
        String externalIdClaim();

        /** Whether an {@code email_verified} claim with the JSON value true is required. */
        @WithDefault("true")
        boolean requireEmailVerified();

        /** E-mail domains allowed to sign in; empty allows every domain. */
        Optional<List<String>> allowedEmailDomains();

        /** Mapping of a claim to a Plasmic role. */
        Roles roles();

    }

    /** A browser sign-in provider: any OpenID provider found by discovery, or Plasmic's hosted login. */
    interface Provider extends IdentityMapping {
        /** {@code oidc} or {@code plasmic}. */
        @WithDefault("oidc")
        ProviderType type();

        /** The OpenID provider's issuer; its discovery document is read from {@code /.well-known/openid-configuration}. */
        Optional<String> issuer();

        /** The client id registered at the provider. */
        Optional<String> clientId();

        /** The client secret; leave it out for a public client. */
        Optional<String> clientSecret();

        /** A file holding the client secret. */
        Optional<String> clientSecretFile();

        /** Scopes requested at sign-in. */
        @WithDefault("openid,email,profile")
        List<String> scopes();

        /** Plasmic's hosted login page, for the {@code plasmic} type. */
        @WithDefault("https://studio.plasmic.app/authorize")
        String authorizeUrl();

        /** Whether logout also ends the session at the provider, when it has an end-session endpoint. */
        @WithDefault("true")
        boolean rpInitiatedLogout();
    }

    enum ProviderType {
        OIDC, PLASMIC;
    }

    interface Session {
        /** A session without requests for this long ends. */
        @WithDefault("8h")
        Duration idleTimeout();

        /** A session ends this long after sign-in, however active. */
        @WithDefault("168h")
        Duration absoluteTimeout();

        /** Time a browser has to finish a sign-in at the provider. */
        @WithDefault("10m")
        Duration loginTimeout();

        /**
         * Drops {@code Secure} and the {@code __Host-} prefix from the session cookie so that plain
         * {@code http://localhost} works; never for production.
         */
        @WithDefault("false")
        boolean insecureCookie();
    }

    /** The kind of Plasmic identifier a user gets. */
    enum IdentityKind {
        EMAIL, EXTERNAL_ID;
    }

    interface Roles {
        /** Claim holding the user's roles or groups (string or array); a dotted path is allowed. */
        Optional<String> claim();

        /** Claim value to Plasmic role id; the first value of the claim that has a mapping wins. */
        @WithName("map")
        Map<String, String> mapping();

        /** Plasmic role id given when no claim value has a mapping; without it Plasmic's rules decide. */
        @WithName("default")
        Optional<String> defaultRole();
    }

    interface Store {
        /** {@code memory} (one instance only) or {@code redis}. */
        @WithDefault("memory")
        StoreType type();

        /** Prefix of every key the bridge writes to Redis. */
        @WithDefault("pab:")
        String keyPrefix();

        /** Maximum number of entries in the memory store. When full, it evicts the entry nearest expiry. */
        @WithDefault("100000")
        int memoryMaxEntries();

        /** Time limit of one Redis command. A command without a reply by then fails as unavailable. */
        @WithDefault("2s")
        Duration timeout();
    }

    enum StoreType {
        MEMORY, REDIS;
    }

    interface Cache {
        /** How long before a Plasmic token's {@code exp} the bridge stops reusing it. */
        @WithDefault("24h")
        Duration refreshMargin();

        /** How long a verified token's user is reused without asking Plasmic again. */
        @WithDefault("60s")
        Duration verifyTtl();

        /**
         * How many ensure results, and separately how many verify results, each replica also keeps in
         * its own memory, so that a hit needs no store round trip; 0 keeps none. An entry takes about
         * 2 to 3 KB of heap, mostly the Plasmic user.
         */
        @WithDefault("1000")
        int localMaxEntries();

        /**
         * How many RS, ES and PS assertions each replica remembers as verified, by their SHA-256 and the
         * key that verified them. The same assertion sent again skips its signature check, and its claims
         * are checked every time. 0 checks every signature. An entry takes about 300 bytes (an estimate).
         */
        @WithDefault("10000")
        int verifiedSignatures();
    }

    interface Crypto {
        /**
         * Whether the Amazon Corretto Crypto Provider (native code) verifies RS and ES signatures when it
         * loads on this machine. With false, the JDK and BouncyCastle verify them.
         */
        @WithDefault("true")
        boolean nativeProvider();
    }

    interface Log {
        /**
         * How long console and file log lines may wait in memory before they are written, so that a busy
         * bridge writes them in batches rather than with one system call each; 0 writes every line at
         * once. Lines still waiting are lost when the process is killed rather than stopped.
         */
        @WithDefault("100ms")
        Duration flushInterval();
    }

    interface Limits {
        /** Largest accepted request body, in bytes. */
        @WithDefault("16384")
        int maxBodyBytes();

        /** Longest accepted assertion or token, in characters. */
        @WithDefault("8192")
        int maxTokenChars();
    }

    interface Emulator {
        /** Starts the built-in Plasmic emulator; refused in the production profile. */
        @WithDefault("false")
        boolean enabled();

        /** Port of the built-in emulator, on 127.0.0.1. */
        @WithDefault("8788")
        int port();

        /** Role id the emulator grants to every user of its apps; empty grants none. */
        Optional<String> generalAccessRole();

        /** Redirect URIs that every emulated app accepts in Plasmic's hosted-login code flow. */
        Optional<List<String>> redirectUris();
    }
}
