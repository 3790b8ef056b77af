package org.plasmicauthbridge.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * The bridge's HTTP port in tests that need to know it before Quarkus starts, such as providers that
 * must register the callback URL. It is chosen once per test JVM and kept in a system property, so
 * every test resource sees the same port whichever class loader loaded it.
 */
public final class TestPorts {

    private static final String PROPERTY = "plasmic-auth-bridge.test.http-port";

    private TestPorts() {
    }

    public static synchronized int bridgePort() {
        String chosen = System.getProperty(PROPERTY);
        if (chosen == null) {
            chosen = Integer.toString(freePort());
            System.setProperty(PROPERTY, chosen);
        }
        return Integer.parseInt(chosen);
    }

    /** The bridge's base URL as browsers reach it in tests; {@code localhost}, as Plasmic's redirect rule wants. */
    public static String bridgeUrl() {
        return "http://localhost:" + bridgePort();
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
