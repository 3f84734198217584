package dev.fedpilot.sandbox;

import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.DirectoryGroup;
import dev.fedpilot.domain.DirectoryUser;
import dev.fedpilot.domain.EnterpriseApp;
import dev.fedpilot.domain.OnDemandRequest;
import dev.fedpilot.domain.PrincipalType;
import dev.fedpilot.domain.ProvisioningOutcome;
import dev.fedpilot.domain.ProvisioningOutcome.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SandboxOnDemandTest {
    private final SandboxFixture sandbox = new SandboxFixture();
    private EnterpriseApp app;
    private String jobId;

    @BeforeEach
    void configuredJob() {
        app = sandbox.readyApp();
        sandbox.federate(app);
        jobId = sandbox.provisioningApp(app, sandbox.console.generateScimToken());
    }

    @Test
    void aGroupRequestTakesAtMostFiveMembers() {
        DirectoryGroup engineering = sandbox.entraGroup("Engineering");
        List<String> six = sandbox.directUserMembers(engineering).stream().limit(6).map(DirectoryUser::id).toList();
        assertEquals(6, six.size());
        assertThrows(IllegalArgumentException.class, () -> OnDemandRequest.group(engineering.id(), six));
    }

    @Test
    void groupWithMembersIsWrittenAtOnce() {
        DirectoryGroup admins = sandbox.entraGroup("AWS-Administrators");
        sandbox.entra.assign(app, admins.id(), PrincipalType.GROUP);
        List<String> members = sandbox.directUserMembers(admins).stream().map(DirectoryUser::id).toList();

        List<ProvisioningOutcome> outcomes = sandbox.entra.provisionOnDemand(app, jobId,
                OnDemandRequest.group(admins.id(), members));

        assertTrue(outcomes.stream().allMatch(o -> o.result() == Result.SUCCESS), outcomes.toString());
        DirectoryGroup aws = sandbox.idc.findGroupByName(sandbox.instance, "AWS-Administrators").orElseThrow();
        assertTrue(aws.scimManaged());
        assertEquals(members.size(), sandbox.awsMembers(aws.id()).size());
    }

    @Test
    void sixthRequestWithinTenSecondsIsThrottledAndAllowedAfterTheWindow() {
        DirectoryGroup readOnly = sandbox.entraGroup("AWS-ReadOnly");
        sandbox.entra.assign(app, readOnly.id(), PrincipalType.GROUP);
        List<DirectoryUser> users = sandbox.directUserMembers(readOnly);
        for (int i = 0; i < 5; i++) {
            sandbox.entra.provisionOnDemand(app, jobId, OnDemandRequest.user(users.get(i).id()));
            sandbox.clock.advance(Duration.ofSeconds(1));
        }
        CloudException throttled = assertThrows(CloudException.class,
                () -> sandbox.entra.provisionOnDemand(app, jobId, OnDemandRequest.user(users.get(5).id())));
        assertEquals(CloudException.Problem.THROTTLED, throttled.problem());
        Duration wait = throttled.retryAfter().orElseThrow();
        assertEquals(Duration.ofSeconds(5), wait);
        assertTrue(sandbox.idc.findUserByName(sandbox.instance, users.get(5).userName()).isEmpty());

        sandbox.clock.advance(wait);
        List<ProvisioningOutcome> outcomes = assertDoesNotThrow(
                () -> sandbox.entra.provisionOnDemand(app, jobId, OnDemandRequest.user(users.get(5).id())));
        assertEquals(Result.SUCCESS, outcomes.get(0).result());
        assertTrue(sandbox.idc.findUserByName(sandbox.instance, users.get(5).userName()).isPresent(),
                "written at once, no cycle needed");
    }

    @Test
    void nestedGroupAsSubjectFailsWithAClearMessage() {
        sandbox.entra.assign(app, sandbox.entraGroup("AWS-Developers").id(), PrincipalType.GROUP);
        DirectoryGroup nested = sandbox.entraGroup("AWS-Developers-Contractors");

        List<ProvisioningOutcome> outcomes = sandbox.entra.provisionOnDemand(app, jobId,
                OnDemandRequest.group(nested.id(), List.of()));

        assertEquals(1, outcomes.size());
        assertEquals(Result.FAILURE, outcomes.get(0).result());
        assertTrue(outcomes.get(0).message().contains("nested group"), outcomes.get(0).message());
        assertTrue(outcomes.get(0).message().contains("Assign"), outcomes.get(0).message());
        assertTrue(sandbox.idc.findGroupByName(sandbox.instance, nested.displayName()).isEmpty());
    }

    @Test
    void userOutOfScopeIsSkippedAndRefusedUserFails() {
        DirectoryUser outsider = sandbox.entraUserByDisplayName("Megan Bowen");
        ProvisioningOutcome skipped = sandbox.entra.provisionOnDemand(app, jobId, OnDemandRequest.user(outsider.id()))
                .get(0);
        assertEquals(Result.SKIPPED, skipped.result());
        assertTrue(skipped.message().contains("not assigned"), skipped.message());

        DirectoryUser room = sandbox.entraUserByDisplayName("Conference Room Harbor");
        sandbox.entra.assign(app, room.id(), PrincipalType.USER);
        ProvisioningOutcome failed = sandbox.entra.provisionOnDemand(app, jobId, OnDemandRequest.user(room.id())).get(0);
        assertEquals(Result.FAILURE, failed.result());
        assertTrue(failed.message().contains("'name.givenName' is required"));
        assertEquals(failed, sandbox.entra.provisioningLog(app, null).get(0).outcome(), "logged too");
    }

    @Test
    void onDemandNeedsWorkingCredentials() {
        DirectoryUser megan = sandbox.entraUserByDisplayName("Megan Bowen");
        sandbox.entra.assign(app, megan.id(), PrincipalType.USER);
        sandbox.console.scimTokens().forEach(t -> sandbox.console.deleteScimToken(t.id()));

        CloudException refused = assertThrows(CloudException.class,
                () -> sandbox.entra.provisionOnDemand(app, jobId, OnDemandRequest.user(megan.id())));
        assertEquals(CloudException.Problem.UNAUTHENTICATED, refused.problem());
        assertTrue(refused.getMessage().contains("InvalidCredentials"));
    }
}
