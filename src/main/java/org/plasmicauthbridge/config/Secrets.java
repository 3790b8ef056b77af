package org.plasmicauthbridge.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Reads a secret given either inline or as a file, such as a mounted Kubernetes Secret. */
public final class Secrets {

    private Secrets() {
    }

    /**
     * Returns the secret from {@code value} or from the file {@code file}; exactly one of them must be
     * set. Problems are added to {@code problems} by key name, never with the secret itself.
     */
    public static Optional<String> read(Optional<String> value, Optional<String> file, String key,
            List<String> problems) {
        if (value.isPresent() && file.isPresent()) {
            problems.add(key + " and " + key + "-file are both set: keep one");
            return Optional.empty();
        }
        if (value.isPresent()) {
            return nonBlank(value.get(), key, problems);
        }
        if (file.isPresent()) {
            try {
                String content = Files.readString(Path.of(file.get()), StandardCharsets.UTF_8);
                return nonBlank(content.strip(), key + "-file", problems);
            } catch (IOException | RuntimeException e) {
                problems.add(key + "-file: cannot read " + file.get() + " (" + e.getClass().getSimpleName() + ")");
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<String> nonBlank(String secret, String key, List<String> problems) {
        if (secret.isBlank()) {
            problems.add(key + " is empty");
            return Optional.empty();
        }
        return Optional.of(secret);
    }
}
