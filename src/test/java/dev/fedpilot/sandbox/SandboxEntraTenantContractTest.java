package dev.fedpilot.sandbox;

import dev.fedpilot.domain.DirectoryUser;
import dev.fedpilot.domain.DirectoryGroup;
import dev.fedpilot.port.EntraTenant;
import dev.fedpilot.port.EntraTenantContract;
import org.junit.jupiter.api.BeforeEach;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import dev.fedpilot.domain.EnterpriseApp;
import java.util.List;

/** The sandbox's Entra tenant must behave like Graph does, as the adapter against the Graph fake does. */
class SandboxEntraTenantContractTest extends EntraTenantContract {
    private SandboxWorld world;
    private int serial;

    @BeforeEach
    void freshWorld() {
        world = new SandboxWorld(SandboxOptions.defaults().withConsistencyDelay(Duration.ofMillis(300)), Clock.systemUTC());
    }

    @Override
    protected EntraTenant subject() {
        return world.entraTenant();
    }

    @Override
    protected String seedUser(String userName, String displayName, String givenName, String familyName) {
        String id = "contract-user-" + (++serial);
        world.locked(() -> {
            world.directory().addUser(new DirectoryUser(id, userName, displayName, givenName, familyName,
                    List.of(userName), List.of(), null));
            return null;
        });
        return id;
    }

    @Override
    protected String seedGroup(String displayName) {
        String id = "contract-group-" + (++serial);
        world.locked(() -> {
            world.directory().addGroup(new DirectoryGroup(id, displayName, displayName, null));
            return null;
        });
        return id;
    }

    @Override
    protected void addMember(String groupId, String memberId) {
        world.locked(() -> {
            world.directory().addMember(groupId, memberId);
            return null;
        });
    }

    /** AWS hands out SCIM tokens only once Entra is the external IdP: federate an app first, as setup does. */
    @Override
    protected ScimCredentials validScimCredentials() {
        if (!world.console().externalIdpConfigured()) {
            EntraTenant entra = world.entraTenant();
            EnterpriseApp app = readable(entra.instantiateAwsIdcApp("AWS IAM Identity Center (IdP)"));
            entra.configureSaml(app, world.console().samlEntityId(), world.console().samlAcsUrl());
            entra.addSigningCertificate(app, "CN=AWS IAM Identity Center", Instant.now().plus(Duration.ofDays(365)));
            world.console().uploadIdpMetadata(entra.downloadFederationMetadata(app));
        }
        return new ScimCredentials(world.console().scimEndpoint(), world.console().generateScimToken());
    }

    @Override
    protected Duration pollInterval() {
        return Duration.ofMillis(100);
    }
}
