package dev.fedpilot.report;

import dev.fedpilot.domain.AuditEntry;
import dev.fedpilot.domain.Finding;
import dev.fedpilot.domain.ProvisioningJob;
import dev.fedpilot.domain.SetupState;
import dev.fedpilot.domain.SetupStep;
import dev.fedpilot.port.EntraTenant;
import dev.fedpilot.port.IdentityCenter;
import dev.fedpilot.report.SetupReport.Health;
import dev.fedpilot.report.SetupReport.Item;
import dev.fedpilot.report.SetupReport.Section;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the report says about a setup driven through the real wizard on the sandbox. */
class ReportBuilderTest {
    @TempDir
    Path exports;

    private static List<String> codes(SetupReport r) {
        return r.findings().stream().map(Item::code).toList();
    }

    private static Item finding(SetupReport r, String code) {
        return r.findings().stream().filter(f -> f.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding " + code + " in " + codes(r)));
    }

    @Test
    void beforeAnySetupEveryPartIsNotSetUpYetButTheSignedInTenantShows() {
        ReportFixture f = new ReportFixture(exports);
        SetupReport r = f.builder().build();
        assertEquals(Health.NOT_STARTED, r.summary().health());
        assertEquals(0, r.summary().stepsDone());
        assertEquals(9, r.summary().stepsTotal());
        assertNull(r.app());
        assertNull(r.instance());
        assertNull(r.saml());
        assertNull(r.scim());
        assertNull(r.provisioning());
        assertTrue(r.groups().isEmpty());
        assertEquals(f.setup.world.entraTenant().tenant().tenantId(), r.tenant().tenantId());
        assertEquals(List.of(), r.findings());
    }

    @Test
    void aCompleteSetupReportsBothCloudsSamlScimProvisioningAndGroups() {
        ReportFixture f = new ReportFixture(exports).complete();
        SetupState saved = f.setup.store.load(SetupState.STORE_NAME, SetupState.class).orElseThrow();
        SetupReport r = f.builder().build();

        assertEquals(Health.HEALTHY, r.summary().health(), codes(r).toString());
        assertEquals(saved.app().appId(), r.app().appId());
        assertEquals(saved.app().servicePrincipalId(), r.app().servicePrincipalId());
        assertEquals(saved.instance().instanceArn(), r.instance().instanceArn());
        assertEquals(saved.instance().identityStoreId(), r.instance().identityStoreId());
        assertEquals(saved.instance().region(), r.instance().region());

        assertEquals(f.setup.world.console().samlEntityId(), r.saml().serviceProvider().entityId());
        assertEquals(f.setup.world.console().samlAcsUrl(), r.saml().serviceProvider().acsUrl());
        String tenantId = r.tenant().tenantId();
        assertEquals("https://sts.windows.net/" + tenantId + "/", r.saml().identityProvider().entityId());
        assertEquals("https://login.microsoftonline.com/" + tenantId + "/saml2", r.saml().identityProvider().ssoUrl());
        assertTrue(r.saml().identityProvider().metadataUrl().endsWith("appid=" + r.app().appId()));
        assertEquals(saved.idpMetadataFile(), r.saml().identityProvider().metadataFile());
        assertEquals(saved.signingCertificate().sha256(), r.saml().certificate().sha256());
        assertEquals(saved.signingCertificate().notAfter(), r.saml().certificate().notAfter());
        assertTrue(r.saml().certificate().subject().startsWith("CN="));

        assertEquals(f.setup.world.console().scimEndpoint().toString(), r.scim().endpoint());
        assertEquals(r.scim().tokenCreated().plus(Duration.ofDays(365)), r.scim().tokenExpires());

        assertEquals(saved.jobId(), r.provisioning().jobId());
        assertEquals(ProvisioningJob.Status.ACTIVE, r.provisioning().status());
        assertEquals(8L, r.provisioning().counts().get("User"));
        assertEquals(0, r.provisioning().lastCycle().failed());
        assertEquals("PT2M", r.provisioning().interval());

        SetupReport.Group group = r.groups().get(0);
        assertEquals("AWS-ReadOnly", group.displayName());
        assertEquals(8, group.entraMembers());
        assertEquals(0, group.nestedGroups());
        assertNotNull(group.aws(), "the group was provisioned on demand");
        assertEquals(8, group.aws().members());
        assertTrue(group.aws().scimManaged());

        assertTrue(r.timeline().stream().anyMatch(e -> e.area().equals("setup.scim") && e.outcome() == AuditEntry.Outcome.OK),
                r.timeline().toString());
        assertEquals(f.setup.audit.entries().size(), r.timeline().size());
    }

    @Test
    void assignedGroupsWithPitfallsBecomeFindingsWithFixes() {
        // on demand would wait out Entra's rate limit for these big groups; a cycle provisions them at once
        ReportFixture f = new ReportFixture(exports).runThrough(SetupStep.ASSIGNMENTS, "AWS-Pilot-Users", "AWS-Developers");
        f.setup.world.runProvisioningCycle();
        SetupReport r = f.builder().build();
        assertTrue(codes(r).containsAll(List.of("user-missing-names", "user-multi-valued", "group-nested",
                "provisioning-cycle-failures", "provisioning-failed-missing-name")), codes(r).toString());
        assertTrue(r.provisioning().lastCycle().failed() > 0);
        Item nested = finding(r, "group-nested");
        assertEquals(Section.ASSIGNMENTS, nested.section());
        assertFalse(nested.fix().isBlank());
        assertEquals(Health.PROBLEM, r.summary().health());
        assertTrue(r.summary().errors() > 0);
        SetupReport.Group developers = r.groups().stream().filter(g -> g.displayName().equals("AWS-Developers"))
                .findFirst().orElseThrow();
        assertTrue(developers.nestedGroups() > 0);
        assertEquals(r.findings().stream().sorted((a, b) -> rank(a) - rank(b)).toList(), r.findings(),
                "errors come first");
    }

    private static int rank(Item i) {
        return switch (i.severity()) {
            case ERROR -> 0;
            case WARNING -> 1;
            case INFO -> 2;
        };
    }

    @Test
    void anAgingScimTokenIsAWarningAndThenAnError() {
        ReportFixture f = new ReportFixture(exports).complete();
        f.setup.clock.advance(Duration.ofDays(340));
        Item expiring = finding(f.builder().build(), "scim-token-expiring");
        assertEquals(Finding.Severity.WARNING, expiring.severity());
        assertEquals(Section.SCIM, expiring.section());
        assertTrue(expiring.fix().contains("AWS console"), expiring.fix());
        f.setup.clock.advance(Duration.ofDays(30));
        assertEquals(Finding.Severity.ERROR, finding(f.builder().build(), "scim-token-expired").severity());
    }

    @Test
    void aDeletedScimTokenShowsAsQuarantineWithTheFix() {
        ReportFixture f = new ReportFixture(exports).complete();
        f.setup.world.console().scimTokens().forEach(t -> f.setup.world.console().deleteScimToken(t.id()));
        f.setup.world.runProvisioningCycle();
        SetupReport r = f.builder().build();
        assertEquals(ProvisioningJob.Status.QUARANTINE, r.provisioning().status());
        assertTrue(r.provisioning().quarantine().reason().contains("InvalidCredentials"));
        Item quarantine = finding(r, "provisioning-quarantine");
        assertEquals(Finding.Severity.ERROR, quarantine.severity());
        assertTrue(quarantine.fix().contains("SCIM token"), quarantine.fix());
        assertEquals(Health.PROBLEM, r.summary().health());
    }

    @Test
    void aRefusedEntraReadIsAFindingAndTheSavedValuesStay() {
        ReportFixture f = new ReportFixture(exports).complete();
        EntraTenant refusing = Failing.port(EntraTenant.class, f.setup.world.entraTenant(), Failing.forbidden());
        SetupReport r = f.builder(refusing, f.setup.world.identityCenter()).build();
        SetupState saved = f.setup.store.load(SetupState.STORE_NAME, SetupState.class).orElseThrow();
        assertEquals(saved.app().appId(), r.app().appId(), "the saved app is shown");
        assertEquals(saved.tenant().tenantId(), r.tenant().tenantId());
        assertEquals(saved.jobId(), r.provisioning().jobId());
        assertNull(r.provisioning().status(), "the job's status is unknown, not made up");
        Item failure = finding(r, "live-read-failed");
        assertTrue(failure.message().contains("Insufficient privileges"), failure.message());
        assertTrue(failure.fix().contains("Application Administrator"), failure.fix());
    }

    @Test
    void anExpiredAwsSignInIsAFindingInTheAwsAndAssignmentParts() {
        ReportFixture f = new ReportFixture(exports).complete();
        IdentityCenter signedOut = Failing.port(IdentityCenter.class, f.setup.world.identityCenter(), Failing.signedOut());
        SetupReport r = f.builder(f.setup.world.entraTenant(), signedOut).build();
        assertNotNull(r.instance(), "the saved instance is shown");
        assertNull(r.groups().get(0).aws());
        List<Section> sections = r.findings().stream().filter(i -> i.code().equals("live-read-failed"))
                .map(Item::section).distinct().toList();
        assertTrue(sections.containsAll(List.of(Section.AWS, Section.ASSIGNMENTS)), sections.toString());
        assertEquals(8, r.groups().get(0).entraMembers(), "the Entra side is still read");
    }

    @Test
    void aHalfDoneSetupShowsWhatIsDoneAndNotSetUpYetForTheRest() {
        ReportFixture f = new ReportFixture(exports).runThrough(SetupStep.IDP_METADATA_TO_AWS);
        SetupReport r = f.builder().build();
        assertEquals(Health.INCOMPLETE, r.summary().health());
        assertEquals(5, r.summary().stepsDone());
        assertNotNull(r.saml().identityProvider().entityId());
        assertNull(r.scim());
        assertNull(r.provisioning());
        assertEquals(SetupReport.State.NOT_SET_UP, ReportLayout.state(Section.SCIM, r, r.scim() != null));
    }

    @Test
    void progressNamesEveryPhaseInOrderAndAnInterruptCancels() {
        ReportFixture f = new ReportFixture(exports).complete();
        List<ReportBuilder.Phase> phases = new ArrayList<>();
        f.builder().build(phases::add);
        assertEquals(List.of(ReportBuilder.Phase.values()), phases);
        assertThrows(CancellationException.class, () -> f.builder().build(phase -> {
            if (phase == ReportBuilder.Phase.SAML) {
                Thread.currentThread().interrupt();
            }
        }));
        assertTrue(Thread.interrupted(), "the interrupt is left for the task runner to see");
    }

    @Test
    void theTimelineIsTheAuditLogOldestFirst() {
        ReportFixture f = new ReportFixture(exports);
        f.setup.audit.record(new AuditEntry(f.setup.clock.instant(), "directory", "added member", AuditEntry.Outcome.OK,
                "alice → aws-admins"));
        f.setup.clock.advance(Duration.ofMinutes(5));
        f.setup.audit.record(new AuditEntry(f.setup.clock.instant(), "directory", "removed member",
                AuditEntry.Outcome.FAILED, "bob ← aws-admins: conflict"));
        SetupReport r = f.builder().build();
        assertEquals(List.of("added member", "removed member"), r.timeline().stream().map(SetupReport.Event::action).toList());
        assertEquals(AuditEntry.Outcome.FAILED, r.timeline().get(1).outcome());
        assertEquals("alice → aws-admins", r.timeline().get(0).detail());
    }
}
