package org.plasmicauthbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container image's start-up archive: a training run with {@code bridge.exit-after-start} records
 * the classes of start-up and exits by itself, and a bridge started with that archive is served from it.
 */
class ClassArchiveIT {

    private static final Map<String, String> CONFIG = Map.of(
            "bridge.apps.training.secret", "training-run-secret-never-sent");

    @Test
    void trainingRunWritesArchiveThatStartsBridge(@TempDir Path dir) throws Exception {
        Path archive = dir.resolve("app-cds.jsa");
        Map<String, String> trainingRun = new HashMap<>(CONFIG);
        trainingRun.put("bridge.exit-after-start", "true");
        try (BridgeProcess training = BridgeProcess.launch(trainingRun, List.of("-XX:ArchiveClassesAtExit=" + archive))) {
            assertThat(training.awaitExit(Duration.ofSeconds(60))).isZero();
            assertThat(training.log()).contains("Stopping after start-up");
        }
        assertThat(Files.size(archive)).isPositive();

        // -Xshare:on makes the JVM refuse to start when it cannot use the archive.
        try (BridgeProcess bridge = BridgeProcess.start(CONFIG, List.of("-Xshare:on", "-XX:SharedArchiveFile=" + archive))) {
            assertThat(bridge.log()).doesNotContain("Stopping after start-up");
        }
    }
}
