package org.plasmicauthbridge.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.Logger;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.jboss.logmanager.handlers.DelayedHandler;
import org.jboss.logmanager.handlers.OutputStreamHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LogFlushingTest {

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private LogContext context;
    private Logger logger;
    private OutputStreamHandler handler;
    private LogFlushing.Batching batching;

    @BeforeEach
    void logToMemory() {
        context = LogContext.create();
        handler = new OutputStreamHandler(output, new PatternFormatter("%s%n"));
        context.getLogger("").addHandler(handler);
        logger = context.getLogger("test");
    }

    @AfterEach
    void stopBatching() throws Exception {
        if (batching != null) {
            batching.stop();
        }
        context.close();
    }

    private String written() {
        synchronized (output) {
            return output.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void batchedLineWaitsForFlush() {
        batching = LogFlushing.Batching.start(context, Duration.ofHours(1));

        logger.info("first line");
        assertThat(written()).isEmpty();

        batching.flush();
        assertThat(written()).isEqualTo("first line\n");
    }

    @Test
    void timerWritesWaitingLine() {
        batching = LogFlushing.Batching.start(context, Duration.ofMillis(50));

        logger.info("waiting line");

        await().atMost(Duration.ofSeconds(5)).until(() -> written().equals("waiting line\n"));
    }

    @Test
    void stopWritesWaitingLines() {
        batching = LogFlushing.Batching.start(context, Duration.ofHours(1));
        logger.info("before stop");

        batching.stop();
        assertThat(written()).isEqualTo("before stop\n");

        logger.info("after stop");
        assertThat(written()).isEqualTo("before stop\nafter stop\n");
        batching = null;
    }

    @Test
    void nestedHandlerBatched() {
        context.getLogger("").removeHandler(handler);
        DelayedHandler parent = new DelayedHandler();
        parent.addHandler(handler);
        context.getLogger("").addHandler(parent);

        batching = LogFlushing.Batching.start(context, Duration.ofHours(1));

        assertThat(batching.writers()).containsExactly(handler);
        logger.info("nested line");
        assertThat(written()).isEmpty();

        batching.flush();
        assertThat(written()).isEqualTo("nested line\n");
        batching.stop();
        assertThat(parent.isAutoFlush()).isTrue();
        assertThat(handler.isAutoFlush()).isTrue();
        batching = null;
    }

    @Test
    void zeroIntervalWritesAtOnce() {
        batching = LogFlushing.Batching.start(context, Duration.ZERO);

        assertThat(batching).isNull();
        logger.info("immediate line");
        assertThat(written()).isEqualTo("immediate line\n");
    }
}
