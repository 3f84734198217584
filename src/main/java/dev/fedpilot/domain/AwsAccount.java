package dev.fedpilot.domain;

import java.util.Objects;

/**
 * An AWS account as AWS Organizations lists it.
 *
 * @param name     the account's name; equal to the id when only sso-admin could be read
 * @param parentId the OU or root the account sits in; null when the organization could not be read
 */
public record AwsAccount(String id, String name, String parentId) {
    public AwsAccount {
        Objects.requireNonNull(id, "id");
        name = name == null || name.isBlank() ? id : name;
    }
}
