package dev.fedpilot.domain;

/**
 * A group as either directory knows it.
 *
 * @param externalId on AWS, the source object's id when SCIM manages the group; null for groups made in AWS
 */
public record DirectoryGroup(String id, String displayName, String description, String externalId) {

    /** True when a provisioning cycle owns this group, so manual edits may be undone by the next cycle. */
    public boolean scimManaged() {
        return externalId != null && !externalId.isBlank();
    }
}
