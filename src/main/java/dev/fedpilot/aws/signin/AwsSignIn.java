package dev.fedpilot.aws.signin;

import dev.fedpilot.port.Sleeper;
import dev.fedpilot.aws.AwsCallPolicy;
import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.CloudException.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * AWS sign-in for the connection bar: the user's existing profiles (and environment credentials), or a new
 * IAM Identity Center sign-in in the browser (authorization code + PKCE, device code as fallback), sharing
 * ~/.aws/config and ~/.aws/sso/cache with the AWS CLI. All methods block: call them through the TaskRunner.
 */
public final class AwsSignIn {

    private static final Logger LOG = LoggerFactory.getLogger(AwsSignIn.class);

    /**
     * @param files          where ~/.aws/config, credentials and the SSO cache are
     * @param environment    the process environment (AWS_ACCESS_KEY_ID, AWS_REGION, ...)
     * @param endpoints      AWS, or local stand-ins in tests
     * @param policy         timeouts and SDK retries
     * @param browserTimeout how long the browser sign-in may take
     * @param sleeper        waits between device code polls
     * @param clock          for token expiry
     */
    public record Settings(AwsFileLocations files, Map<String, String> environment, SignInEndpoints endpoints,
                           AwsCallPolicy policy, Duration browserTimeout, Sleeper sleeper, Clock clock) {

        public Settings {
            Objects.requireNonNull(files);
            environment = Map.copyOf(environment);
            Objects.requireNonNull(endpoints);
            Objects.requireNonNull(policy);
            Objects.requireNonNull(browserTimeout);
            Objects.requireNonNull(sleeper);
            Objects.requireNonNull(clock);
        }

        /** The real AWS and the current user's files; the browser sign-in may take 10 minutes, as in the CLI. */
        public static Settings forCurrentUser() {
            Map<String, String> env = System.getenv();
            return new Settings(AwsFileLocations.of(env, AwsFileLocations.home(env)), env,
                    SignInEndpoints.aws(), AwsCallPolicy.defaults(), Duration.ofMinutes(10), Sleeper.real(),
                    Clock.systemUTC());
        }
    }

    private final Settings settings;
    private final SignInClients clients;
    private final SsoTokens tokens;
    private final AwsProfiles profiles;
    private final OidcSignIn oidc;

    public AwsSignIn(Settings settings, BrowserOpener browser) {
        this.settings = Objects.requireNonNull(settings);
        this.clients = new SignInClients(settings.endpoints(), settings.policy());
        SsoTokenCache cache = new SsoTokenCache(settings.files().ssoCacheDirectory());
        this.tokens = new SsoTokens(cache, clients, settings.clock());
        this.profiles = new AwsProfiles(settings.files(), settings.environment(), tokens::status);
        this.oidc = new OidcSignIn(clients, cache, Objects.requireNonNull(browser), settings.clock(),
                settings.sleeper(), settings.browserTimeout());
    }

    /** Every profile of the config and credentials files, plus the environment credentials when set. */
    public List<AwsProfile> profiles() {
        return profiles.list();
    }

    /** The region as the AWS CLI finds it: the option, AWS_REGION, AWS_DEFAULT_REGION, the profile's region. */
    public Optional<AwsRegions.Found> region(Optional<String> option, Optional<String> profile) {
        return AwsRegions.resolve(option, profile, settings.environment(), profiles::merged);
    }

    /**
     * Credentials as the AWS CLI picks them: the named profile; else AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY;
     * else the profile AWS_PROFILE names (or "default") when it has credentials; else the SDK's default chain
     * (web identity, container and instance credentials). Nothing is called yet: resolving them checks them.
     */
    public AwsCredentialsProvider commandLineCredentials(Optional<String> profileOption) {
        Optional<String> named = profileOption.filter(n -> !n.isBlank()).map(String::trim);
        if (named.isEmpty()) {
            Optional<AwsCredentialsProvider> environment = profiles.environmentProvider();
            if (environment.isPresent()) {
                return environment.get();
            }
        }
        String name = AwsRegions.profileName(named, settings.environment());
        Optional<AwsProfile> profile = profiles().stream()
                .filter(p -> p.kind() != AwsProfile.Kind.ENVIRONMENT && p.name().equals(name)).findFirst();
        boolean explicit = named.isPresent() || !"default".equals(name);
        if (profile.isEmpty() && explicit) {
            throw new CloudException(Problem.UNAUTHENTICATED, "AWS: the profile '" + name + "' is not in "
                    + settings.files().configFile() + " or " + settings.files().credentialsFile() + ".",
                    "Run 'aws configure --profile " + name + "' or 'aws configure sso', or name another profile.");
        }
        if (profile.isPresent() && (profile.get().hasCredentials() || explicit)) {
            return credentials(profile.get());
        }
        return DefaultCredentialsProvider.builder().build();
    }

    /** The {@code [sso-session]} sections of the config file: portals the user signed in to before. */
    public List<SsoSessionConfig> ssoSessions() {
        return profiles.ssoSessions();
    }

    /**
     * Credentials for a profile: environment variables, the AWS SDK's profile provider (static keys, assume role,
     * process, web identity), or IAM Identity Center role credentials from the shared token cache. Nothing is
     * called yet except for SSO profiles; {@link #whoAmI} checks the result.
     */
    public AwsCredentialsProvider credentials(AwsProfile profile) {
        return switch (profile.kind()) {
            case ENVIRONMENT -> profiles.environmentProvider().orElseThrow(() -> new CloudException(
                    Problem.UNAUTHENTICATED, "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set.",
                    "Set both environment variables, or pick a profile."));
            case SSO -> ssoProfileCredentials(profile);
            case NO_CREDENTIALS -> throw new CloudException(Problem.INVALID_INPUT, "Profile '" + profile.name()
                    + "' has no credentials.", "Pick another profile, or sign in with IAM Identity Center.");
            default -> profiles.sdkProvider(profile.name());
        };
    }

    /**
     * The session for a start URL: an {@code [sso-session]} of the config file with that URL when there is one
     * (so the AWS CLI shares the token), else a new session named after the portal.
     */
    public SsoSessionConfig sessionFor(String startUrl, String region) {
        SsoSessionConfig typed = SsoSessionConfig.forStartUrl(startUrl, region);
        return ssoSessions().stream()
                .filter(s -> sameUrl(s.startUrl(), typed.startUrl()) && s.region().equals(typed.region()))
                .findFirst().orElse(typed);
    }

    /** Signs in in the system browser (authorization code with PKCE); blocks until done, cancelled or timed out. */
    public IdentityCenterSession signInWithIdentityCenter(String startUrl, String region, SignInListener listener) {
        return signInWithIdentityCenter(sessionFor(startUrl, region), listener);
    }

    public IdentityCenterSession signInWithIdentityCenter(SsoSessionConfig session, SignInListener listener) {
        if (session.isLegacy()) {
            return signInWithDeviceCode(session, listener);
        }
        oidc.authorizationCode(session, listener);
        return new IdentityCenterSession(session, tokens, clients);
    }

    /** The fallback: the user enters a code shown by FedPilot on any device's browser. */
    public IdentityCenterSession signInWithDeviceCode(String startUrl, String region, SignInListener listener) {
        return signInWithDeviceCode(sessionFor(startUrl, region), listener);
    }

    public IdentityCenterSession signInWithDeviceCode(SsoSessionConfig session, SignInListener listener) {
        oidc.deviceCode(session, listener);
        return new IdentityCenterSession(session, tokens, clients);
    }

    /** A session from the shared cache (signed in earlier, by FedPilot or the AWS CLI), when still usable. */
    public Optional<IdentityCenterSession> cachedSession(SsoSessionConfig session) {
        if (!tokens.status(session).isUsable()) {
            return Optional.empty();
        }
        LOG.info("Using the cached IAM Identity Center sign-in of {}", session.label());
        return Optional.of(new IdentityCenterSession(session, tokens, clients));
    }

    public SsoTokenStatus tokenStatus(SsoSessionConfig session) {
        return tokens.status(session);
    }

    /** Who these credentials belong to (STS GetCallerIdentity); also the check that they work at all. */
    public CallerIdentity whoAmI(AwsCredentialsProvider credentials, String region) {
        try (StsClient sts = clients.sts(region, credentials)) {
            GetCallerIdentityResponse who = SignInErrors.call("asking AWS who is signed in",
                    sts::getCallerIdentity);
            LOG.info("Signed in to AWS account {} as {}", who.account(), who.arn());
            return new CallerIdentity(who.account(), who.arn(), who.userId());
        }
    }

    /** Writes the sso-session and a profile for one account and role to ~/.aws/config (like aws configure sso). */
    public void saveProfile(SsoSessionConfig session, String profileName, String accountId, String roleName,
                            Optional<String> region) {
        new AwsConfigWriter(settings.files().configFile()).saveSsoProfile(session, profileName, accountId, roleName,
                region);
    }

    private AwsCredentialsProvider ssoProfileCredentials(AwsProfile profile) {
        SsoSessionConfig session = profile.sso().orElseThrow(() -> new CloudException(Problem.INVALID_INPUT,
                "Profile '" + profile.name() + "' is incomplete: " + profile.detail() + ".",
                "Fix the profile in ~/.aws/config (or run 'aws configure sso')."));
        if (profile.ssoAccountId().isEmpty() || profile.ssoRoleName().isEmpty()) {
            throw new CloudException(Problem.INVALID_INPUT, "Profile '" + profile.name() + "' names no account or "
                    + "role.", "Sign in with IAM Identity Center and pick an account and role.");
        }
        try (IdentityCenterSession portal = new IdentityCenterSession(session, tokens, clients)) {
            return portal.credentials(profile.ssoAccountId().get(), profile.ssoRoleName().get());
        }
    }

    private static boolean sameUrl(String a, String b) {
        return strip(a).equalsIgnoreCase(strip(b));
    }

    private static String strip(String url) {
        String trimmed = url.trim();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
