package dev.fedpilot.aws.signin;

import dev.fedpilot.aws.signin.AwsProfile.Kind;
import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.CloudException.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the profiles of ~/.aws/config and ~/.aws/credentials with the AWS SDK's own parser (so FedPilot reads them
 * exactly as the SDK does), plus the environment credentials as a pseudo-profile.
 */
final class AwsProfiles {

    private static final Logger LOG = LoggerFactory.getLogger(AwsProfiles.class);
    static final String SSO_SESSION_SECTION = "sso-session";
    static final String SSO_SESSION = "sso_session";
    static final String SSO_REGISTRATION_SCOPES = "sso_registration_scopes";
    private static final Pattern SESSION_HEADER = Pattern.compile("^\\s*\\[\\s*sso-session\\s+([^\\]]+?)\\s*]");
    private static final Set<String> SSO_KEYS = Set.of(ProfileProperty.SSO_ROLE_NAME, ProfileProperty.SSO_ACCOUNT_ID,
            ProfileProperty.SSO_REGION, ProfileProperty.SSO_START_URL, SSO_SESSION);

    private final AwsFileLocations files;
    private final Map<String, String> environment;
    private final Function<SsoSessionConfig, SsoTokenStatus> tokenStatus;

    AwsProfiles(AwsFileLocations files, Map<String, String> environment,
                Function<SsoSessionConfig, SsoTokenStatus> tokenStatus) {
        this.files = files;
        this.environment = Map.copyOf(environment);
        this.tokenStatus = tokenStatus;
    }

    /** The environment pseudo-profile first (when set), then "default", then the others by name. */
    List<AwsProfile> list() {
        List<AwsProfile> result = new ArrayList<>();
        environmentProfile().ifPresent(result::add);
        ProfileFile merged = merged();
        merged.profiles().values().stream()
                .sorted(Comparator.comparing((Profile p) -> !"default".equals(p.name())).thenComparing(Profile::name))
                .map(profile -> describe(profile, merged))
                .forEach(result::add);
        LOG.debug("Found {} AWS profiles in {} and {}", result.size(), files.configFile(), files.credentialsFile());
        return List.copyOf(result);
    }

    /** Every {@code [sso-session NAME]} section of the config file, in file order. */
    List<SsoSessionConfig> ssoSessions() {
        ProfileFile config = read(files.configFile(), ProfileFile.Type.CONFIGURATION);
        List<SsoSessionConfig> sessions = new ArrayList<>();
        for (String name : sessionNames()) {
            session(config, name).ifPresent(sessions::add);
        }
        return List.copyOf(sessions);
    }

    /** The SDK's provider for a profile of these files (static keys, assume role, process, web identity). */
    AwsCredentialsProvider sdkProvider(String profileName) {
        return ProfileCredentialsProvider.builder().profileFile(merged()).profileName(profileName).build();
    }

    /** The AWS_* environment credentials, as the SDK's environment provider would read them. */
    Optional<AwsCredentialsProvider> environmentProvider() {
        String keyId = environment.get("AWS_ACCESS_KEY_ID");
        String secret = environment.get("AWS_SECRET_ACCESS_KEY");
        if (isBlank(keyId) || isBlank(secret)) {
            return Optional.empty();
        }
        String session = environment.get("AWS_SESSION_TOKEN");
        return Optional.of(StaticCredentialsProvider.create(isBlank(session)
                ? AwsBasicCredentials.create(keyId.trim(), secret.trim())
                : AwsSessionCredentials.create(keyId.trim(), secret.trim(), session.trim())));
    }

    private Optional<AwsProfile> environmentProfile() {
        if (environmentProvider().isEmpty()) {
            return Optional.empty();
        }
        String region = !isBlank(environment.get("AWS_REGION")) ? environment.get("AWS_REGION")
                : environment.get("AWS_DEFAULT_REGION");
        String detail = (isBlank(environment.get("AWS_SESSION_TOKEN")) ? "access key " : "temporary access key ")
                + maskKeyId(environment.get("AWS_ACCESS_KEY_ID").trim()) + " from AWS_ACCESS_KEY_ID";
        return Optional.of(new AwsProfile(AwsProfile.ENVIRONMENT, Kind.ENVIRONMENT,
                Optional.ofNullable(isBlank(region) ? null : region.trim()), detail, Optional.empty(),
                Optional.empty(), Optional.empty(), SsoTokenStatus.NOT_APPLICABLE));
    }

    private AwsProfile describe(Profile profile, ProfileFile merged) {
        Map<String, String> p = profile.properties();
        Optional<String> region = profile.property(ProfileProperty.REGION);
        Optional<String> roleArn = profile.property(ProfileProperty.ROLE_ARN);
        if (roleArn.isPresent() && p.containsKey(ProfileProperty.WEB_IDENTITY_TOKEN_FILE)) {
            return simple(profile, Kind.WEB_IDENTITY, region, roleArn.get());
        }
        if (SSO_KEYS.stream().anyMatch(p::containsKey)) {
            return sso(profile, merged, region);
        }
        if (roleArn.isPresent()) {
            String via = profile.property(ProfileProperty.SOURCE_PROFILE).map(s -> " via profile " + s)
                    .or(() -> profile.property(ProfileProperty.CREDENTIAL_SOURCE).map(s -> " via " + s)).orElse("");
            return simple(profile, Kind.ASSUME_ROLE, region, roleArn.get() + via);
        }
        if (p.containsKey(ProfileProperty.LOGIN_SESSION)) {
            return simple(profile, Kind.OTHER, region, "AWS console sign-in (login_session)");
        }
        if (p.containsKey(ProfileProperty.CREDENTIAL_PROCESS)) {
            return simple(profile, Kind.PROCESS, region, "credential_process");
        }
        Optional<String> keyId = profile.property(ProfileProperty.AWS_ACCESS_KEY_ID);
        if (keyId.isPresent()) {
            String prefix = p.containsKey(ProfileProperty.AWS_SESSION_TOKEN) ? "temporary access key " : "access key ";
            return simple(profile, Kind.STATIC_KEYS, region, prefix + maskKeyId(keyId.get()));
        }
        return simple(profile, Kind.NO_CREDENTIALS, region, "no credentials");
    }

    private AwsProfile sso(Profile profile, ProfileFile merged, Optional<String> region) {
        Optional<String> account = profile.property(ProfileProperty.SSO_ACCOUNT_ID);
        Optional<String> role = profile.property(ProfileProperty.SSO_ROLE_NAME);
        Optional<String> sessionName = profile.property(SSO_SESSION);
        Optional<SsoSessionConfig> session;
        if (sessionName.isPresent()) {
            session = session(merged, sessionName.get());
        } else {
            Optional<String> startUrl = profile.property(ProfileProperty.SSO_START_URL);
            Optional<String> ssoRegion = profile.property(ProfileProperty.SSO_REGION);
            session = startUrl.isPresent() && ssoRegion.isPresent()
                    ? Optional.of(SsoSessionConfig.legacy(startUrl.get(), ssoRegion.get())) : Optional.empty();
        }
        String detail;
        if (session.isEmpty()) {
            detail = sessionName.map(n -> "sso-session '" + n + "' is missing from the config file")
                    .orElse("sso_start_url or sso_region is missing");
        } else if (account.isPresent() && role.isPresent()) {
            detail = "account " + account.get() + " · " + role.get() + " (" + session.get().label() + ")";
        } else {
            detail = "IAM Identity Center " + session.get().label() + ", no account or role chosen";
        }
        SsoTokenStatus status = session.map(tokenStatus).orElse(SsoTokenStatus.MISSING);
        return new AwsProfile(profile.name(), Kind.SSO, region, detail, session, account, role, status);
    }

    private static AwsProfile simple(Profile profile, Kind kind, Optional<String> region, String detail) {
        return new AwsProfile(profile.name(), kind, region, detail, Optional.empty(), Optional.empty(),
                Optional.empty(), SsoTokenStatus.NOT_APPLICABLE);
    }

    private static Optional<SsoSessionConfig> session(ProfileFile file, String name) {
        return file.getSection(SSO_SESSION_SECTION, name).flatMap(section -> {
            Optional<String> startUrl = section.property(ProfileProperty.SSO_START_URL);
            Optional<String> region = section.property(ProfileProperty.SSO_REGION);
            if (startUrl.isEmpty() || region.isEmpty()) {
                LOG.warn("sso-session '{}' has no sso_start_url or sso_region; ignoring it", name);
                return Optional.empty();
            }
            List<String> scopes = section.property(SSO_REGISTRATION_SCOPES)
                    .map(raw -> Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                    .orElse(List.of());
            return Optional.of(SsoSessionConfig.session(name, startUrl.get().trim(), region.get().trim(), scopes));
        });
    }

    /** The SDK parses sso-session sections but cannot list them, so their names come from the headers. */
    private List<String> sessionNames() {
        Set<String> names = new LinkedHashSet<>();
        if (!Files.isRegularFile(files.configFile())) {
            return List.of();
        }
        try {
            for (String line : Files.readAllLines(files.configFile(), StandardCharsets.UTF_8)) {
                Matcher m = SESSION_HEADER.matcher(line);
                if (m.find()) {
                    names.add(m.group(1));
                }
            }
        } catch (IOException e) {
            throw unreadable(files.configFile(), e);
        }
        return List.copyOf(names);
    }

    /** Config and credentials together, as the SDK merges them (credentials win for a property in both). */
    ProfileFile merged() {
        return ProfileFile.aggregator()
                .addFile(read(files.configFile(), ProfileFile.Type.CONFIGURATION))
                .addFile(read(files.credentialsFile(), ProfileFile.Type.CREDENTIALS))
                .build();
    }

    private static ProfileFile read(Path file, ProfileFile.Type type) {
        if (!Files.isRegularFile(file)) {
            return ProfileFile.builder().content("").type(type).build();
        }
        try {
            return ProfileFile.builder().content(file).type(type).build();
        } catch (RuntimeException e) {
            throw unreadable(file, e);
        }
    }

    private static CloudException unreadable(Path file, Exception cause) {
        // The SDK's parse errors name a line number only, never the line's text.
        LOG.warn("Cannot read AWS profile file {}: {}", file, cause.getMessage());
        return new CloudException(Problem.INVALID_INPUT, "FedPilot cannot read the AWS profile file " + file + ": "
                + cause.getMessage(),
                "Fix the file (run 'aws configure list-profiles' to see what the AWS CLI says about it).", null, null);
    }

    /** First four and last four characters of an access key id: enough to recognise it. */
    static String maskKeyId(String keyId) {
        return keyId.length() <= 8 ? "…" : keyId.substring(0, 4) + "…" + keyId.substring(keyId.length() - 4);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
