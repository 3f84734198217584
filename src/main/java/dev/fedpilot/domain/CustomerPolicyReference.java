package dev.fedpilot.domain;

import java.util.Objects;

/** A customer managed policy a permission set refers to by name; it must exist in every account it is provisioned to. */
public record CustomerPolicyReference(String name, String path) {
    public CustomerPolicyReference {
        Objects.requireNonNull(name, "name");
        path = path == null || path.isBlank() ? "/" : path;
    }

    @Override
    public String toString() {
        return path + name;
    }
}
