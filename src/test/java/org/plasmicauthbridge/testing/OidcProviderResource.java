package org.plasmicauthbridge.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.plasmicauthbridge.interop.NodeScripts;

/**
 * Starts {@code interop/oidc-provider.mjs}, an OpenID provider built on the npm package
 * {@code oidc-provider}, and configures the bridge with it as the browser sign-in provider
 * {@value #PROVIDER} of the app {@code main}.
 *
 * <p>Use it together with {@link BridgeTestResource}, which configures the app {@code main}, the
 * bridge's port and public URL from {@link TestPorts}, its allowed origins and the session cookie. The
 * provider must know the bridge's callback URL before it starts, and {@link TestPorts} gives the same
 * port to both resources. Every account of the provider has the e-mail {@code <login>@example.com}
 * (verified) and the groups {@code staff} and {@code admins}; the group {@code admins} maps to the
 * Plasmic role {@code admin}.
 */
public class OidcProviderResource implements QuarkusTestResourceLifecycleManager {

    public static final String PROVIDER = "node";
    public static final String CLIENT_ID = "plasmic-auth-bridge";
    /** The domain of every account's e-mail address. */
    public static final String EMAIL_DOMAIN = "example.com";

    private static final String SCRIPT = "oidc-provider.mjs";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private Process process;
    private Thread shutdownHook;
    private Path stderrLog;

    @Override
    public Map<String, String> start() {
        String clientSecret = "test-client-secret-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        String issuer = startProvider(clientSecret, TestPorts.bridgeUrl() + "/v1/callback/" + PROVIDER);

        Map<String, String> config = new HashMap<>();
        String prefix = "bridge.providers." + PROVIDER + ".";
        config.put(prefix + "type", "oidc");
        config.put(prefix + "issuer", issuer);
        config.put(prefix + "client-id", CLIENT_ID);
        config.put(prefix + "client-secret", clientSecret);
        // The provider releases the groups claim only for the scope groups, which the bridge must request.
        config.put(prefix + "scopes", "openid,email,profile,groups");
        config.put(prefix + "app", "main");
        config.put(prefix + "roles.claim", "groups");
        config.put(prefix + "roles.map.admins", "admin");
        return config;
    }

    private String startProvider(String clientSecret, String redirectUri) {
        NodeScripts node = NodeScripts.install();
        stderrLog = createLog();
        process = node.start(SCRIPT, Map.of("INTEROP_CLIENT_SECRET", clientSecret), stderrLog,
                "--port", "0", "--client-id", CLIENT_ID, "--redirect-uris", redirectUri);
        // Kills the provider should the JVM end without stopping this resource.
        shutdownHook = new Thread(process::destroyForcibly, "oidc-provider-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            return readIssuer();
        } catch (RuntimeException failure) {
            stop();
            throw failure;
        }
    }

    /** Waits for the one JSON line that the script prints once it listens, then drains stdout. */
    private String readIssuer() {
        BufferedReader stdout = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> firstLine = CompletableFuture.supplyAsync(() -> readLine(stdout));
        String line;
        try {
            line = firstLine.get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("node " + SCRIPT + " printed no issuer within "
                    + READY_TIMEOUT.toSeconds() + " s. Its stderr:\n" + stderr());
        } catch (ExecutionException | InterruptedException e) {
            throw new IllegalStateException("Failed to read the output of node " + SCRIPT, e);
        }
        if (line == null) {
            throw new IllegalStateException("node " + SCRIPT + " exited before it listened. Its stderr:\n" + stderr());
        }
        drain(stdout);
        return issuer(line);
    }

    private String issuer(String line) {
        try {
            JsonNode issuer = JSON.readTree(line).path("issuer");
            if (issuer.isTextual()) {
                return issuer.asText();
            }
        } catch (IOException notJson) {
            // Reported below.
        }
        throw new IllegalStateException("node " + SCRIPT + " printed no {\"issuer\": ...} line. Its stderr:\n"
                + stderr());
    }

    private static String readLine(BufferedReader reader) {
        try {
            return reader.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps reading stdout so that a later write can never block the provider on a full pipe. */
    private static void drain(BufferedReader stdout) {
        Thread drainer = new Thread(() -> {
            try (stdout) {
                stdout.transferTo(Writer.nullWriter());
            } catch (IOException closedWhenStopped) {
                // The provider stopped.
            }
        }, "oidc-provider-stdout");
        drainer.setDaemon(true);
        drainer.start();
    }

    @Override
    public void stop() {
        if (process != null) {
            terminate(process);
            process = null;
        }
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException jvmAlreadyShuttingDown) {
                // The hook then kills a process that has already exited, which is harmless.
            }
            shutdownHook = null;
        }
        if (stderrLog != null) {
            try {
                Files.deleteIfExists(stderrLog);
            } catch (IOException ignored) {
                // A leftover log in the temporary directory affects no later test.
            }
            stderrLog = null;
        }
    }

    /** Sends SIGTERM, on which the script closes its server, and kills it when it does not exit in time. */
    private static void terminate(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private String stderr() {
        try {
            List<String> lines = Files.readAllLines(stderrLog, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static Path createLog() {
        try {
            return Files.createTempFile("oidc-provider-", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to create a log file for the OpenID provider", e);
        }
    }
}
