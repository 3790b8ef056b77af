package org.plasmicauthbridge.emulator;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An emulator of Plasmic's app-auth API on its own HTTP port, for development, tests and
 * benchmarks. It serves ensure-user, userinfo, the code exchange and the authorize step with
 * Plasmic's status codes and bodies. Users, rules and signing keys live in memory for the life of
 * this object, so tokens stay valid across {@link #stop()} and a later {@link #start}.
 *
 * <p>It runs on a Vert.x instance that it is given, or on one of its own that {@code stop()}
 * closes. {@code start} and {@code stop} block, so they must not run on a Vert.x event loop.
 */
public final class PlasmicEmulator {

    // The emulator logs through the JDK's System.Logger rather than JBoss Logging, because
    // EmulatorMain runs on Quarkus's lib/main jars alone, and JBoss Logging sits in lib/boot.
    // Inside Quarkus the JDK logger reaches the same log manager.
    private static final Logger LOG = System.getLogger(PlasmicEmulator.class.getName());
    private static final long START_STOP_TIMEOUT_SECONDS = 30;

    private final EmulatorSettings settings;
    private final AppDirectory apps;
    private final EmulatorCounters counters = new EmulatorCounters();
    private final EmulatorRouter router;
    private final boolean ownsVertx;
    private Vertx vertx;
    private HttpServer server;
    private String baseUrl;

    /** Creates an emulator that starts a Vert.x instance of its own. */
    public PlasmicEmulator(EmulatorSettings settings) {
        this(null, settings);
    }

    /** Creates an emulator on the given Vert.x instance, which {@link #stop()} leaves open. */
    public PlasmicEmulator(Vertx vertx, EmulatorSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.apps = new AppDirectory(settings);
        this.router = new EmulatorRouter(settings, apps, counters);
        this.ownsVertx = vertx == null;
        this.vertx = vertx;
    }

    /**
     * Starts listening and returns the bound port.
     *
     * @param host the address to bind, such as {@code 127.0.0.1}
     * @param port the port, or 0 for a free one
     */
    public synchronized int start(String host, int port) {
        if (server != null) {
            throw new IllegalStateException("The emulator is already listening at " + baseUrl);
        }
        requireBlockingAllowed();
        if (vertx == null) {
            vertx = Vertx.vertx();
        }
        HttpServer created = vertx.createHttpServer().requestHandler(router.create(vertx));
        try {
            server = await(created.listen(port, host), "listen on " + host + ":" + port);
        } catch (RuntimeException e) {
            closeOwnVertx();
            throw e;
        }
        String urlHost = host.contains(":") ? "[" + host + "]" : host;
        baseUrl = "http://" + urlHost + ":" + server.actualPort();
        LOG.log(Level.INFO, "Plasmic emulator listening at {0} with {1} app(s)", baseUrl, settings.apps().size());
        return server.actualPort();
    }

    /** Returns the URL that clients use as Plasmic's host, such as {@code http://127.0.0.1:8788}. */
    public synchronized String baseUrl() {
        if (baseUrl == null) {
            throw new IllegalStateException("The emulator has not been started");
        }
        return baseUrl;
    }

    /** Stops listening, and closes the Vert.x instance if the emulator created it. Does nothing twice. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        requireBlockingAllowed();
        await(server.close(), "close the HTTP server");
        server = null;
        closeOwnVertx();
        LOG.log(Level.INFO, "Plasmic emulator at {0} stopped", baseUrl);
    }

    /** Number of ensure-user requests received, whatever their outcome. */
    public long ensureCalls() {
        return counters.ensure().get();
    }

    /** Number of userinfo requests received, whatever their outcome. */
    public long userinfoCalls() {
        return counters.userinfo().get();
    }

    /** Number of code exchange requests received, whatever their outcome. */
    public long tokenCalls() {
        return counters.token().get();
    }

    /** Number of authorize requests received, whatever their outcome. */
    public long authorizeCalls() {
        return counters.authorize().get();
    }

    public void resetCounters() {
        counters.reset();
    }

    /**
     * Deletes every user of the app that matches the identity, so that userinfo returns
     * {@code 200 {}} for their tokens. Their access rules stay.
     *
     * @return the number of users deleted
     */
    public int deleteUser(String projectId, Identity identity) {
        return apps.require(projectId).users().delete(identity);
    }

    /**
     * Removes the e-mail and external id access rules of the identity. Userinfo then returns
     * {@code 200 {}} for the user's tokens unless a domain rule or the general-access role still applies.
     */
    public void revokeRole(String projectId, Identity identity) {
        apps.require(projectId).rules().revoke(identity);
    }

    /** Grants a lasting role to the identity, as an ensure-user call with {@code roleId} does. */
    public void grantRole(String projectId, Identity identity, String roleId) {
        AppState state = apps.require(projectId);
        if (state.app().role(roleId).isEmpty()) {
            throw new IllegalArgumentException("App " + projectId + " has no role with id " + roleId);
        }
        state.rules().grant(identity.email(), identity.externalId(), roleId);
    }

    /** Returns the stored user that an ensure-user call with this identity would update, if any. */
    public Optional<EndUser> findUser(String projectId, Identity identity) {
        return apps.require(projectId).users().find(identity)
                .map(user -> user.withProperties(JsonValues.copy(user.properties())));
    }

    /** Returns the stored {@code properties} of the user, usually a Vert.x {@code JsonObject}. */
    public Optional<Object> userProperties(String projectId, Identity identity) {
        return findUser(projectId, identity).map(EndUser::properties);
    }

    private void closeOwnVertx() {
        if (ownsVertx && vertx != null) {
            Vertx closing = vertx;
            vertx = null;
            await(closing.close(), "close Vert.x");
        }
    }

    private static void requireBlockingAllowed() {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("Start and stop the emulator off the Vert.x event loop, because they block");
        }
    }

    private static <T> T await(Future<T> future, String action) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(START_STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to " + action, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The emulator failed to " + action, e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(
                    "The emulator did not " + action + " within " + START_STOP_TIMEOUT_SECONDS + " s", e);
        }
    }
}
