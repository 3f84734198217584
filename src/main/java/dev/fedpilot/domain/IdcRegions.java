package dev.fedpilot.domain;

import java.util.List;

/** Where IAM Identity Center can live. */
public final class IdcRegions {

    /**
     * The regions where IAM Identity Center can be enabled (AWS documentation, "IAM Identity Center Region
     * availability"), offered when no instance is found in the region the sign-in used.
     */
    public static final List<String> ALL = List.of(
            "us-east-1", "us-east-2", "us-west-1", "us-west-2", "af-south-1", "ap-east-1", "ap-south-1",
            "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-northeast-1",
            "ap-northeast-2", "ap-northeast-3", "ca-central-1", "ca-west-1", "eu-central-1", "eu-central-2",
            "eu-west-1", "eu-west-2", "eu-west-3", "eu-south-1", "eu-south-2", "eu-north-1", "il-central-1",
            "me-south-1", "me-central-1", "sa-east-1", "us-gov-east-1", "us-gov-west-1");

    private IdcRegions() {
    }
}
