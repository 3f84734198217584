package dev.fedpilot.domain;

import java.util.Objects;

/** An organizational unit (or the root, whose parentId is null) of AWS Organizations. */
public record OrganizationalUnit(String id, String name, String parentId) {
    public OrganizationalUnit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }

    public boolean isRoot() {
        return parentId == null;
    }
}
