package org.plasmicauthbridge.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReturnToTest {

    private static final List<String> ALLOWED = List.of("https://app.example", "http://localhost:3000");

    @ParameterizedTest
    @ValueSource(strings = {"/", "/dashboard", "/a/b?x=1#top", "https://app.example/after", "https://app.example:443/x",
        "HTTPS://APP.EXAMPLE/x", "http://localhost:3000/cb"})
    void acceptsRelativePathsAndAllowedOrigins(String target) {
        assertThat(ReturnTo.check(target, ALLOWED)).contains(target);
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example", "/\\evil.example", "\\\\evil.example", "/%09/evil.example",
        "/%2F/evil.example", "/%2f%2fevil.example", "%2F%2Fevil.example", "https://app.example@evil.example",
        "https://app.example.evil.example", "https://evil.example/https://app.example", "javascript:alert(1)",
        "JavaScript:alert(1)", "data:text/html,x", "http://app.example/x", "https://app.example:8443/x",
        "http://localhost:3001/", "/ /evil.example", "/\t/evil.example", "https:evil.example", "evil.example",
        "/%5Cevil.example", "/\u3000/evil.example", "https://app.example%40evil.example", ""})
    void rejectsEverythingElse(String target) {
        assertThat(ReturnTo.check(target, ALLOWED)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://app.example", "https://app.example/", "http://localhost:3000"})
    void originsAreRecognised(String origin) {
        assertThat(ReturnTo.isOrigin(origin)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://app.example/path", "app.example", "https://user@app.example", "https://app.example?x"})
    void nonOriginsAreRejected(String text) {
        assertThat(ReturnTo.isOrigin(text)).isFalse();
    }
}
