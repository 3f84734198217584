package dev.fedpilot.sandbox;

import dev.fedpilot.domain.ScimCheck;
import dev.fedpilot.domain.ScimCheck.Outcome;
import dev.fedpilot.domain.ScimEndpoint;
import dev.fedpilot.domain.Secret;
import dev.fedpilot.port.ScimProbe;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Probes the sandbox SCIM endpoint as {@code GET /ServiceProviderConfig} would: the outcome depends on the
 * host, the path and the token. Messages never contain the token.
 */
final class SandboxScimProbe implements ScimProbe {
    private static final String COPY_AGAIN = "Copy the SCIM endpoint again from the AWS console (Settings → "
            + "Automatic provisioning).";

    private final SandboxWorld world;
    private final CallGate gate;

    SandboxScimProbe(SandboxWorld world, CallGate gate) {
        this.world = world;
        this.gate = gate;
    }

    @Override
    public ScimCheck check(ScimEndpoint endpoint, Secret token) {
        gate.enter("GET /ServiceProviderConfig");
        SandboxAwsConsole console = world.console();
        URI expected = console.scimEndpoint().baseAddress();
        URI given = endpoint.baseAddress();
        String host = given.getHost() == null ? "" : given.getHost().toLowerCase(Locale.ROOT);
        if (!host.equals(expected.getHost())) {
            if (endpoint.looksLikeAws()) {
                return new ScimCheck(Outcome.NOT_FOUND, "The SCIM endpoint answered 404 Not Found: your IAM "
                        + "Identity Center instance is in " + console.instance().region() + ", not "
                        + endpoint.awsRegion().orElse(host) + ".", COPY_AGAIN);
            }
            return new ScimCheck(Outcome.DNS_FAILURE, "The host " + host + " cannot be found (DNS lookup failed).",
                    "Check the address for typos. " + COPY_AGAIN);
        }
        if (!"https".equalsIgnoreCase(given.getScheme())) {
            return new ScimCheck(Outcome.UNREACHABLE, "AWS answers SCIM requests only over https.",
                    "Use the https address from the AWS console.");
        }
        byte[] digest = SandboxAwsConsole.digest(token);
        return world.locked(() -> {
            if (!console.isScimEndpoint(given)) {
                return new ScimCheck(Outcome.NOT_FOUND, "The SCIM endpoint answered 404 Not Found: the path "
                        + given.getPath() + " is not your instance's SCIM endpoint.", COPY_AGAIN);
            }
            if (!console.accepts(endpoint, digest, world.now())) {
                return new ScimCheck(Outcome.UNAUTHORIZED, "The SCIM endpoint answered 401 Unauthorized: the access "
                        + "token is wrong, expired or was deleted in AWS.", "Generate a new access token in the AWS "
                        + "console (Settings → Automatic provisioning → Manage access tokens) and paste it.");
            }
            LocalDate expires = console.tokenFor(digest).orElseThrow().expiresAt().atZone(ZoneOffset.UTC).toLocalDate();
            return new ScimCheck(Outcome.OK, "AWS accepted the endpoint and the access token; the token expires on "
                    + expires + ".", "");
        });
    }
}
