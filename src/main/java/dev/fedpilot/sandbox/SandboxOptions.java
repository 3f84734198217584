package dev.fedpilot.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * How the sandbox behaves.
 *
 * @param latency              sleep per port call, and again per further page of a listing (each page is a request)
 * @param throttleEveryNthCall 0 = off; otherwise every Nth call to a port (counted per port; a whole listing is
 *                             one call) throws {@code CloudException.throttled} with a retryAfter
 * @param consistencyDelay     how long a freshly instantiated app stays unreadable
 * @param provisioningInterval the time between provisioning cycles of {@link SandboxWorld#startScheduler()}
 * @param seed                 makes the tenant, ids and tokens deterministic
 */
public record SandboxOptions(Duration latency, int throttleEveryNthCall, Duration consistencyDelay,
                             Duration provisioningInterval, long seed, SandboxScale scale) {

    public SandboxOptions {
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(consistencyDelay, "consistencyDelay");
        Objects.requireNonNull(provisioningInterval, "provisioningInterval");
        Objects.requireNonNull(scale, "scale");
        if (latency.isNegative() || consistencyDelay.isNegative()) {
            throw new IllegalArgumentException("latency and consistencyDelay must not be negative");
        }
        if (throttleEveryNthCall < 0) {
            throw new IllegalArgumentException("throttleEveryNthCall must be 0 (off) or positive");
        }
        if (provisioningInterval.isNegative() || provisioningInterval.isZero()) {
            throw new IllegalArgumentException("provisioningInterval must be positive");
        }
    }

    public static SandboxOptions defaults() {
        return new SandboxOptions(Duration.ZERO, 0, Duration.ofSeconds(5), Duration.ofMinutes(2), 42L,
                SandboxScale.DEMO);
    }

    public SandboxOptions withLatency(Duration value) {
        return new SandboxOptions(value, throttleEveryNthCall, consistencyDelay, provisioningInterval, seed, scale);
    }

    public SandboxOptions withThrottleEveryNthCall(int value) {
        return new SandboxOptions(latency, value, consistencyDelay, provisioningInterval, seed, scale);
    }

    public SandboxOptions withConsistencyDelay(Duration value) {
        return new SandboxOptions(latency, throttleEveryNthCall, value, provisioningInterval, seed, scale);
    }

    public SandboxOptions withProvisioningInterval(Duration value) {
        return new SandboxOptions(latency, throttleEveryNthCall, consistencyDelay, value, seed, scale);
    }

    public SandboxOptions withSeed(long value) {
        return new SandboxOptions(latency, throttleEveryNthCall, consistencyDelay, provisioningInterval, value, scale);
    }

    public SandboxOptions withScale(SandboxScale value) {
        return new SandboxOptions(latency, throttleEveryNthCall, consistencyDelay, provisioningInterval, seed, value);
    }
}
