package dev.fedpilot.sandbox;

import dev.fedpilot.port.AccessCenter;

import java.time.Clock;

/**
 * The sandbox's access side (AWS Organizations and IAM Identity Center permission sets and assignments), built
 * once per world on first use: the port, the state behind it for demos and tests, and the rates it enforces.
 */
public final class SandboxAccess {
    public static final int DEFAULT_SSO_ADMIN_RATE = 20;
    /** Organizations allows far fewer calls a second than sso-admin. */
    public static final int DEFAULT_ORGANIZATIONS_RATE = 5;

    private final SandboxOrganization organization;
    private final SandboxRateLimit ssoAdmin;
    private final SandboxRateLimit organizations;
    private final SandboxAccessCenter port;

    SandboxAccess(SandboxWorld world, Clock clock) {
        this.organization = new SandboxOrganization(clock);
        world.locked(() -> SandboxOrganizationSeed.fill(organization, world.identityStore(), world.options().scale(),
                world.options().seed()));
        this.ssoAdmin = new SandboxRateLimit(clock, "AWS IAM Identity Center", DEFAULT_SSO_ADMIN_RATE);
        this.organizations = new SandboxRateLimit(clock, "AWS Organizations", DEFAULT_ORGANIZATIONS_RATE);
        this.port = new SandboxAccessCenter(organization, ssoAdmin, organizations,
                new CallGate("AWS IAM Identity Center", "ThrottlingException: Rate exceeded.", world.options()),
                () -> IdentityStore.INSTANCE);
    }

    public AccessCenter accessCenter() {
        return port;
    }

    public SandboxOrganization organization() {
        return organization;
    }

    /** The sso-admin rate limit in requests per second (AWS: 20). */
    public void setSsoAdminRate(int perSecond) {
        ssoAdmin.setPerSecond(perSecond);
    }

    public void setOrganizationsRate(int perSecond) {
        organizations.setPerSecond(perSecond);
    }

    /** Requests sso-admin answered (pages included), for benchmarks. */
    public long ssoAdminRequests() {
        return ssoAdmin.requests();
    }

    public long ssoAdminThrottled() {
        return ssoAdmin.refused();
    }

    public long organizationsRequests() {
        return organizations.requests();
    }
}
