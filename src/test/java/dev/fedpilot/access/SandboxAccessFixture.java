package dev.fedpilot.access;

import dev.fedpilot.domain.AccessMap;
import dev.fedpilot.domain.DirectoryGroup;
import dev.fedpilot.domain.DirectoryUser;
import dev.fedpilot.domain.IdcInstance;
import dev.fedpilot.port.AccessCenter;
import dev.fedpilot.port.IdentityCenter;
import dev.fedpilot.sandbox.SandboxAccess;
import dev.fedpilot.sandbox.SandboxOptions;
import dev.fedpilot.sandbox.SandboxWorld;
import dev.fedpilot.testing.TestClock;

import java.time.Instant;

/** The demo sandbox organization on a hand-moved clock: waits (pacing, polling) move the clock instead of sleeping. */
final class SandboxAccessFixture {
    final TestClock clock = new TestClock(Instant.parse("2026-12-01T09:00:00Z"));
    final SandboxWorld world = new SandboxWorld(SandboxOptions.defaults(), clock,
            (dev.fedpilot.port.Sleeper) clock::advance);
    final SandboxAccess sandbox = world.access();
    final AccessCenter access = sandbox.accessCenter();
    final IdentityCenter identity = world.identityCenter();
    final IdcInstance instance = identity.instances().get(0);
    final AccessCalls calls = new AccessCalls(clock, clock::advance, AccessCalls.DEFAULT_RATE_PER_SECOND);
    final AccessWriter writer = new AccessWriter(access, calls);

    AccessMap load() {
        return new AccessLoader(access, identity, calls, 4).load(instance, a -> { });
    }

    String permissionSet(String name) {
        return new PrincipalLookup(identity, access, calls).permissionSet(instance, name).arn();
    }

    String group(String name) {
        return identity.findGroupByName(instance, name).map(DirectoryGroup::id).orElseThrow();
    }

    String user(String name) {
        return identity.findUserByName(instance, name).map(DirectoryUser::id).orElseThrow();
    }
}
