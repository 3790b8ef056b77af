package org.plasmicauthbridge.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged bridge ({@code target/quarkus-app/quarkus-run.jar}) running as its own process in the
 * production profile, on 127.0.0.1 and a free port, configured by system properties.
 */
final class BridgeProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private BridgeProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static BridgeProcess start(Map<String, String> config) throws IOException, InterruptedException {
        return start(config, List.of());
    }

    /** Starts the bridge with extra JVM flags and waits until it is ready. */
    static BridgeProcess start(Map<String, String> config, List<String> jvmFlags) throws IOException, InterruptedException {
        BridgeProcess bridge = launch(config, jvmFlags);
        bridge.awaitReady(Duration.ofSeconds(60));
        return bridge;
    }

    /** Starts the bridge without waiting for it. */
    static BridgeProcess launch(Map<String, String> config, List<String> jvmFlags) throws IOException {
        Path appDir = Path.of(System.getProperty("bridge.app.dir", "target/quarkus-app"));
        Path jar = appDir.resolve("quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("missing " + jar + ": run mvn verify, which packages before integration tests");
        }
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.http.host=127.0.0.1");
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toString());
        Path log = Files.createTempFile("bridge-" + port, ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new BridgeProcess(process, port, log);
    }

    /** Waits for the process to exit by itself and returns its exit code, or fails after {@code limit}. */
    int awaitExit(Duration limit) throws IOException, InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the bridge did not exit within " + limit + ":\n" + log());
        }
        return process.exitValue();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    private void awaitReady(Duration limit) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the bridge exited during start-up:\n" + log());
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        close();
        throw new IllegalStateException("the bridge was not ready within " + limit + ":\n" + log());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        Files.deleteIfExists(log);
    }
}
