package dev.fedpilot.sandbox;

import dev.fedpilot.domain.DirectoryGroup;
import dev.fedpilot.domain.DirectoryUser;
import dev.fedpilot.domain.EnterpriseApp;
import dev.fedpilot.domain.PrincipalType;
import dev.fedpilot.domain.ProvisioningEvent;
import dev.fedpilot.domain.ProvisioningJob;
import dev.fedpilot.domain.ProvisioningOutcome;
import dev.fedpilot.domain.ProvisioningOutcome.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SandboxProvisioningCycleTest {
    private final SandboxFixture sandbox = new SandboxFixture();
    private EnterpriseApp app;
    private String jobId;

    @BeforeEach
    void federatedAppWithRunningJob() {
        app = sandbox.readyApp();
        sandbox.federate(app);
        jobId = sandbox.provisioningApp(app, sandbox.console.generateScimToken());
    }

    @Test
    void usersWithoutNamesFailWithAwsErrorText() {
        assign("AWS-Pilot-Users");
        sandbox.world.runProvisioningCycle();

        ProvisioningOutcome room = latest(sandbox.entraUserByDisplayName("Conference Room Harbor").id());
        assertEquals(Result.FAILURE, room.result());
        assertTrue(room.message().contains("'name.givenName' is required"), room.message());
        assertTrue(room.message().contains("'name.familyName' is required"), room.message());
        ProvisioningOutcome priya = latest(sandbox.entraUserByDisplayName("Priya").id());
        assertTrue(priya.message().contains("'name.familyName' is required"), priya.message());
        assertFalse(priya.message().contains("givenName"), priya.message());
        assertTrue(sandbox.idc.findUserByName(sandbox.instance, "room.harbor@contoso-sandbox.onmicrosoft.com").isEmpty(),
                "a refused user is not in AWS");
    }

    @Test
    void usersWithTwoPhonesOrEmailsOrForbiddenCharactersFail() {
        assign("AWS-Pilot-Users");
        assign("AWS-Developers-Contractors");
        sandbox.world.runProvisioningCycle();

        ProvisioningOutcome phones = latest(sandbox.entraUserByDisplayName("Lars Eriksson").id());
        assertEquals(Result.FAILURE, phones.result());
        assertTrue(phones.message().contains("Request is unparsable"), phones.message());
        assertTrue(phones.message().contains("phone"), phones.message());
        ProvisioningOutcome emails = latest(sandbox.entraUserByDisplayName("Fatima Kaur").id());
        assertTrue(emails.message().contains("Request is unparsable") && emails.message().contains("email"));
        ProvisioningOutcome semicolon = latest(sandbox.entraUserByDisplayName("Nguyen; Linh (Contractor)").id());
        assertEquals(Result.FAILURE, semicolon.result());
        assertTrue(semicolon.message().contains("';'"), semicolon.message());
        ProvisioningJob job = sandbox.entra.job(app, jobId);
        assertEquals("EntryLevelErrors", job.lastExecution().state());
        assertTrue(job.lastExecution().failed() >= 10, "every refused user counts");
    }

    @Test
    void assignedGroupArrivesWithDirectMembersAsScimManagedGroup() {
        DirectoryGroup readOnly = assign("AWS-ReadOnly");
        sandbox.world.runProvisioningCycle();

        DirectoryGroup aws = sandbox.idc.findGroupByName(sandbox.instance, "AWS-ReadOnly").orElseThrow();
        assertTrue(aws.scimManaged());
        assertEquals(readOnly.id(), aws.externalId());
        Set<String> expected = sandbox.directUserMembers(readOnly).stream().map(DirectoryUser::userName)
                .collect(Collectors.toSet());
        Set<String> actual = sandbox.awsMembers(aws.id()).stream()
                .map(m -> sandbox.awsUsers().stream().filter(u -> u.id().equals(m.userId())).findFirst().orElseThrow()
                        .userName()).collect(Collectors.toSet());
        assertEquals(expected, actual);
        ProvisioningJob job = sandbox.entra.job(app, jobId);
        assertEquals(ProvisioningJob.Status.ACTIVE, job.status());
        assertEquals((long) expected.size(), job.entryCounts().get("User"));
        assertEquals(1L, job.entryCounts().get("Group"));
        assertEquals("Succeeded", job.lastExecution().state());
    }

    @Test
    void nestedGroupAndItsMembersAreSkipped() {
        assign("AWS-Developers");
        sandbox.world.runProvisioningCycle();

        DirectoryGroup nested = sandbox.entraGroup("AWS-Developers-Contractors");
        ProvisioningOutcome skipped = latest(nested.id());
        assertEquals(Result.SKIPPED, skipped.result());
        assertTrue(skipped.message().contains("nested"), skipped.message());
        assertTrue(sandbox.idc.findGroupByName(sandbox.instance, "AWS-Developers-Contractors").isEmpty());
        for (DirectoryUser contractor : sandbox.directUserMembers(nested)) {
            assertTrue(sandbox.idc.findUserByName(sandbox.instance, contractor.userName()).isEmpty(),
                    contractor.userName() + " is only in the nested group and must not be provisioned");
        }
    }

    @Test
    void unassignedUsersAreNeverProvisioned() {
        DirectoryGroup billing = assign("AWS-Billing");
        sandbox.world.runProvisioningCycle();
        sandbox.world.runProvisioningCycle();

        long scimUsers = sandbox.awsUsers().stream().filter(u -> u.externalId() != null).count();
        assertEquals(sandbox.directUserMembers(billing).size(), scimUsers);
        DirectoryUser outsider = sandbox.entraUserByDisplayName("Conference Room Harbor");
        assertTrue(sandbox.entra.provisioningLog(app, null).stream()
                .noneMatch(e -> e.outcome().subjectId().equals(outsider.id())));
    }

    @Test
    void existingAwsUserWithSameUserNameIsTakenOverNotDuplicated() {
        DirectoryUser megan = sandbox.entraUserByDisplayName("Megan Bowen");
        sandbox.entra.assign(app, megan.id(), PrincipalType.USER);
        int before = sandbox.awsUsers().size();
        sandbox.world.runProvisioningCycle();

        assertEquals(before, sandbox.awsUsers().size());
        DirectoryUser aws = sandbox.idc.findUserByName(sandbox.instance, megan.userName()).orElseThrow();
        assertEquals(megan.id(), aws.externalId());
        assertTrue(latest(megan.id()).message().contains("Matched the existing AWS user"));
    }

    @Test
    void nextCycleUndoesManualEditsOfScimManagedGroups() {
        assign("AWS-Billing");
        sandbox.world.runProvisioningCycle();
        DirectoryGroup aws = sandbox.idc.findGroupByName(sandbox.instance, "AWS-Billing").orElseThrow();
        DirectoryUser local = sandbox.idc.findUserByName(sandbox.instance, "jana.novak").orElseThrow();
        sandbox.idc.addMember(sandbox.instance, aws.id(), local.id());
        int withManualEdit = sandbox.awsMembers(aws.id()).size();

        sandbox.clock.advance(Duration.ofMinutes(2));
        sandbox.world.runProvisioningCycle();

        assertEquals(withManualEdit - 1, sandbox.awsMembers(aws.id()).size());
        assertTrue(sandbox.awsMembers(aws.id()).stream().noneMatch(m -> m.userId().equals(local.id())));
    }

    @Test
    void fixingTheSourceLetsTheNextCycleSucceedAndLogIsNewestFirst() {
        assign("AWS-Pilot-Users");
        sandbox.world.runProvisioningCycle();
        DirectoryUser priya = sandbox.entraUserByDisplayName("Priya");
        sandbox.world.editEntraUser(priya.id(), u -> new DirectoryUser(u.id(), u.userName(), "Priya Raman", "Priya",
                "Raman", u.emails(), u.phones(), null));
        sandbox.clock.advance(Duration.ofMinutes(2));
        sandbox.world.runProvisioningCycle();

        assertTrue(sandbox.idc.findUserByName(sandbox.instance, priya.userName()).isPresent());
        List<ProvisioningEvent> log = sandbox.entra.provisioningLog(app, null);
        for (int i = 1; i < log.size(); i++) {
            assertFalse(log.get(i).time().isAfter(log.get(i - 1).time()), "newest first");
        }
        assertEquals(Result.SUCCESS, latest(priya.id()).result());
        assertTrue(sandbox.entra.provisioningLog(app, sandbox.clock.instant()).stream()
                .allMatch(e -> e.time().equals(sandbox.clock.instant())), "since filters older entries");
    }

    @Test
    void jobIsNotConfiguredUntilCredentialsAreSavedAndPausedJobsDoNothing() {
        EnterpriseApp second = sandbox.entra.instantiateAwsIdcApp("AWS IAM Identity Center (test)");
        sandbox.clock.advance(Duration.ofSeconds(10));
        ProvisioningJob created = sandbox.entra.createProvisioningJob(second);
        assertTrue(created.jobId().matches("aWSSingleSignon\\.[0-9a-f]{32}\\.[0-9a-f]{32}"), created.jobId());
        assertEquals(ProvisioningJob.Status.NOT_CONFIGURED, created.status());
        assertEquals(Optional.of(created.jobId()), sandbox.entra.findProvisioningJob(second).map(ProvisioningJob::jobId));

        sandbox.entra.pauseJob(app, jobId);
        assign("AWS-Billing");
        sandbox.world.runProvisioningCycle();
        assertEquals(ProvisioningJob.Status.PAUSED, sandbox.entra.job(app, jobId).status());
        assertTrue(sandbox.idc.findGroupByName(sandbox.instance, "AWS-Billing").isEmpty());
        assertEquals(sandbox.world.options().provisioningInterval(), sandbox.entra.job(app, jobId).interval());
        assertNotNull(sandbox.entra.job(app, jobId).entryCounts());
    }

    private DirectoryGroup assign(String groupName) {
        DirectoryGroup group = sandbox.entraGroup(groupName);
        sandbox.entra.assign(app, group.id(), PrincipalType.GROUP);
        return group;
    }

    private ProvisioningOutcome latest(String subjectId) {
        return sandbox.entra.provisioningLog(app, null).stream().map(ProvisioningEvent::outcome)
                .filter(o -> o.subjectId().equals(subjectId)).findFirst()
                .orElseThrow(() -> new AssertionError("no log entry for " + subjectId));
    }
}
