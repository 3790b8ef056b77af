package org.plasmicauthbridge.identity;

import java.util.List;
import java.util.Map;
import org.plasmicauthbridge.config.BridgeConfig.IdentityKind;
import org.plasmicauthbridge.config.BridgeConfig.IdentityMapping;
import org.plasmicauthbridge.error.BridgeException;
import org.plasmicauthbridge.error.ErrorCode;

/**
 * Turns verified claims into a Plasmic identity and role. Assertion exchange and browser login share
 * this one mapping, so that the same user gets the same Plasmic identity whichever way they sign in.
 */
public final class IdentityMapper {

    /** Maximum identifier length; longer values are rejected, never truncated. */
    public static final int MAX_IDENTIFIER_LENGTH = 256;

    private IdentityMapper() {
    }

    /** Maps the claims, or throws a {@link BridgeException} whose detail names the claim, never its value. */
    public static Identity map(IdentityMapping rules, Map<String, Object> claims) {
        String role = role(rules, claims);
        if (rules.identity() == IdentityKind.EXTERNAL_ID) {
            return new Identity(IdentityKind.EXTERNAL_ID, externalId(rules, claims), role);
        }
        return new Identity(IdentityKind.EMAIL, email(rules, claims), role);
    }

    private static String externalId(IdentityMapping rules, Map<String, Object> claims) {
        Object value = Claims.find(claims, rules.externalIdClaim());
        if (!(value instanceof String id) || id.isEmpty()) {
            throw new BridgeException(ErrorCode.IDENTITY_MISSING,
                    "The claim " + rules.externalIdClaim() + " is missing or not a string");
        }
        if (!isSafeIdentifier(id)) {
            throw new BridgeException(ErrorCode.IDENTITY_INVALID, "The claim " + rules.externalIdClaim()
                    + " is longer than " + MAX_IDENTIFIER_LENGTH + " characters or contains control characters");
        }
        return id;
    }

    private static String email(IdentityMapping rules, Map<String, Object> claims) {
        Object value = Claims.find(claims, rules.emailClaim());
        if (!(value instanceof String address) || address.isBlank()) {
            throw new BridgeException(ErrorCode.IDENTITY_MISSING,
                    "The claim " + rules.emailClaim() + " is missing or not a string");
        }
        // Only the JSON value true counts: a missing claim, false, "true" or "false" do not.
        if (rules.requireEmailVerified() && !Boolean.TRUE.equals(claims.get("email_verified"))) {
            throw new BridgeException(ErrorCode.EMAIL_NOT_VERIFIED, "The e-mail address is not verified");
        }
        if (!isSafeIdentifier(address)) {
            throw new BridgeException(ErrorCode.EMAIL_INVALID, "The e-mail address is longer than "
                    + MAX_IDENTIFIER_LENGTH + " characters or contains control characters");
        }
        String normalised = EmailAddresses.normalise(address).orElseThrow(() -> new BridgeException(
                ErrorCode.EMAIL_INVALID, "The e-mail address must have exactly one @ between non-empty parts"));
        List<String> domains = rules.allowedEmailDomains().orElse(List.of());
        String domain = EmailAddresses.domain(normalised);
        if (!domains.isEmpty() && domains.stream().map(allowed -> EmailAddresses.lowerAscii(allowed.strip()))
                .noneMatch(domain::equals)) {
            throw new BridgeException(ErrorCode.DOMAIN_NOT_ALLOWED, "The e-mail domain is not allowed");
        }
        return normalised;
    }

    private static String role(IdentityMapping rules, Map<String, Object> claims) {
        Map<String, String> mapping = rules.roles().mapping();
        if (rules.roles().claim().isPresent() && !mapping.isEmpty()) {
            for (String value : Claims.strings(Claims.find(claims, rules.roles().claim().get()))) {
                String role = mapping.get(value);
                if (role != null) {
                    return role;
                }
            }
        }
        return rules.roles().defaultRole().orElse(null);
    }

    /** Returns whether the identifier fits the length limit and has no control characters. */
    public static boolean isSafeIdentifier(String value) {
        if (value.length() > MAX_IDENTIFIER_LENGTH) {
            return false;
        }
        return value.chars().noneMatch(Character::isISOControl);
    }
}
