package org.plasmicauthbridge.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.plasmicauthbridge.error.ErrorCode;

/**
 * Keeps the hand-written {@code openapi.yaml} at the repository root in step with the document the
 * running service generates at {@code /q/openapi}: the same paths, operations and response statuses.
 */
@QuarkusTest
@TestProfile(OpenApiContractTest.MinimalConfig.class)
class OpenApiContractTest {

    private static final Path CONTRACT = Path.of("openapi.yaml");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    /**
     * Minimal configuration that starts the service: one app with a random secret, no issuers, and
     * a Plasmic host that nothing here calls, so the test needs neither the emulator nor a network.
     */
    public static class MinimalConfig implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "bridge.apps.main.secret", "test-" + UUID.randomUUID(),
                    "bridge.plasmic.host", "http://127.0.0.1:9");
        }
    }

    @Test
    void operationsAndStatusesMatch() throws IOException {
        List<String> differences = differences(contract().path("paths"), generated().path("paths"));

        assertThat(differences)
                .withFailMessage("openapi.yaml and /q/openapi disagree:%n  %s", String.join("\n  ", differences))
                .isEmpty();
    }

    @Test
    void openApiVersionMatches() throws IOException {
        assertThat(contract().path("openapi").asText()).isEqualTo(generated().path("openapi").asText());
    }

    @Test
    void errorCodeEnumIsComplete() throws IOException {
        Set<String> documented = new TreeSet<>();
        contract().path("components").path("schemas").path("ErrorCode").path("enum")
                .forEach(code -> documented.add(code.asText()));
        Set<String> defined = Arrays.stream(ErrorCode.values()).map(ErrorCode::code)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(documented).isEqualTo(defined);
    }

    private static JsonNode contract() throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(Files.readString(CONTRACT));
    }

    private static JsonNode generated() throws IOException {
        String json = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        return new ObjectMapper().readTree(json);
    }

    /** Lists what only one document has, at the highest level where they differ. */
    private static List<String> differences(JsonNode written, JsonNode generated) {
        List<String> found = new ArrayList<>();
        Set<String> paths = compare(names(written), names(generated), path -> "path " + path, found);
        for (String path : paths) {
            Set<String> methods = compare(operations(written.get(path)), operations(generated.get(path)),
                    method -> "operation " + operation(method, path), found);
            for (String method : methods) {
                compare(names(written.get(path).get(method).path("responses")),
                        names(generated.get(path).get(method).path("responses")),
                        status -> "status " + status + " of " + operation(method, path), found);
            }
        }
        return found;
    }

    /** Records each name that only one side has, and returns the names that both sides have. */
    private static Set<String> compare(Set<String> written, Set<String> generated, Function<String, String> label,
            List<String> found) {
        for (String name : written) {
            if (!generated.contains(name)) {
                found.add(label.apply(name) + " is only in openapi.yaml");
            }
        }
        for (String name : generated) {
            if (!written.contains(name)) {
                found.add(label.apply(name) + " is only in /q/openapi");
            }
        }
        Set<String> common = new TreeSet<>(written);
        common.retainAll(generated);
        return common;
    }

    private static String operation(String method, String path) {
        return method.toUpperCase(Locale.ROOT) + " " + path;
    }

    private static Set<String> operations(JsonNode pathItem) {
        Set<String> methods = names(pathItem);
        methods.retainAll(METHODS);
        return methods;
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
