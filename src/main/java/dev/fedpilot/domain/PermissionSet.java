package dev.fedpilot.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * An IAM Identity Center permission set: what a user may do in an account the set is assigned for.
 *
 * @param sessionDuration  how long a sign-in lasts (ISO-8601 in AWS, e.g. PT8H); null when AWS reports none
 * @param inlinePolicy     the inline policy JSON; empty when there is none
 * @param boundary         the permissions boundary; null when there is none (or the endpoint could not say)
 */
public record PermissionSet(String arn, String name, String description, Duration sessionDuration,
                            String relayState, List<String> managedPolicyArns,
                            List<CustomerPolicyReference> customerManagedPolicies, String inlinePolicy,
                            PermissionsBoundary boundary) {

    public PermissionSet {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        relayState = relayState == null ? "" : relayState;
        managedPolicyArns = managedPolicyArns == null ? List.of() : List.copyOf(managedPolicyArns);
        customerManagedPolicies = customerManagedPolicies == null ? List.of() : List.copyOf(customerManagedPolicies);
        inlinePolicy = inlinePolicy == null ? "" : inlinePolicy;
    }

    /** A name-only permission set, for listings that do not need the policies. */
    public static PermissionSet named(String arn, String name) {
        return new PermissionSet(arn, name, "", null, "", List.of(), List.of(), "", null);
    }

    /**
     * A short digest of everything that decides what the set allows (policies, boundary, session duration,
     * relay state), so two snapshots can tell "changed" from "the same" without storing every policy twice.
     */
    public String fingerprint() {
        String canonical = String.join("\n", name, String.valueOf(sessionDuration), relayState,
                String.join(",", managedPolicyArns.stream().sorted().toList()),
                String.join(",", customerManagedPolicies.stream().map(Object::toString).sorted().toList()),
                inlinePolicy, String.valueOf(boundary));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
