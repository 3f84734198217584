package dev.fedpilot.app;

import dev.fedpilot.aws.AwsCallPolicy;
import dev.fedpilot.aws.AwsClientFactory;
import dev.fedpilot.aws.AwsClients;
import dev.fedpilot.aws.AwsIdentityCenter;
import dev.fedpilot.aws.signin.AwsRegions;
import dev.fedpilot.aws.signin.AwsSignIn;
import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.CloudException.Problem;
import dev.fedpilot.port.IdentityCenter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Real AWS for a command-line run, configured like the AWS CLI: credentials from --profile or the default chain,
 * the region from --region or the usual places, and no endpoint of our own, so that the SDK honours
 * AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_&lt;SERVICE&gt; and a profile's endpoint_url.
 */
final class AwsCommandLine implements CliAws {

    private static final Logger LOG = LoggerFactory.getLogger(AwsCommandLine.class);

    private final AwsSignIn signIn;
    private final CliCloudRequest request;
    private final AwsCallPolicy policy;
    private final Map<String, AwsClients> clients = new LinkedHashMap<>();
    private final Map<String, IdentityCenter> centers = new LinkedHashMap<>();
    private final Map<String, dev.fedpilot.port.AccessCenter> accessCenters = new LinkedHashMap<>();
    private final java.util.List<AutoCloseable> closeables = new java.util.ArrayList<>();
    private AwsCredentialsProvider credentials;

    AwsCommandLine(AwsSignIn signIn, CliCloudRequest request, AwsCallPolicy policy) {
        this.signIn = signIn;
        this.request = request;
        this.policy = policy;
    }

    @Override
    public Optional<String> region() {
        Optional<AwsRegions.Found> found = signIn.region(request.region(), request.profile());
        found.ifPresent(f -> LOG.info("AWS region {} from {}", f.region(), f.source()));
        return found.map(AwsRegions.Found::region);
    }

    @Override
    public Optional<String> account(String region) {
        String arn;
        try {
            arn = in(region).callerIdentity();
        } catch (CloudException e) {
            throw e.problem() == Problem.UNAUTHENTICATED ? notSignedIn(e.getMessage(), e) : e;
        }
        String[] parts = arn.split(":", 6);
        LOG.info("AWS caller {}", arn);
        return parts.length > 4 && !parts[4].isEmpty() ? Optional.of(parts[4]) : Optional.empty();
    }

    @Override
    public synchronized IdentityCenter in(String region) {
        return centers.computeIfAbsent(region, r -> {
            AwsClients c = AwsClientFactory.create(Region.of(r), credentials(), Optional.empty(), policy,
                    request.profile());
            clients.put(r, c);
            return new AwsIdentityCenter(c, policy);
        });
    }

    @Override
    public synchronized dev.fedpilot.port.AccessCenter access(String region) {
        return accessCenters.computeIfAbsent(region, r -> {
            in(r);
            var organizations = AwsClientFactory.organizations(Region.of(r), credentials(), Optional.empty(), policy,
                    request.profile());
            closeables.add(organizations);
            return new dev.fedpilot.aws.AwsAccessCenter(clients.get(r).ssoAdmin(), organizations, policy);
        });
    }

    /** Resolved once and checked at once, so that missing credentials are one clear line, not an SDK dump. */
    private synchronized AwsCredentialsProvider credentials() {
        if (credentials == null) {
            AwsCredentialsProvider provider;
            try {
                provider = signIn.commandLineCredentials(request.profile());
                provider.resolveCredentials();
            } catch (CloudException e) {
                throw e.problem() == Problem.UNAUTHENTICATED || e.problem() == Problem.INVALID_INPUT
                        ? notSignedIn(e.getMessage(), e) : e;
            } catch (SdkClientException e) {
                LOG.debug("no AWS credentials", e);
                throw notSignedIn(firstLine(e.getMessage()), e);
            }
            credentials = provider;
        }
        return credentials;
    }

    private CloudException notSignedIn(String what, Exception cause) {
        String profile = request.profile().map(p -> " --profile " + p).orElse("");
        String message = what == null || what.isBlank() || what.startsWith("Unable to load credentials")
                ? "no AWS credentials were found (environment, profile '"
                + AwsRegions.profileName(request.profile(), System.getenv()) + "', container or instance)."
                : what;
        return new CloudException(Problem.UNAUTHENTICATED, (message.startsWith("AWS") ? "" : "AWS: ") + message,
                "Run 'aws configure" + profile + "' or 'aws sso login" + profile + "', pass --profile NAME, or set "
                        + "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.", null, cause);
    }

    private static String firstLine(String text) {
        return text == null ? null : text.lines().findFirst().orElse(text).strip();
    }

    @Override
    public synchronized void close() {
        clients.values().forEach(AwsClients::close);
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.debug("closing an AWS client failed", e);
            }
        }
        closeables.clear();
        clients.clear();
        centers.clear();
        accessCenters.clear();
    }
}
