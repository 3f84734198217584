package dev.fedpilot.app;

import com.azure.core.credential.TokenCredential;
import dev.fedpilot.aws.AwsCallPolicy;
import dev.fedpilot.aws.AwsClientFactory;
import dev.fedpilot.aws.AwsIdentityCenter;
import dev.fedpilot.aws.signin.AwsProfile;
import dev.fedpilot.aws.signin.AwsRegions;
import dev.fedpilot.aws.signin.AwsSignIn;
import dev.fedpilot.aws.signin.BrowserOpener;
import dev.fedpilot.aws.signin.IdentityCenterSession;
import dev.fedpilot.aws.signin.SignInListener;
import dev.fedpilot.aws.signin.SsoRole;
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
import software.amazon.awssdk.regions.Region;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The real clouds behind the connection bar: Entra by browser sign-in; AWS by a profile or IAM Identity Center. */
final class CloudConnections implements Connections {
    // built on first use: the Azure and AWS sign-in stacks are large, and most starts never sign in
    private final EntraSignInConfig entraConfig;
    private final Path configDirectory;
    private EntraSignIn entraSignIn;
    private AwsSignIn awsSignIn;
    private volatile IdentityCenterSession session;
    private volatile EntraTenant entra;
    private volatile IdentityCenter aws;

    CloudConnections(EntraSignInConfig entraConfig, Path configDirectory) {
        this.entraConfig = entraConfig;
        this.configDirectory = configDirectory;
    }

    @Override
    public String signInEntra() {
        TokenCredential credential = entraSignIn().signIn();
        GraphEntraTenant tenant = new GraphEntraTenant(GraphClientFactory.forCredential(credential, GraphScopes.DELEGATED));
        TenantInfo info = tenant.tenant();
        entra = tenant;
        return info.primaryDomain() + " (" + info.signedInUser() + ")";
    }

    @Override
    public void signOutEntra() {
        entraSignIn().signOut();
        entra = null;
    }

    @Override
    public List<String> awsProfiles() {
        return awsSignIn().profiles().stream().filter(AwsProfile::hasCredentials).map(AwsProfile::name).toList();
    }

    @Override
    public String signInAws(String profile) {
        AwsProfile chosen = awsSignIn().profiles().stream().filter(p -> p.name().equals(profile)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No AWS profile named " + profile + "."));
        Optional<String> named = chosen.kind() == AwsProfile.Kind.ENVIRONMENT ? Optional.empty()
                : Optional.of(chosen.name());
        // AWS_REGION, AWS_DEFAULT_REGION, then the profile, as the AWS CLI; none: the setup lets the user pick one
        Region region = Region.of(awsSignIn().region(Optional.empty(), named).map(AwsRegions.Found::region)
                .orElse(NO_REGION_YET));
        return connect(awsSignIn().credentials(chosen), region, named);
    }

    @Override
    public List<String> signInIdentityCenter(String startUrl, String region) {
        if (session != null) {
            session.close();
        }
        session = awsSignIn().signInWithIdentityCenter(startUrl.strip(), region.strip(), SignInListener.none());
        return session.accounts().stream().map(a -> a.accountId() + "  " + a.accountName()).toList();
    }

    @Override
    public List<String> identityCenterRoles(String account) {
        return requireSession().roles(accountId(account)).stream().map(SsoRole::roleName).toList();
    }

    @Override
    public String useIdentityCenterRole(String account, String role) {
        IdentityCenterSession current = requireSession();
        return connect(current.credentials(accountId(account), role), Region.of(current.config().region()),
                Optional.empty());
    }

    private IdentityCenterSession requireSession() {
        if (session == null) {
            throw new IllegalStateException("Sign in with IAM Identity Center first.");
        }
        return session;
    }

    private static String accountId(String account) {
        return account.strip().split("\\s+", 2)[0];
    }

    /** Where to look first when nothing names a region; the instance step offers the others. */
    private static final String NO_REGION_YET = "us-east-1";

    private String connect(AwsCredentialsProvider credentials, Region region, Optional<String> profile) {
        AwsCallPolicy policy = AwsCallPolicy.defaults();
        AwsIdentityCenter center = new AwsIdentityCenter(AwsClientFactory.create(region, credentials,
                Optional.empty(), policy, profile), policy,
                other -> AwsClientFactory.create(other, credentials, Optional.empty(), policy, profile));
        String who = center.callerIdentity();
        List<IdcInstance> instances = center.instances();
        aws = center;
        return instances.isEmpty() ? region.id() + " (" + who + ")"
                : instances.get(0).region() + " · " + instances.get(0).identityStoreId() + " (" + who + ")";
    }

    @Override
    public void signOutAws() {
        aws = null;
        if (session != null) {
            session.close();
            session = null;
        }
    }

    private synchronized EntraSignIn entraSignIn() {
        if (entraSignIn == null) {
            entraSignIn = new EntraSignIn(entraConfig, configDirectory.resolve("entra-account.json"));
        }
        return entraSignIn;
    }

    private synchronized AwsSignIn awsSignIn() {
        if (awsSignIn == null) {
            awsSignIn = new AwsSignIn(AwsSignIn.Settings.forCurrentUser(), BrowserOpener.system());
        }
        return awsSignIn;
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
