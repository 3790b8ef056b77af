package org.plasmicauthbridge.observability;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.handlers.WriterHandler;
import org.plasmicauthbridge.config.BridgeConfig;

/**
 * Writes console and file log lines in batches. JBoss LogManager flushes a writer handler after every
 * line, which costs one system call per line. The bridge logs an auth event for every decision, and in
 * a CPU profile that call and the handler lock it keeps took about 5% of a warm exchange's time.
 * With {@code bridge.log.flush-interval} above 0, the handlers stop flushing after each line and a
 * daemon thread flushes them at that interval instead. At shutdown they flush every line again, so
 * the last lines of a stopping bridge are written at once.
 */
@Singleton
public class LogFlushing {

    @Inject
    BridgeConfig config;

    // Set on the main thread at start-up and read by the thread that runs the shutdown.
    private volatile Batching batching;

    void onStart(@Observes StartupEvent event) {
        batching = Batching.start(LogContext.getLogContext(), config.log().flushInterval());
    }

    void onStop(@Observes ShutdownEvent event) {
        if (batching != null) {
            batching.stop();
        }
    }

    /** The writer handlers of one log context, flushed by a timer instead of after each line. */
    static final class Batching {

        /** The writer handlers, whose buffers contain the waiting lines. */
        private final List<WriterHandler> writers;
        /** The handlers on the way to the writers, and the writers, that flushed after each line before. */
        private final List<ExtHandler> autoFlushed;
        private final ScheduledExecutorService timer;

        private Batching(List<WriterHandler> writers, List<ExtHandler> autoFlushed, ScheduledExecutorService timer) {
            this.writers = writers;
            this.autoFlushed = autoFlushed;
            this.timer = timer;
        }

        /**
         * Stops the writer handlers under the context's root logger, and the handlers that pass lines on
         * to them, from flushing after each line, and flushes the writers at the interval instead.
         * Returns null and changes nothing for an interval of 0 or when there is no writer handler.
         */
        static Batching start(LogContext context, Duration interval) {
            if (interval.isZero()) {
                return null;
            }
            List<WriterHandler> writers = new ArrayList<>();
            List<ExtHandler> autoFlushed = new ArrayList<>();
            collect(context.getLogger("").getHandlers(), writers, autoFlushed);
            if (writers.isEmpty()) {
                return null;
            }
            ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "bridge-log-flush");
                thread.setDaemon(true);
                return thread;
            });
            Batching batching = new Batching(writers, autoFlushed, timer);
            // A parent's flush after each line would flush its nested writers too.
            autoFlushed.forEach(handler -> handler.setAutoFlush(false));
            long nanos = interval.toNanos();
            timer.scheduleWithFixedDelay(batching::flush, nanos, nanos, TimeUnit.NANOSECONDS);
            return batching;
        }

        /**
         * Adds the writer handlers among the handlers and their nested ones, and the handlers on the way
         * that flush after each line. Returns whether there was a writer handler.
         */
        private static boolean collect(Handler[] handlers, List<WriterHandler> writers, List<ExtHandler> autoFlushed) {
            boolean found = false;
            for (Handler handler : handlers) {
                boolean writes = false;
                if (handler instanceof WriterHandler writer) {
                    writers.add(writer);
                    writes = true;
                } else if (handler instanceof ExtHandler parent) {
                    writes = collect(parent.getHandlers(), writers, autoFlushed);
                }
                if (writes && handler instanceof ExtHandler extHandler && extHandler.isAutoFlush()) {
                    autoFlushed.add(extHandler);
                }
                found |= writes;
            }
            return found;
        }

        /** Writes the lines that wait in the writers' buffers. */
        void flush() {
            writers.forEach(WriterHandler::flush);
        }

        /** Stops the timer, turns flushing after each line back on and writes the lines that wait. */
        void stop() {
            timer.shutdownNow();
            autoFlushed.forEach(handler -> handler.setAutoFlush(true));
            flush();
        }

        List<WriterHandler> writers() {
            return writers;
        }
    }
}
