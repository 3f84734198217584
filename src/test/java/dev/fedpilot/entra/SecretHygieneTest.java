package dev.fedpilot.entra;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.EnterpriseApp;
import dev.fedpilot.domain.ScimEndpoint;
import dev.fedpilot.domain.Secret;
import dev.fedpilot.entra.fake.Fault;
import dev.fedpilot.entra.fake.GraphFake;
import dev.fedpilot.entra.fake.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SCIM token goes to Graph in the request body and nowhere else: no message, no log, no header, no URL. */
class SecretHygieneTest {
    private static final String SCIM_URL = "https://scim.us-east-1.amazonaws.com/Zy98Xw/scim/v2";
    private static final String GOOD_TOKEN = "good-token-4c1d0e9b8a7f";
    private static final String WRONG_TOKEN = "wrong-token-5e6f7a8b9c0d";

    private GraphFake fake;
    private GraphEntraTenant tenant;
    private EnterpriseApp app;
    private String jobId;
    private ListAppender<ILoggingEvent> logs;
    private Logger root;
    private Level rootLevel;

    @BeforeEach
    void start() {
        root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        rootLevel = root.getLevel();
        logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        root.setLevel(Level.TRACE);
        // a careless server that quotes submitted secrets back is the worst case for leaks
        fake = GraphFake.start().scimCredentials(SCIM_URL, GOOD_TOKEN).echoSecretsInErrors(true);
        tenant = FakeTenants.connect(fake);
        String[] ids = fake.seedAwsIdcApp("AWS IAM Identity Center");
        app = new EnterpriseApp(ids[0], ids[1], ids[2], "AWS IAM Identity Center");
        jobId = tenant.createProvisioningJob(app).jobId();
    }

    @AfterEach
    void stop() {
        root.detachAppender(logs);
        root.setLevel(rootLevel);
        fake.close();
    }

    @Test
    void refusedTokenIsNotInTheExceptionOrTheLog() {
        CloudException e = assertThrows(CloudException.class, () -> tenant.validateCredentials(app, jobId,
                ScimEndpoint.parse(SCIM_URL), Secret.of(WRONG_TOKEN)));

        assertEquals(CloudException.Problem.UNAUTHENTICATED, e.problem());
        assertTrue(fake.requests("POST", ".*/validateCredentials").get(0).body().contains(WRONG_TOKEN),
                "the fake did receive the token, and echoed it in its error");
        assertTrue(e.getMessage().contains("[redacted]"), e.getMessage());
        assertNoLeak(e, WRONG_TOKEN);
        assertLogsClean(WRONG_TOKEN);
    }

    @Test
    void failedSaveDoesNotLeakTheToken() {
        fake.inject(Fault.status("PUT", ".*/synchronization/secrets", 400, "BadRequest",
                "Could not store SecretToken " + GOOD_TOKEN, 1));

        CloudException e = assertThrows(CloudException.class,
                () -> tenant.saveCredentials(app, ScimEndpoint.parse(SCIM_URL), Secret.of(GOOD_TOKEN)));

        assertEquals(CloudException.Problem.INVALID_INPUT, e.problem());
        assertNoLeak(e, GOOD_TOKEN);
        assertLogsClean(GOOD_TOKEN);
    }

    @Test
    void acceptedTokenTravelsOnlyInTheRequestBody() {
        tenant.validateCredentials(app, jobId, ScimEndpoint.parse(SCIM_URL), Secret.of(GOOD_TOKEN));
        tenant.saveCredentials(app, ScimEndpoint.parse(SCIM_URL), Secret.of(GOOD_TOKEN));

        List<RecordedRequest> carrying = fake.requests().stream().filter(r -> r.body().contains(GOOD_TOKEN)).toList();
        assertEquals(List.of("POST", "PUT"), carrying.stream().map(RecordedRequest::method).toList());
        for (RecordedRequest request : fake.requests()) {
            assertFalse(request.path().contains(GOOD_TOKEN) || request.query().toString().contains(GOOD_TOKEN)
                    || request.headers().toString().contains(GOOD_TOKEN), request.path());
        }
        assertLogsClean(GOOD_TOKEN);
    }

    private void assertLogsClean(String token) {
        List<ILoggingEvent> events = logs.list;
        assertTrue(events.stream().anyMatch(ev -> ev.getLoggerName().startsWith("dev.fedpilot.entra")),
                "the adapter logged what it did");
        for (ILoggingEvent event : events) {
            String text = event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
            assertFalse(text.contains(token), "log line leaks the token: " + text);
            assertFalse(text.contains(GraphFake.ACCESS_TOKEN), "log line leaks the access token: " + text);
        }
    }

    private static void assertNoLeak(CloudException e, String token) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        for (String text : List.of(e.getMessage(), e.fix(), e.toString(), trace.toString())) {
            assertFalse(text.contains(token), "leaks the token: " + text);
            assertFalse(text.contains(GraphFake.ACCESS_TOKEN), "leaks the access token: " + text);
        }
    }
}
