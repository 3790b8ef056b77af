package org.plasmicauthbridge.emulator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restassured.http.ContentType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs {@link EmulatorMain} as a separate process, as benchmarks do, and stops it with SIGTERM. */
class EmulatorMainTest {

    @Test
    void processServesAndStopsOnSigterm() throws Exception {
        Process process = startMain(Map.of("PLASMIC_EMULATOR_SECRET", "main-secret"),
                "--port", "0", "--project-id", "bench", "--general-access-role", "normal-user");
        try {
            BufferedReader output =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line = output.readLine();
            assertThat(line).startsWith("Plasmic emulator listening on http://127.0.0.1:");
            String baseUrl = line.substring(line.indexOf("http://"));

            given().baseUri(baseUrl)
                    .header("x-plasmic-app-auth-api-token", "main-secret")
                    .contentType(ContentType.JSON)
                    .body(Map.of("email", "ann@example.com"))
                    .post("/api/v1/app-auth/user")
                    .then().statusCode(200);

            // ProcessHandle.destroy sends SIGTERM without closing our end of the process's output.
            assertThat(process.toHandle().destroy()).isTrue();
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(output.readLine()).isEqualTo("Plasmic emulator stopped");
            URI uri = URI.create(baseUrl);
            assertThatThrownBy(() -> new Socket(uri.getHost(), uri.getPort()).close())
                    .isInstanceOf(ConnectException.class);
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void missingAppExitsWithUsage() throws Exception {
        Process process = startMain(Map.of(), "--port", "0");
        process.getOutputStream().close();

        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
    }

    private static Process startMain(Map<String, String> env, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String[] command = new String[args.length + 4];
        command[0] = java;
        command[1] = "-cp";
        command[2] = System.getProperty("java.class.path");
        command[3] = EmulatorMain.class.getName();
        System.arraycopy(args, 0, command, 4, args.length);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().keySet().removeIf(name -> name.startsWith("PLASMIC_EMULATOR_"));
        builder.environment().putAll(env);
        return builder.start();
    }
}
