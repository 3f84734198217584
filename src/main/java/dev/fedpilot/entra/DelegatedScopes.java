package dev.fedpilot.entra;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The delegated scopes the Graph client asks tokens for. They grow as features are first used (incremental
 * consent): the first group-member change adds GroupMember.ReadWrite.All, the first provisioning-log read adds
 * AuditLog.Read.All and Directory.Read.All, and the next token request asks Entra for them (consent prompt).
 * A client that can only ask for its preset scopes (the Azure CLI) keeps asking {@link GraphScopes#DEFAULT}.
 */
public final class DelegatedScopes {
    private final Set<String> scopes = new LinkedHashSet<>();
    private final boolean presetOnly;

    private DelegatedScopes(Collection<String> initial, boolean presetOnly) {
        initial.forEach(s -> scopes.add(GraphScopes.full(s)));
        this.presetOnly = presetOnly;
    }

    /** Starts with {@code initial} (e.g. {@link GraphScopes#DELEGATED}) and grows on demand. */
    public static DelegatedScopes incremental(Collection<String> initial) {
        return new DelegatedScopes(initial, false);
    }

    /** Always the client's preset scopes ({@code .default}): what the Azure CLI's login can give. */
    public static DelegatedScopes presetOnly() {
        return new DelegatedScopes(List.of(GraphScopes.DEFAULT), true);
    }

    /** Adds the scopes an operation needs (short names); true when one was not asked for before. */
    synchronized boolean require(Collection<String> needed) {
        if (presetOnly) {
            return false;
        }
        boolean added = false;
        for (String scope : needed) {
            added |= scopes.add(GraphScopes.full(scope));
        }
        return added;
    }

    public synchronized List<String> current() {
        return List.copyOf(scopes);
    }

    /** The scopes named after another cloud's Graph resource (e.g. https://graph.microsoft.us/User.Read). */
    public synchronized List<String> current(String graphResource) {
        if (graphResource == null || graphResource.equals(GraphScopes.PREFIX)) {
            return List.copyOf(scopes);
        }
        return scopes.stream().map(s -> graphResource + GraphScopes.shortName(s)).toList();
    }

    public boolean presetOnlyClient() {
        return presetOnly;
    }
}
