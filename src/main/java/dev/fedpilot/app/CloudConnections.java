package dev.fedpilot.app;

import com.azure.core.credential.TokenCredential;
import dev.fedpilot.aws.AwsCallPolicy;
import dev.fedpilot.aws.AwsClientFactory;
import dev.fedpilot.aws.AwsIdentityCenter;
import dev.fedpilot.domain.IdcInstance;
import dev.fedpilot.domain.TenantInfo;
import dev.fedpilot.entra.EntraSignIn;
import dev.fedpilot.entra.EntraSignInConfig;
import dev.fedpilot.entra.GraphClientFactory;
import dev.fedpilot.entra.GraphEntraTenant;
import dev.fedpilot.entra.GraphScopes;
import dev.fedpilot.port.EntraTenant;
import dev.fedpilot.port.IdentityCenter;
import dev.fedpilot.ui.shell.Connections;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;
import software.amazon.awssdk.regions.Region;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The real clouds behind the connection bar: Entra by browser sign-in, AWS by a named profile. */
final class CloudConnections implements Connections {
    static final String ENVIRONMENT = "(environment variables)";
    private final EntraSignIn entraSignIn;
    private volatile EntraTenant entra;
    private volatile IdentityCenter aws;

    CloudConnections(EntraSignInConfig entraConfig, Path configDirectory) {
        this.entraSignIn = new EntraSignIn(entraConfig, configDirectory.resolve("entra-account.json"));
    }

    @Override
    public String signInEntra() {
        TokenCredential credential = entraSignIn.signIn();
        GraphEntraTenant tenant = new GraphEntraTenant(GraphClientFactory.forCredential(credential, GraphScopes.DELEGATED));
        TenantInfo info = tenant.tenant();
        entra = tenant;
        return info.primaryDomain() + " (" + info.signedInUser() + ")";
    }

    @Override
    public void signOutEntra() {
        entraSignIn.signOut();
        entra = null;
    }

    @Override
    public List<String> awsProfiles() {
        List<String> names = new ArrayList<>();
        if (System.getenv("AWS_ACCESS_KEY_ID") != null) {
            names.add(ENVIRONMENT);
        }
        try {
            names.addAll(ProfileFile.defaultProfileFile().profiles().keySet());
        } catch (RuntimeException e) {
            // no or unreadable ~/.aws files: offer what the environment has
        }
        return names;
    }

    @Override
    public String signInAws(String profile) {
        AwsCredentialsProvider credentials = ENVIRONMENT.equals(profile) ? EnvironmentVariableCredentialsProvider.create()
                : ProfileCredentialsProvider.create(profile);
        AwsIdentityCenter center = new AwsIdentityCenter(AwsClientFactory.create(region(profile), credentials,
                Optional.empty(), AwsCallPolicy.defaults()), AwsCallPolicy.defaults());
        String who = center.callerIdentity();
        List<IdcInstance> instances = center.instances();
        aws = center;
        return instances.isEmpty() ? region(profile).id() + " (" + who + ")"
                : instances.get(0).region() + " · " + instances.get(0).identityStoreId() + " (" + who + ")";
    }

    private static Region region(String profile) {
        String fromEnv = System.getenv("AWS_REGION");
        if (!ENVIRONMENT.equals(profile)) {
            try {
                Optional<String> fromProfile = ProfileFile.defaultProfileFile().profile(profile)
                        .flatMap(p -> p.property(ProfileProperty.REGION).or(() -> p.property(ProfileProperty.SSO_REGION)));
                if (fromProfile.isPresent()) {
                    return Region.of(fromProfile.get());
                }
            } catch (RuntimeException e) {
                // fall through to the environment
            }
        }
        return Region.of(fromEnv != null ? fromEnv : "us-east-1");
    }

    @Override
    public void signOutAws() {
        aws = null;
    }

    @Override
    public boolean ready() {
        return entra != null && aws != null;
    }

    Optional<EntraTenant> entra() {
        return Optional.ofNullable(entra);
    }

    Optional<IdentityCenter> aws() {
        return Optional.ofNullable(aws);
    }
}
