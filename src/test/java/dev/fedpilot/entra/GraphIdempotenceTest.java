package dev.fedpilot.entra;

import dev.fedpilot.domain.AppAssignment;
import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.EnterpriseApp;
import dev.fedpilot.domain.OnDemandRequest;
import dev.fedpilot.domain.PrincipalType;
import dev.fedpilot.domain.ProvisioningOutcome;
import dev.fedpilot.domain.ScimEndpoint;
import dev.fedpilot.domain.Secret;
import dev.fedpilot.entra.fake.Fault;
import dev.fedpilot.entra.fake.GraphFake;
import dev.fedpilot.entra.fake.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Order and idempotence as the real Graph needs them. */
class GraphIdempotenceTest {
    private static final String SCIM_URL = "https://scim.us-east-1.amazonaws.com/Xy12/scim/v2";
    private static final String SCIM_TOKEN = "scim-token-idempotence";

    private GraphFake fake;
    private GraphEntraTenant tenant;
    private EnterpriseApp app;

    @BeforeEach
    void start() {
        fake = GraphFake.start().hiddenReads(0).scimCredentials(SCIM_URL, SCIM_TOKEN);
        tenant = FakeTenants.connect(fake);
        String[] ids = fake.seedAwsIdcApp("AWS IAM Identity Center");
        app = new EnterpriseApp(ids[0], ids[1], ids[2], "AWS IAM Identity Center");
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void unassigningTwiceIsDone() {
        String group = fake.seedGroup("AWS Admins", null);
        AppAssignment assignment = tenant.assign(app, group, PrincipalType.GROUP);

        tenant.unassign(app, assignment.id());
        tenant.unassign(app, assignment.id());

        assertEquals(List.of(), tenant.assignments(app));
        assertEquals(2, fake.requests("DELETE", "/servicePrincipals/.*/appRoleAssignedTo/.*").size());
    }

    @Test
    void anotherBadRequestOnUnassignIsStillAFailure() {
        fake.inject(Fault.status("DELETE", "/servicePrincipals/.*/appRoleAssignedTo/.*", 400, "Request_BadRequest",
                "Invalid resource identifier for EntitlementGrant.", 1));

        CloudException e = assertThrows(CloudException.class, () -> tenant.unassign(app, "not-an-id"));

        assertEquals(CloudException.Problem.INVALID_INPUT, e.problem());
    }

    @Test
    void samlModeIsSetBeforeTheIdentifierUris() {
        tenant.configureSaml(app, "https://us-east-1.signin.aws.amazon.com/platform/saml/d-1",
                "https://us-east-1.signin.aws.amazon.com/platform/saml/acs/1");

        List<RecordedRequest> patches = fake.requests("PATCH", ".*");
        assertEquals(List.of("/servicePrincipals/" + app.servicePrincipalId(), "/applications/"
                + app.applicationObjectId()), patches.stream().map(RecordedRequest::path).toList());
        assertTrue(tenant.samlSettings(app).samlMode());
    }

    @Test
    void instantiateIsLookedUpNotRepostedAfterALostAnswer() {
        fake.inject(Fault.lostResponse("POST", "/applicationTemplates/.*/instantiate", 503, 1));

        EnterpriseApp created = tenant.instantiateAwsIdcApp("FedPilot once");

        assertEquals(1, fake.requests("POST", "/applicationTemplates/.*/instantiate").size(), "not re-posted");
        assertEquals(1, tenant.findAwsIdcApps().stream().filter(a -> a.displayName().equals("FedPilot once")).count());
        assertEquals("FedPilot once", created.displayName());
    }

    @Test
    void instantiateIsTriedOnceMoreWhenTheAppDoesNotExist() {
        fake.inject(Fault.status("POST", "/applicationTemplates/.*/instantiate", 503, "serviceNotAvailable", "down", 1));

        tenant.instantiateAwsIdcApp("FedPilot retry");

        assertEquals(2, fake.requests("POST", "/applicationTemplates/.*/instantiate").size());
        assertEquals(1, tenant.findAwsIdcApps().stream().filter(a -> a.displayName().equals("FedPilot retry")).count());
    }

    @Test
    void assignIsLookedUpNotRepostedAfterALostAnswer() {
        String group = fake.seedGroup("AWS Readers", null);
        fake.inject(Fault.lostResponse("POST", "/servicePrincipals/.*/appRoleAssignedTo", 503, 1));

        AppAssignment assignment = tenant.assign(app, group, PrincipalType.GROUP);

        assertEquals(1, fake.requests("POST", "/servicePrincipals/.*/appRoleAssignedTo").size());
        assertEquals(List.of(assignment), tenant.assignments(app));
    }

    @Test
    void theOnDemandRuleIsReadFromTheJobSchema() {
        String rule = "33f7c90d-bf71-41b1-bda6-aaf0ddbee5d8#V2";
        fake.onDemandRuleId(rule);
        String user = fake.seedUser("bo@contoso.example", "Bo", "Bo", "Lee", "bo@contoso.example");
        tenant.assign(app, user, PrincipalType.USER);
        String jobId = tenant.createProvisioningJob(app).jobId();
        tenant.saveCredentials(app, new ScimEndpoint(URI.create(SCIM_URL)), Secret.of(SCIM_TOKEN));

        List<ProvisioningOutcome> outcomes = tenant.provisionOnDemand(app, jobId, OnDemandRequest.user(user));

        assertEquals(ProvisioningOutcome.Result.SUCCESS, outcomes.get(0).result(), outcomes.toString());
        assertTrue(fake.requests("POST", ".*/provisionOnDemand").get(0).body().contains(rule));
        assertEquals(1, fake.requests("GET", ".*/jobs/.*/schema").size());
    }
}
