package org.plasmicauthbridge.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Node scripts in the project's {@code interop/} directory with Node and the npm packages
 * pinned by its {@code package-lock.json}. {@link #install()} runs {@code npm ci} when
 * {@code node_modules} is missing or older than the lock file. Public because test resources in
 * other packages start long-running scripts, such as the OpenID provider, with {@link #start}.
 */
public final class NodeScripts {

    static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(60);
    static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration VERSION_TIMEOUT = Duration.ofSeconds(15);
    private static final int MIN_NODE_MAJOR = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;

    private NodeScripts(Path directory) {
        this.directory = directory;
    }

    /**
     * Checks that node and npm are on the PATH and installs the pinned packages when needed.
     *
     * @throws IllegalStateException when node or npm is missing or too old, or npm ci fails
     */
    public static NodeScripts install() {
        Path directory = Path.of("interop").toAbsolutePath();
        if (!Files.isRegularFile(directory.resolve("package-lock.json"))) {
            throw new IllegalStateException("Missing " + directory.resolve("package-lock.json")
                    + ": run the tests from the project's base directory");
        }
        NodeScripts scripts = new NodeScripts(directory);
        scripts.requireNode();
        scripts.requireTool("npm", "--version");
        if (scripts.packagesOutdated()) {
            scripts.runNpmCi();
        }
        return scripts;
    }

    /**
     * Runs {@code node <script> <arguments>} with extra environment variables, within
     * {@link #SCRIPT_TIMEOUT}, and parses its stdout as JSON when it printed any.
     */
    NodeResult run(String script, Map<String, String> environment, String... arguments) {
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(arguments));
        Finished finished = execute(command, environment, SCRIPT_TIMEOUT);
        return new NodeResult(finished.exitCode(), parse(script, finished), finished.stderr());
    }

    /**
     * Starts {@code node <script> <arguments>} and returns without waiting for it: for servers that
     * run until the caller stops them. Its stderr goes to {@code stderrLog}, and the caller reads stdout.
     */
    public Process start(String script, Map<String, String> environment, Path stderrLog, String... arguments) {
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = processBuilder(command, environment)
                .redirectError(ProcessBuilder.Redirect.appendTo(stderrLog.toFile()));
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to start node " + script, e);
        }
    }

    private void requireNode() {
        String version = requireTool("node", "--version").strip();
        int major = Integer.parseInt(version.replaceFirst("^v(\\d+)\\..*$", "$1"));
        if (major < MIN_NODE_MAJOR) {
            throw new IllegalStateException("The interop tests need Node.js " + MIN_NODE_MAJOR
                    + " or later, but node --version printed " + version);
        }
    }

    private String requireTool(String tool, String versionFlag) {
        Finished finished;
        try {
            finished = execute(List.of(tool, versionFlag), Map.of(), VERSION_TIMEOUT);
        } catch (UncheckedIOException notOnPath) {
            throw new IllegalStateException(tool + " was not found on the PATH. The interop tests need Node.js "
                    + MIN_NODE_MAJOR + " or later with npm (https://nodejs.org/)", notOnPath);
        }
        if (finished.exitCode() != 0) {
            throw new IllegalStateException(tool + " " + versionFlag + " failed with exit code "
                    + finished.exitCode() + ": " + finished.stderr());
        }
        return finished.stdout();
    }

    /** Compares the lock file with {@code node_modules/.package-lock.json}, which npm writes on every install. */
    private boolean packagesOutdated() {
        Path installed = directory.resolve("node_modules/.package-lock.json");
        if (!Files.exists(installed)) {
            return true;
        }
        try {
            return Files.getLastModifiedTime(installed)
                    .compareTo(Files.getLastModifiedTime(directory.resolve("package-lock.json"))) < 0;
        } catch (IOException e) {
            return true;
        }
    }

    private void runNpmCi() {
        Finished finished = execute(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), INSTALL_TIMEOUT);
        if (finished.exitCode() != 0) {
            throw new IllegalStateException("npm ci in " + directory + " failed with exit code "
                    + finished.exitCode() + ". Check that the npm registry is reachable. npm printed:\n"
                    + tail(finished.stdout() + finished.stderr()));
        }
    }

    private JsonNode parse(String script, Finished finished) {
        if (finished.stdout().isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(finished.stdout());
        } catch (IOException e) {
            // The output may contain a token, so only its length is reported.
            throw new IllegalStateException(script + " printed " + finished.stdout().length()
                    + " characters that are not valid JSON. Its stderr: " + finished.stderr());
        }
    }

    private Finished execute(List<String> command, Map<String, String> environment, Duration timeout) {
        ProcessBuilder builder = processBuilder(command, environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to start " + command.get(0), e);
        }
        StreamReader stdout = StreamReader.start(process.getInputStream());
        StreamReader stderr = StreamReader.start(process.getErrorStream());
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command.subList(0, 2)) + " in " + directory
                        + " timed out after " + timeout.toSeconds() + " s");
            }
            return new Finished(process.exitValue(), stdout.text(), stderr.text());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + command.get(0), e);
        }
    }

    private ProcessBuilder processBuilder(List<String> command, Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        // The scripts read unset options and the OpenID client secret from INTEROP_* and Plasmic secrets
        // from PLASMIC_*, so variables of the surrounding shell must not add options or secrets that a
        // test did not pass.
        builder.environment().keySet().removeIf(name -> name.startsWith("INTEROP_") || name.startsWith("PLASMIC_"));
        builder.environment().putAll(environment);
        return builder;
    }

    private static String tail(String text) {
        int keep = 4000;
        return text.length() <= keep ? text : "..." + text.substring(text.length() - keep);
    }

    private record Finished(int exitCode, String stdout, String stderr) {
    }

    /**
     * Drains one output stream on its own thread, so that a process that fills its stderr pipe
     * cannot block while the test waits for stdout.
     */
    private static final class StreamReader extends Thread {

        private final InputStream stream;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        private StreamReader(InputStream stream) {
            super("node-output-reader");
            this.stream = stream;
            setDaemon(true);
        }

        static StreamReader start(InputStream stream) {
            StreamReader reader = new StreamReader(stream);
            reader.start();
            return reader;
        }

        @Override
        public void run() {
            try (stream) {
                stream.transferTo(buffer);
            } catch (IOException closedWhenKilled) {
                // The process was killed; whatever was read so far is kept.
            }
        }

        String text() throws InterruptedException {
            join(TimeUnit.SECONDS.toMillis(5));
            return buffer.toString(StandardCharsets.UTF_8);
        }
    }
}
