package org.plasmicauthbridge.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line and environment of {@link EmulatorMain}, read into a port and settings. An
 * option given on the command line replaces the environment variable of the same meaning.
 */
record EmulatorArguments(int port, EmulatorSettings settings) {

    static final int DEFAULT_PORT = 8788;
    static final String DEFAULT_PROJECT_ID = "emulator";

    private static final Set<String> OPTIONS = Set.of(
            "--port", "--secret", "--project-id", "--app", "--general-access-role", "--redirect-uri");

    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: EmulatorMain [options]; each option can also be set by the environment variable after it.",
            "  --port N                 PLASMIC_EMULATOR_PORT                 port on 127.0.0.1, 0 for a free one"
                    + " (default " + DEFAULT_PORT + ")",
            "  --secret S               PLASMIC_EMULATOR_SECRET               app secret of one app",
            "  --project-id P           PLASMIC_EMULATOR_PROJECT_ID           project id of that app"
                    + " (default " + DEFAULT_PROJECT_ID + ")",
            "  --app P=S                PLASMIC_EMULATOR_APPS                 a further app as project id=secret;"
                    + " repeatable, comma-separated in the variable",
            "  --general-access-role R  PLASMIC_EMULATOR_GENERAL_ACCESS_ROLE  role id every user gets, such as"
                    + " normal-user (default none)",
            "  --redirect-uri U         PLASMIC_EMULATOR_REDIRECT_URIS        redirect URI of the code flow;"
                    + " repeatable, comma-separated in the variable");

    /** Reads the options, or throws {@link IllegalArgumentException} naming the one that is wrong. */
    static EmulatorArguments parse(String[] args, Map<String, String> env) {
        Map<String, List<String>> options = readOptions(args);
        int port = parsePort(first(options, "--port", env.get("PLASMIC_EMULATOR_PORT")));
        String generalAccessRole = first(options, "--general-access-role", env.get("PLASMIC_EMULATOR_GENERAL_ACCESS_ROLE"));
        List<String> redirectUris = all(options, "--redirect-uri", env.get("PLASMIC_EMULATOR_REDIRECT_URIS"));
        Map<String, String> secretsByProject = new LinkedHashMap<>();
        String secret = first(options, "--secret", env.get("PLASMIC_EMULATOR_SECRET"));
        if (secret != null) {
            String projectId = first(options, "--project-id", env.get("PLASMIC_EMULATOR_PROJECT_ID"));
            secretsByProject.put(projectId == null ? DEFAULT_PROJECT_ID : projectId, secret);
        }
        for (String pair : all(options, "--app", env.get("PLASMIC_EMULATOR_APPS"))) {
            int equals = pair.indexOf('=');
            if (equals <= 0 || equals == pair.length() - 1) {
                throw new IllegalArgumentException("An app must be given as <project id>=<secret>");
            }
            secretsByProject.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        if (secretsByProject.isEmpty()) {
            throw new IllegalArgumentException("No app given: set --secret or --app (or their environment variables)");
        }
        EmulatorSettings.Builder settings = EmulatorSettings.builder();
        secretsByProject.forEach((projectId, appSecret) -> settings.app(
                app(projectId, appSecret, generalAccessRole, redirectUris)));
        return new EmulatorArguments(port, settings.build());
    }

    /** Builds an app that accepts both custom auth and the hosted login, so that one process serves both flows. */
    private static EmulatedApp app(String projectId, String secret, String generalAccessRole, List<String> redirectUris) {
        EmulatedApp.Builder app = EmulatedApp.builder(projectId, secret)
                .providers(AuthProvider.CUSTOM_AUTH, AuthProvider.PLASMIC_AUTH)
                .generalAccessRole(generalAccessRole);
        redirectUris.forEach(app::redirectUri);
        return app.build();
    }

    private static Map<String, List<String>> readOptions(String[] args) {
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i];
            if (!OPTIONS.contains(name)) {
                throw new IllegalArgumentException("Unknown option " + name);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Option " + name + " needs a value");
            }
            options.computeIfAbsent(name, key -> new ArrayList<>()).add(args[i + 1]);
        }
        return options;
    }

    private static String first(Map<String, List<String>> options, String name, String fallback) {
        List<String> values = options.get(name);
        String value = values == null ? fallback : values.get(0);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Returns every value of a repeatable option, or else the comma-separated environment variable. */
    private static List<String> all(Map<String, List<String>> options, String name, String fallback) {
        if (options.containsKey(name)) {
            return options.get(name);
        }
        List<String> values = new ArrayList<>();
        if (fallback != null) {
            for (String part : fallback.split(",")) {
                if (!part.isBlank()) {
                    values.add(part.trim());
                }
            }
        }
        return values;
    }

    private static int parsePort(String value) {
        if (value == null) {
            return DEFAULT_PORT;
        }
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("Port must be between 0 and 65535, got " + value);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Port must be a number, got " + value, e);
        }
    }
}
