package dev.fedpilot.domain;

/**
 * One way a user can reach an account: the permission set, and the path that grants it. Granted, not effective:
 * SCPs and permissions boundaries are not evaluated.
 *
 * @param groupId      the IdC group the grant comes through; null for a direct user assignment
 * @param entraGroupId the Entra group the IdC group is provisioned from (its ExternalId); null when none
 */
public record AccessGrant(String userId, String userName, String accountId, String permissionSetArn,
                          String groupId, String groupName, String entraGroupId) {

    public boolean direct() {
        return groupId == null;
    }
}
