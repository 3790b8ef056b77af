package org.plasmicauthbridge.emulator;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One Plasmic app as the emulator starts it: the project, its app secret, auth providers, roles,
 * access rules and redirect URIs. Ensure-user calls add further access rules at run time.
 *
 * @param projectId the Plasmic project id: the {@code appId} claim of tokens and the {@code client_id}
 *     of the code flow
 * @param secret the app secret that ensure-user calls must send
 * @param providers the auth providers the app accepts. Plasmic lets an app use only one, but the
 *     emulator accepts both so that one development setup can serve both bridge flows.
 * @param roles every role of the app
 * @param generalAccessRoleId the role every user gets without a rule, if any
 * @param emailRules e-mail address to role id, compared exactly
 * @param domainRules e-mail domain (the text after the first {@code @}) to role id
 * @param externalIdRules external id to role id
 * @param redirectUris redirect URIs registered for the code flow, compared exactly
 * @param hostedDomains Plasmic-hosted domains of the project, which the code flow also accepts
 */
public record EmulatedApp(
        String projectId,
        String secret,
        Set<AuthProvider> providers,
        List<AppRole> roles,
        Optional<String> generalAccessRoleId,
        Map<String, String> emailRules,
        Map<String, String> domainRules,
        Map<String, String> externalIdRules,
        List<String> redirectUris,
        List<String> hostedDomains) {

    public EmulatedApp {
        requireText(projectId, "projectId");
        requireText(secret, "secret");
        providers = Set.copyOf(providers);
        roles = List.copyOf(roles);
        emailRules = Map.copyOf(emailRules);
        domainRules = Map.copyOf(domainRules);
        externalIdRules = Map.copyOf(externalIdRules);
        redirectUris = List.copyOf(redirectUris);
        hostedDomains = List.copyOf(hostedDomains);
        checkRoles(projectId, roles, generalAccessRoleId, emailRules, domainRules, externalIdRules);
    }

    /** Starts an app that accepts custom auth and has Plasmic's three default roles. */
    public static Builder builder(String projectId, String secret) {
        return new Builder(projectId, secret);
    }

    /** Returns the three roles that Plasmic creates when auth is enabled on a project. */
    public static List<AppRole> defaultRoles() {
        return List.of(
                new AppRole(AppRole.ANONYMOUS, "Anonymous", 0),
                new AppRole(AppRole.NORMAL_USER, "Normal User", 1),
                new AppRole(AppRole.ADMIN, "Admin", 2));
    }

    /** Returns the role with this id, if the app has one. */
    public Optional<AppRole> role(String roleId) {
        return roles.stream().filter(role -> role.id().equals(roleId)).findFirst();
    }

    /** Prints the presence of the secret, never its value. */
    @Override
    public String toString() {
        return "EmulatedApp[projectId=" + projectId + ", secret=<set>, providers=" + providers
                + ", generalAccessRoleId=" + generalAccessRoleId.orElse("<none>") + "]";
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("An emulated app needs a non-blank " + name);
        }
    }

    private static void checkRoles(
            String projectId,
            List<AppRole> roles,
            Optional<String> generalAccessRoleId,
            Map<String, String> emailRules,
            Map<String, String> domainRules,
            Map<String, String> externalIdRules) {
        long distinctIds = roles.stream().map(AppRole::id).distinct().count();
        if (distinctIds != roles.size()) {
            throw new IllegalArgumentException("App " + projectId + " has two roles with the same id");
        }
        List<String> referenced = new ArrayList<>();
        generalAccessRoleId.ifPresent(referenced::add);
        referenced.addAll(emailRules.values());
        referenced.addAll(domainRules.values());
        referenced.addAll(externalIdRules.values());
        for (String roleId : referenced) {
            if (roles.stream().noneMatch(role -> role.id().equals(roleId))) {
                throw new IllegalArgumentException(
                        "App " + projectId + " refers to role id '" + roleId + "', which it does not have");
            }
        }
    }

    /** Builds an {@link EmulatedApp}; every setter returns the builder. */
    public static final class Builder {
        private final String projectId;
        private final String secret;
        private final Set<AuthProvider> providers = EnumSet.of(AuthProvider.CUSTOM_AUTH);
        private final List<AppRole> roles = new ArrayList<>(defaultRoles());
        private String generalAccessRoleId;
        private final Map<String, String> emailRules = new LinkedHashMap<>();
        private final Map<String, String> domainRules = new LinkedHashMap<>();
        private final Map<String, String> externalIdRules = new LinkedHashMap<>();
        private final List<String> redirectUris = new ArrayList<>();
        private final List<String> hostedDomains = new ArrayList<>();

        private Builder(String projectId, String secret) {
            this.projectId = projectId;
            this.secret = secret;
        }

        /** Replaces the accepted auth providers (custom auth by default). */
        public Builder providers(AuthProvider first, AuthProvider... rest) {
            providers.clear();
            providers.add(first);
            providers.addAll(List.of(rest));
            return this;
        }

        /** Adds a role beside the three default ones. */
        public Builder role(String id, String name, int order) {
            roles.add(new AppRole(id, name, order));
            return this;
        }

        /** Sets the role every user gets without a rule; null removes it. */
        public Builder generalAccessRole(String roleId) {
            this.generalAccessRoleId = roleId;
            return this;
        }

        public Builder emailRule(String email, String roleId) {
            emailRules.put(Objects.requireNonNull(email), Objects.requireNonNull(roleId));
            return this;
        }

        /** Adds a domain rule; a leading {@code @}, as Plasmic Studio shows domains, is dropped. */
        public Builder domainRule(String domain, String roleId) {
            String bare = domain.startsWith("@") ? domain.substring(1) : domain;
            domainRules.put(bare, Objects.requireNonNull(roleId));
            return this;
        }

        public Builder externalIdRule(String externalId, String roleId) {
            externalIdRules.put(Objects.requireNonNull(externalId), Objects.requireNonNull(roleId));
            return this;
        }

        public Builder redirectUri(String redirectUri) {
            redirectUris.add(Objects.requireNonNull(redirectUri));
            return this;
        }

        /** Adds a Plasmic-hosted domain of the project, such as {@code my-app.plasmic.run}. */
        public Builder hostedDomain(String domain) {
            hostedDomains.add(Objects.requireNonNull(domain));
            return this;
        }

        public EmulatedApp build() {
            return new EmulatedApp(
                    projectId,
                    secret,
                    providers,
                    roles,
                    Optional.ofNullable(generalAccessRoleId),
                    emailRules,
                    domainRules,
                    externalIdRules,
                    redirectUris,
                    hostedDomains);
        }
    }
}
