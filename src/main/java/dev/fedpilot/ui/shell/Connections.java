package dev.fedpilot.ui.shell;

import java.util.List;

/**
 * Sign-in and sign-out for the two clouds, as the connection bar needs them. Calls that talk to a cloud block
 * (a browser sign-in can take minutes): the shell runs them through the TaskRunner.
 */
public interface Connections {

    /** Interactive Entra sign-in in the system browser; returns what the bar shows, e.g. "contoso.com (admin@…)". */
    String signInEntra() throws Exception;

    /**
     * Like {@link #signInEntra()}, but when no browser can be opened the sign-in URL and a device code go to
     * {@code prompt} (on the calling thread), for the window to show instead of waiting silently.
     */
    default String signInEntra(java.util.function.Consumer<String> prompt) throws Exception {
        return signInEntra();
    }

    void signOutEntra();

    /** The AWS profiles to offer (from ~/.aws/config and credentials, plus the environment). */
    List<String> awsProfiles();

    /** Signs in with an AWS profile; returns what the bar shows, e.g. "eu-west-1 · d-93… (role)". */
    String signInAws(String profile) throws Exception;

    void signOutAws();

    /**
     * IAM Identity Center sign-in (PKCE in the system browser, token cached as the AWS CLI does); returns the
     * accounts the user may use, each as "ACCOUNT_ID  name".
     */
    List<String> signInIdentityCenter(String startUrl, String region) throws Exception;

    /** The roles the user has in an account returned by {@link #signInIdentityCenter}. */
    List<String> identityCenterRoles(String account) throws Exception;

    /** Uses a role of the Identity Center session; returns what the bar shows. */
    String useIdentityCenterRole(String account, String role) throws Exception;

    /** True once both clouds are signed in, so the features can open on them. */
    boolean ready();
}
