/**
 * AWS sign-in: the user's existing credentials ({@link dev.fedpilot.aws.signin.AwsProfile}s of ~/.aws/config,
 * ~/.aws/credentials and the AWS_* environment) and "Sign in with IAM Identity Center", behind
 * {@link dev.fedpilot.aws.signin.AwsSignIn}.
 *
 * <p>Compatibility with the AWS CLI v2 ({@code aws sso login}): the same OIDC calls and parameters
 * (RegisterClient with grant types authorization_code + refresh_token, issuerUrl = start URL and the redirect URI
 * {@code http://127.0.0.1/oauth/callback} without a port, then /authorize with {@code scopes},
 * {@code code_challenge_method=S256} and the port-specific redirect URI), the same token cache file
 * ({@code ~/.aws/sso/cache/<sha1 of the sso-session name or legacy start URL>.json}, times as
 * {@code yyyy-MM-ddTHH:mm:ssZ}) and the same {@code [sso-session]} sections. Client registrations are
 * cached as the CLI caches its own (separate files of the same directory, 600) and reused until an hour before
 * they expire; FedPilot's are keyed by its own tool name, flow, start URL, region, scopes and session.
 *
 * <p>Role credentials of IAM Identity Center profiles come from {@link dev.fedpilot.aws.signin.SsoTokens} and
 * the SDK's {@code SsoCredentialsProvider}, not from the SDK's profile provider: that one fixes the cache
 * directory and the portal endpoint, and keeps the access token it read first, so a refreshed sign-in would be
 * missed. Other profile kinds (static keys, assume role, process, web identity) go to the SDK's
 * {@code ProfileCredentialsProvider} over the same files.
 *
 * <p>Secrets (access, refresh and role tokens, client secrets, codes) are {@link dev.fedpilot.domain.Secret}s or
 * short-lived strings handed to the SDK; log lines and {@link dev.fedpilot.domain.CloudException}s name the step
 * and AWS's error code only, and AWS's free text is dropped from exception causes.
 */
package dev.fedpilot.aws.signin;
