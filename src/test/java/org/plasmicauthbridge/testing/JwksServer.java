package org.plasmicauthbridge.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on 127.0.0.1 and a free port that publishes JWKS documents at
 * {@code /jwks/<name>.json}; tests replace documents to rotate keys and read how often each was fetched.
 */
public final class JwksServer {

    private final HttpServer server;
    private final Map<String, String> documents = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> fetches = new ConcurrentHashMap<>();

    public JwksServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/jwks/", this::serve);
    }

    public JwksServer start() {
        server.start();
        return this;
    }

    public void stop() {
        server.stop(0);
    }

    public String url(String name) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks/" + name + ".json";
    }

    /** Publishes a JWKS document made of the given JWK JSON objects. */
    public void publish(String name, String... jwks) {
        documents.put(name, "{\"keys\":[" + String.join(",", jwks) + "]}");
    }

    public void publishRaw(String name, String document) {
        documents.put(name, document);
    }

    public int fetches(String name) {
        return fetches.computeIfAbsent(name, n -> new AtomicInteger()).get();
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String name = path.substring("/jwks/".length()).replace(".json", "");
        fetches.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
        String document = documents.get(name);
        byte[] body = (document == null ? "{\"error\":\"not found\"}" : document).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(document == null ? 404 : 200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
