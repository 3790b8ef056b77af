package org.plasmicauthbridge.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Jane@Example.COM|jane@example.com",
        "'  jane@example.com\t'|jane@example.com",
        "JANE.DOE+TAG@EXAMPLE.ORG|jane.doe+tag@example.org",
        "\u212Aate@example.com|\u212Aate@example.com",
        "\u00C9mile@Example.com|\u00C9mile@example.com",
    })
    void normalisesAsciiLettersOnly(String input, String expected) {
        assertThat(EmailAddresses.normalise(input)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jane", "@example.com", "jane@", "jane@evil@example.com", "a@b@c", "   "})
    void rejectsAddressWithoutSingleAt(String input) {
        assertThat(EmailAddresses.normalise(input)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"jane@example.com,example.com", "x@sub.example.org,sub.example.org"})
    void domainIsPartAfterAt(String address, String domain) {
        assertThat(EmailAddresses.domain(address)).isEqualTo(domain);
    }
}
