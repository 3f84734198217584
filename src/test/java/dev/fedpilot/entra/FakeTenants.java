package dev.fedpilot.entra;

import dev.fedpilot.entra.fake.GraphFake;

import java.time.Clock;

/** Connects the real adapter to the Graph fake. */
final class FakeTenants {
    private FakeTenants() {
    }

    static GraphEntraTenant connect(GraphFake fake) {
        return connect(fake, GraphFake.ACCESS_TOKEN, RetryPolicy.DEFAULT);
    }

    static GraphEntraTenant connect(GraphFake fake, String accessToken, RetryPolicy retry) {
        return new GraphEntraTenant(GraphClientFactory.forFixedToken(fake.graphBaseUrl(), accessToken, retry),
                new GraphEntraTenant.Settings(fake.loginBase(), Clock.systemUTC()));
    }
}
