package dev.fedpilot.entra;

import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.CloudException.Problem;
import dev.fedpilot.domain.DirectoryUser;
import dev.fedpilot.domain.EnterpriseApp;
import dev.fedpilot.domain.PrincipalType;
import dev.fedpilot.entra.fake.Fault;
import dev.fedpilot.entra.fake.GraphFake;
import dev.fedpilot.entra.fake.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Throttling, refusals and outages turn into waits or CloudExceptions a user can act on. */
class GraphErrorHandlingTest {
    private GraphFake fake;
    private GraphEntraTenant tenant;
    private EnterpriseApp app;

    @BeforeEach
    void start() {
        fake = GraphFake.start();
        tenant = FakeTenants.connect(fake);
        String[] ids = fake.seedAwsIdcApp("AWS IAM Identity Center");
        app = new EnterpriseApp(ids[0], ids[1], ids[2], "AWS IAM Identity Center");
        fake.seedUser("alice@contoso.example", "Alice Adams", "Alice", "Adams", "alice@contoso.example");
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void throttledRequestWaitsForRetryAfterThenSucceeds() {
        fake.inject(Fault.throttle("GET", "/users", 1, 1));
        List<DirectoryUser> users = new ArrayList<>();

        tenant.listUsers(users::addAll);

        assertEquals(1, users.size());
        List<RecordedRequest> attempts = fake.requests("GET", "/users");
        assertEquals(2, attempts.size());
        Duration waited = Duration.between(attempts.get(0).at(), attempts.get(1).at());
        assertTrue(waited.toMillis() >= 950, "Retry-After: 1 honoured, waited " + waited.toMillis() + " ms");
        assertEquals("1", attempts.get(1).header("Retry-Attempt"));
    }

    @Test
    void retryAfterBeyondTheBudgetIsHandedToTheCallerAtOnce() {
        fake.inject(Fault.throttle("GET", "/users", 3600, 1));

        CloudException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertThrows(CloudException.class, () -> tenant.listUsers(page -> { })));

        assertEquals(Problem.THROTTLED, e.problem());
        assertEquals(Optional.of(Duration.ofHours(1)), e.retryAfter());
        assertTrue(e.isRetryable());
        assertEquals(1, fake.requests("GET", "/users").size());
    }

    @Test
    void waitingForRetryAfterStopsWhenTheCallerIsInterrupted() throws Exception {
        fake.inject(Fault.throttle("GET", "/users", 30, 1));
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                tenant.listUsers(page -> { });
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        caller.start();
        while (fake.requests("GET", "/users").isEmpty() && caller.isAlive()) {
            Thread.sleep(10);
        }
        Thread.sleep(200);
        caller.interrupt();
        caller.join(Duration.ofSeconds(10).toMillis());

        assertTrue(!caller.isAlive(), "the interrupted call ended instead of waiting 30 s");
        assertInstanceOf(CancellationException.class, outcome.get());
        assertEquals(1, fake.requests("GET", "/users").size(), "no retry after the interrupt");
    }

    @Test
    void briefOutageIsRetried() {
        fake.inject(Fault.status("GET", "/groups", 503, "serviceNotAvailable", "Service unavailable", 1));
        List<Object> groups = new ArrayList<>();

        tenant.listGroups(groups::addAll);

        assertEquals(2, fake.requests("GET", "/groups").size());
    }

    @ParameterizedTest(name = "{0} {1} needs {2}")
    @CsvSource({
            "POST, /applicationTemplates/.*/instantiate, Application.ReadWrite.All, instantiate",
            "PATCH, /applications/.*, Application.ReadWrite.All, configureSaml",
            "POST, /servicePrincipals/.*/appRoleAssignedTo, AppRoleAssignment.ReadWrite.All, assign",
            "POST, /servicePrincipals/.*/synchronization/jobs, Synchronization.ReadWrite.All, createJob",
            "GET, /users, User.Read.All, listUsers",
            "GET, /groups, Group.Read.All, listGroups"})
    void refusalNamesTheMissingPermissionAndRole(String method, String path, String permission, String call) {
        fake.inject(Fault.forbidden(method, path, 1));

        CloudException e = assertThrows(CloudException.class, () -> invoke(call));

        assertEquals(Problem.FORBIDDEN, e.problem());
        assertTrue(e.getMessage().contains(permission), e.getMessage());
        assertTrue(e.getMessage().contains("Insufficient privileges to complete the operation."), e.getMessage());
        boolean appAdmin = !permission.endsWith(".Read.All");
        // the token carries the permission, so the fix names the role when there is one
        assertTrue(e.fix().contains(appAdmin ? "Application Administrator" : permission), e.fix());
        assertEquals(appAdmin, e.getMessage().contains("Application Administrator or Cloud Application Administrator"),
                e.getMessage());
    }

    @Test
    void rejectedSignInAsksToSignInAgain() {
        GraphEntraTenant stale = FakeTenants.connect(fake, "expired-token", RetryPolicy.DEFAULT);

        CloudException e = assertThrows(CloudException.class, stale::tenant);

        assertEquals(Problem.UNAUTHENTICATED, e.problem());
        assertEquals("Sign in to Entra again.", e.fix());
    }

    @Test
    void unknownJobIsNotFound() {
        CloudException e = assertThrows(CloudException.class, () -> tenant.job(app, "aWSSingleSignon.nope.nope"));

        assertEquals(Problem.NOT_FOUND, e.problem());
        assertTrue(e.getMessage().contains("read the provisioning job"), e.getMessage());
    }

    @Test
    void unreachableGraphIsUnavailable() {
        fake.close();

        CloudException e = assertThrows(CloudException.class,
                () -> FakeTenants.connect(fake, GraphFake.ACCESS_TOKEN, RetryPolicy.NONE).listUsers(page -> { }));

        assertEquals(Problem.UNAVAILABLE, e.problem());
        assertTrue(e.isRetryable());
    }

    @Test
    void tenantDetailsComeFromOrganizationAndMe() {
        var info = tenant.tenant();

        assertEquals(GraphFake.TENANT_ID, info.tenantId());
        assertEquals(GraphFake.DOMAIN, info.primaryDomain());
        assertEquals(GraphFake.TENANT_NAME, info.displayName());
        assertEquals(GraphFake.SIGNED_IN_USER, info.signedInUser());
    }

    private void invoke(String call) {
        Consumer<List<?>> ignore = page -> { };
        switch (call) {
            case "instantiate" -> tenant.instantiateAwsIdcApp("Another");
            case "configureSaml" -> tenant.configureSaml(app, "https://eu-west-1.signin.aws.amazon.com/platform/saml/d-1",
                    "https://eu-west-1.signin.aws.amazon.com/platform/saml/acs/x");
            case "assign" -> tenant.assign(app, UUID.randomUUID().toString(), PrincipalType.USER);
            case "createJob" -> tenant.createProvisioningJob(app);
            case "listUsers" -> tenant.listUsers(ignore::accept);
            case "listGroups" -> tenant.listGroups(ignore::accept);
            default -> throw new IllegalArgumentException(call);
        }
    }
}
