package org.plasmicauthbridge.identity;

import java.util.Optional;

/** E-mail normalisation as Plasmic compares addresses: exactly, after the bridge normalised them once. */
public final class EmailAddresses {

    private EmailAddresses() {
    }

    /**
     * Trims the address and lower-cases the ASCII letters A-Z only. Every other character stays, so a
     * look-alike such as the Kelvin sign (U+212A) never folds onto an ASCII address, as a full Unicode
     * lower-casing would do. Returns empty unless the result has exactly one {@code @} with non-empty
     * local and domain parts.
     */
    public static Optional<String> normalise(String address) {
        String result = lowerAscii(address.strip());
        int at = result.indexOf('@');
        if (at <= 0 || at != result.lastIndexOf('@') || at == result.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(result);
    }

    /** Lower-cases the ASCII letters A-Z and keeps every other character as it is. */
    public static String lowerAscii(String text) {
        StringBuilder lowered = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            lowered.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return lowered.toString();
    }

    /** Returns the part after the single {@code @} of a normalised address. */
    public static String domain(String normalisedAddress) {
        return normalisedAddress.substring(normalisedAddress.indexOf('@') + 1);
    }
}
