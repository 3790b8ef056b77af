package org.plasmicauthbridge.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.plasmicauthbridge.emulator.AuthProvider;
import org.plasmicauthbridge.emulator.EmulatedApp;
import org.plasmicauthbridge.emulator.EmulatorSettings;
import org.plasmicauthbridge.emulator.PlasmicEmulator;

/**
 * Starts the Plasmic emulator and a JWKS server on free loopback ports and configures the bridge with
 * one app and five trusted issuers whose keys are the fixed test keys. Tests get the emulator and the
 * JWKS server injected into fields of those types.
 */
public class BridgeTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String AUDIENCE = "bridge-test";
    public static final String RSA_ISSUER = "https://issuer.test/rsa";
    public static final String ROTATING_ISSUER = "https://issuer.test/rotating";
    public static final String RETIRING_ISSUER = "https://issuer.test/retiring";
    public static final String EC_ISSUER = "https://issuer.test/ec";
    public static final String HMAC_ISSUER = "https://issuer.test/hmac";
    public static final String PROJECT_ID = "test-project";
    /** The origin of the app that browsers return to after sign-in; nothing listens there. */
    public static final String APP_ORIGIN = "http://app.test:3000";
    /** Shared secret of the HMAC test issuer; it guards nothing outside the tests. */
    public static final String HMAC_SECRET = "test-only-hmac-secret-0123456789abcdef-0123456789";

    /** Init argument: {@link #PLASMIC_EXTERNAL} leaves {@code bridge.plasmic.host} to another resource. */
    public static final String PLASMIC = "plasmic";
    public static final String PLASMIC_EXTERNAL = "external";

    private boolean externalPlasmic;
    private PlasmicEmulator emulator;
    private final OffsetClock emulatorClock = new OffsetClock();

    @Override
    public void init(Map<String, String> initArgs) {
        externalPlasmic = PLASMIC_EXTERNAL.equals(initArgs.get(PLASMIC));
    }
    private JwksServer jwks;

    @Override
    public Map<String, String> start() {
        String appSecret = "test-app-secret-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        emulator = new PlasmicEmulator(EmulatorSettings.builder()
                .app(EmulatedApp.builder(PROJECT_ID, appSecret).generalAccessRole("normal-user")
                        .providers(AuthProvider.CUSTOM_AUTH, AuthProvider.PLASMIC_AUTH)
                        .redirectUri(TestPorts.bridgeUrl() + "/v1/callback/plasmic").build())
                .clock(emulatorClock)
                .build());
        emulator.start("127.0.0.1", 0);
        try {
            jwks = new JwksServer().start();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        jwks.publish("rsa", TestKeys.rsaPublicJwk("rsa-1", "rsa-1"));
        jwks.publish("rotating", TestKeys.rsaPublicJwk("rsa-1", "rsa-1"));
        jwks.publish("retiring", TestKeys.rsaPublicJwk("rsa-1", "rsa-1"));

        Map<String, String> config = new HashMap<>();
        if (!externalPlasmic) {
            config.put("bridge.plasmic.host", emulator.baseUrl());
        }
        config.put("bridge.apps.main.secret", appSecret);
        config.put("bridge.apps.main.project-id", PROJECT_ID);

        issuer(config, "rsa", RSA_ISSUER, "RS256");
        config.put("bridge.issuers.rsa.jwks-uri", jwks.url("rsa"));
        config.put("bridge.issuers.rsa.roles.claim", "groups");
        config.put("bridge.issuers.rsa.roles.map.admins", "admin");

        issuer(config, "rotating", ROTATING_ISSUER, "RS256");
        config.put("bridge.issuers.rotating.jwks-uri", jwks.url("rotating"));

        issuer(config, "retiring", RETIRING_ISSUER, "RS256");
        config.put("bridge.issuers.retiring.jwks-uri", jwks.url("retiring"));

        issuer(config, "ec", EC_ISSUER, "ES256");
        config.put("bridge.issuers.ec.public-key", TestKeys.resource("keys/ec-p256-public.pem"));
        config.put("bridge.issuers.ec.identity", "external-id");
        config.put("bridge.issuers.ec.single-use", "true");

        browserSignIn(config);

        issuer(config, "hmac", HMAC_ISSUER, "HS256");
        config.put("bridge.issuers.hmac.hmac-secret", HMAC_SECRET);
        config.put("bridge.issuers.hmac.require-email-verified", "false");
        config.put("bridge.issuers.hmac.allowed-email-domains", "example.com,example.org");
        return config;
    }

    /** The bridge on a known port, so that providers can send browsers back to it, and Plasmic's hosted login. */
    private void browserSignIn(Map<String, String> config) {
        config.put("quarkus.http.test-port", Integer.toString(TestPorts.bridgePort()));
        config.put("bridge.public-url", TestPorts.bridgeUrl());
        config.put("bridge.allowed-origins", APP_ORIGIN + "," + TestPorts.bridgeUrl());
        config.put("bridge.default-return-to", APP_ORIGIN + "/home");
        config.put("bridge.session.insecure-cookie", "true");
        config.put("bridge.providers.plasmic.type", "plasmic");
        config.put("bridge.providers.plasmic.app", "main");
        config.put("bridge.providers.plasmic.authorize-url", emulator.baseUrl() + "/api/v1/app-auth/code");
    }

    private static void issuer(Map<String, String> config, String name, String iss, String algorithms) {
        config.put("bridge.issuers." + name + ".issuer", iss);
        config.put("bridge.issuers." + name + ".algorithms", algorithms);
        config.put("bridge.issuers." + name + ".audiences", AUDIENCE);
        config.put("bridge.issuers." + name + ".app", "main");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(emulator, new TestInjector.MatchesType(PlasmicEmulator.class));
        injector.injectIntoFields(jwks, new TestInjector.MatchesType(JwksServer.class));
        injector.injectIntoFields(emulatorClock, new TestInjector.MatchesType(OffsetClock.class));
    }

    @Override
    public void stop() {
        if (emulator != null) {
            emulator.stop();
        }
        if (jwks != null) {
            jwks.stop();
        }
    }
}
