package dev.fedpilot.domain;

/** An IAM Identity Center instance: its ARN, identity store (d-xxxxxxxxxx) and region. */
public record IdcInstance(String instanceArn, String identityStoreId, String region, String name) {
}
