package org.plasmicauthbridge.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects every log record of the running application, formatted, so tests can search them. */
public final class LogCapture extends Handler {

    private final List<String> lines = new CopyOnWriteArrayList<>();

    public static LogCapture install() {
        LogCapture capture = new LogCapture();
        Logger root = LogManager.getLogManager().getLogger("");
        root.addHandler(capture);
        return capture;
    }

    public void uninstall() {
        LogManager.getLogManager().getLogger("").removeHandler(this);
    }

    @Override
    public void publish(LogRecord record) {
        String message = record instanceof org.jboss.logmanager.ExtLogRecord ext
                ? ext.getFormattedMessage() : record.getMessage();
        StringBuilder line = new StringBuilder(String.valueOf(record.getLoggerName())).append(' ').append(message);
        Object[] parameters = record.getParameters();
        if (parameters != null) {
            for (Object parameter : parameters) {
                line.append(' ').append(parameter);
            }
        }
        if (record.getThrown() != null) {
            line.append(' ').append(record.getThrown());
        }
        lines.add(line.toString());
    }

    public String all() {
        return String.join("\n", lines);
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    public void clear() {
        lines.clear();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
