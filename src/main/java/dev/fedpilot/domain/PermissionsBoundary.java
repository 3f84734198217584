package dev.fedpilot.domain;

/** A permission set's permissions boundary: an AWS managed policy ARN or a customer managed policy reference. */
public record PermissionsBoundary(String managedPolicyArn, CustomerPolicyReference customerManaged) {

    public static PermissionsBoundary managed(String arn) {
        return new PermissionsBoundary(arn, null);
    }

    public static PermissionsBoundary customer(CustomerPolicyReference reference) {
        return new PermissionsBoundary(null, reference);
    }

    @Override
    public String toString() {
        return managedPolicyArn != null ? managedPolicyArn : String.valueOf(customerManaged);
    }
}
