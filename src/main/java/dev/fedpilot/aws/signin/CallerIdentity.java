package dev.fedpilot.aws.signin;

import java.util.Objects;

/** Who AWS says is signed in (STS GetCallerIdentity). */
public record CallerIdentity(String account, String arn, String userId) {

    public CallerIdentity {
        Objects.requireNonNull(account);
        Objects.requireNonNull(arn);
        userId = userId == null ? "" : userId;
    }

    /** The part after the last slash of an assumed-role ARN (the session name, often the user's email). */
    public String sessionName() {
        int slash = arn.lastIndexOf('/');
        return slash < 0 ? arn : arn.substring(slash + 1);
    }
}
