package dev.fedpilot.sandbox;

/** How big the sandbox's identity store is: a demo-sized one, or one for the directory browser benchmark. */
public enum SandboxScale {
    /** A few local users and groups before provisioning; the Entra tenant has about 250 users. */
    DEMO,
    /** 100,000 users, 20,000 groups and 500,000 memberships in the identity store. */
    LARGE
}
