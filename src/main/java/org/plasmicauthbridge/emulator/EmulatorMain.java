package org.plasmicauthbridge.emulator;

/**
 * Runs the Plasmic emulator as a process of its own on 127.0.0.1, for benchmarks and for frontends
 * that cannot reach Plasmic. After {@code mvn package}:
 *
 * <pre>
 * PLASMIC_EMULATOR_SECRET=dev-secret java -cp "target/quarkus-app/lib/main/*:target/quarkus-app/app/*" \
 *     org.plasmicauthbridge.emulator.EmulatorMain --port 8788 --project-id my-project \
 *     --general-access-role normal-user
 * </pre>
 *
 * <p>Options, each with an environment variable of the same meaning (an option wins over its variable):
 * <ul>
 *   <li>{@code --port N} / {@code PLASMIC_EMULATOR_PORT}: the port, 0 for a free one; default 8788.
 *   <li>{@code --secret S} / {@code PLASMIC_EMULATOR_SECRET}: the app secret of one app. Prefer the
 *       variable, because other users of the machine can read command lines.
 *   <li>{@code --project-id P} / {@code PLASMIC_EMULATOR_PROJECT_ID}: that app's project id; default
 *       {@code emulator}.
 *   <li>{@code --app P=S} / {@code PLASMIC_EMULATOR_APPS}: further apps as {@code projectId=secret};
 *       the option repeats, the variable takes a comma-separated list.
 *   <li>{@code --general-access-role R} / {@code PLASMIC_EMULATOR_GENERAL_ACCESS_ROLE}: the role id
 *       every user of every app gets, such as {@code normal-user}; default none, as in a fresh app.
 *   <li>{@code --redirect-uri U} / {@code PLASMIC_EMULATOR_REDIRECT_URIS}: redirect URIs that the
 *       code flow accepts; the option repeats, the variable takes a comma-separated list.
 * </ul>
 * Every app has the roles {@code anonymous}, {@code normal-user} and {@code admin} and accepts both
 * custom auth and the hosted login. The authorize endpoint signs in the user named by its
 * emulator-only query parameter {@code email}. The process prints one line with its URL when it
 * listens, and one more when it has stopped on SIGTERM or Ctrl-C. {@code --help} prints the usage;
 * bad options print it too and exit with status 2.
 */
public final class EmulatorMain {

    private EmulatorMain() {
    }

    public static void main(String[] args) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println(EmulatorArguments.USAGE);
            return;
        }
        EmulatorArguments arguments;
        try {
            arguments = EmulatorArguments.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(EmulatorArguments.USAGE);
            System.exit(2);
            return;
        }
        PlasmicEmulator emulator = new PlasmicEmulator(arguments.settings());
        emulator.start("127.0.0.1", arguments.port());
        // The JVM runs shutdown hooks on SIGTERM and SIGINT; Vert.x's threads keep it alive until then.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.stop();
            System.out.println("Plasmic emulator stopped");
        }, "plasmic-emulator-stop"));
        System.out.println("Plasmic emulator listening on " + emulator.baseUrl());
    }
}
