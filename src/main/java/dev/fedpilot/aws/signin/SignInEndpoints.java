package dev.fedpilot.aws.signin;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the sign-in talks to: the real AWS endpoints (all empty), or local stand-ins in tests.
 *
 * @param oidc   IAM Identity Center OIDC ({@code https://oidc.REGION.amazonaws.com}); also the base of /authorize
 * @param portal the AWS access portal API ({@code https://portal.sso.REGION.amazonaws.com})
 * @param sts    STS, for "who is signed in"
 */
public record SignInEndpoints(Optional<URI> oidc, Optional<URI> portal, Optional<URI> sts) {

    public SignInEndpoints {
        Objects.requireNonNull(oidc);
        Objects.requireNonNull(portal);
        Objects.requireNonNull(sts);
    }

    public static SignInEndpoints aws() {
        return new SignInEndpoints(Optional.empty(), Optional.empty(), Optional.empty());
    }
}
