package dev.fedpilot.domain;

/**
 * An IAM Identity Center instance: its ARN, identity store (d-xxxxxxxxxx) and region, the account that owns it
 * and its status ({@code ACTIVE}, {@code CREATE_IN_PROGRESS}, {@code DELETE_IN_PROGRESS}, ...).
 *
 * @param ownerAccountId the owning AWS account, null when unknown (a setup saved before FedPilot recorded it)
 * @param status         AWS's InstanceStatus; null when unknown
 */
public record IdcInstance(String instanceArn, String identityStoreId, String region, String name,
                          String ownerAccountId, String status) {

    public static final String ACTIVE = "ACTIVE";

    /** An instance whose owner is not known and that is in use (the sandbox's, or one of an older saved setup). */
    public IdcInstance(String instanceArn, String identityStoreId, String region, String name) {
        this(instanceArn, identityStoreId, region, name, null, ACTIVE);
    }

    /** Unknown status counts as active: older saved setups did not record it, and AWS only lists usable ones. */
    public boolean active() {
        return status == null || ACTIVE.equals(status);
    }

    public IdcInstance inRegion(String value) {
        return new IdcInstance(instanceArn, identityStoreId, value, name, ownerAccountId, status);
    }
}
