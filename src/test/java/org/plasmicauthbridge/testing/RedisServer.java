package org.plasmicauthbridge.testing;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real {@code redis-server} process for tests, on 127.0.0.1 and a free port, without persistence
 * ({@code --save "" --appendonly no}). Its working directory and log are in a temporary directory
 * that {@link #close()} deletes.
 *
 * <pre>{@code
 * try (RedisServer redis = RedisServer.start()) {
 *     String hosts = redis.uri(); // redis://127.0.0.1:<port>
 * }
 * }</pre>
 */
public final class RedisServer implements AutoCloseable {

    private static final String BINARY = "redis-server";
    private static final long READY_TIMEOUT_MILLIS = 10_000;
    private static final long STOP_TIMEOUT_MILLIS = 5_000;
    private static final int START_ATTEMPTS = 3;

    private final int port;
    private final Path directory;
    private Process process;
    private Thread shutdownHook;

    private RedisServer(int port, Path directory) {
        this.port = port;
        this.directory = directory;
    }

    /**
     * Starts a server on a free port and returns once it replies to {@code PING}.
     *
     * @throws IllegalStateException when {@code redis-server} is not on the PATH or does not start
     */
    public static RedisServer start() {
        requireBinaryOnPath();
        IllegalStateException lastFailure = null;
        // Another process can take the free port between probing and binding it, so a failed
        // start is retried on a new port.
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            RedisServer server = new RedisServer(freePort(), createDirectory());
            try {
                server.launch();
                return server;
            } catch (IllegalStateException failure) {
                server.close();
                lastFailure = failure;
            }
        }
        throw lastFailure;
    }

    /** Returns the port the server listens on, which stays the same across {@link #restart()}. */
    public int port() {
        return port;
    }

    /** Returns the URI for {@code quarkus.redis.hosts} or a Vert.x Redis client. */
    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Stops the process, which loses all data. Does nothing when the server is not running. */
    public void stop() {
        if (process == null) {
            return;
        }
        terminate(process);
        process = null;
        removeShutdownHook();
    }

    /**
     * Starts the server again on the same port, empty, after {@link #stop()}.
     *
     * @throws IllegalStateException when the server is running or does not start
     */
    public void restart() {
        if (isRunning()) {
            throw new IllegalStateException("Redis server on port " + port + " is still running. Call stop() first");
        }
        launch();
    }

    /** Stops the process and deletes its temporary directory. */
    @Override
    public void close() {
        stop();
        deleteDirectory();
    }

    private void launch() {
        ProcessBuilder builder = new ProcessBuilder(
                BINARY,
                "--port", Integer.toString(port),
                "--bind", "127.0.0.1",
                "--save", "",
                "--appendonly", "no",
                "--dir", directory.toString(),
                "--logfile", "")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("Failed to run " + BINARY + ": " + e.getMessage(), e);
        }
        shutdownHook = new Thread(process::destroyForcibly, "redis-server-" + port + "-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        awaitPong();
    }

    private void awaitPong() {
        long deadline = System.currentTimeMillis() + READY_TIMEOUT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                String log = readLog();
                stop();
                throw new IllegalStateException("redis-server on port " + port + " exited at start. Log:\n" + log);
            }
            if (answersPing()) {
                return;
            }
            sleep(50);
        }
        String log = readLog();
        stop();
        throw new IllegalStateException("redis-server on port " + port + " did not reply to PING within "
                + READY_TIMEOUT_MILLIS + " ms. Log:\n" + log);
    }

    private boolean answersPing() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            return "+PONG".equals(in.readLine());
        } catch (IOException notYetListening) {
            return false;
        }
    }

    private static void terminate(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void removeShutdownHook() {
        if (shutdownHook == null) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException jvmAlreadyShuttingDown) {
            // The hook runs anyway and kills an already stopped process, which is harmless.
        }
        shutdownHook = null;
    }

    private static void requireBinaryOnPath() {
        String path = System.getenv().getOrDefault("PATH", "");
        boolean found = Stream.of(path.split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, BINARY))
                .anyMatch(Files::isExecutable);
        if (!found) {
            throw new IllegalStateException(BINARY + " was not found on the PATH. Tests that need Redis "
                    + "start a real server; install it with: apt-get install redis-server");
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to find a free port on 127.0.0.1", e);
        }
    }

    private static Path createDirectory() {
        try {
            return Files.createTempDirectory("redis-server-");
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to create a temporary directory for redis-server", e);
        }
    }

    private Path logFile() {
        return directory.resolve("redis.log");
    }

    private String readLog() {
        try {
            List<String> lines = Files.readAllLines(logFile(), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private void deleteDirectory() {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A leftover temporary directory does not affect later tests.
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for redis-server", e);
        }
    }
}
