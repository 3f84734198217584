package dev.fedpilot.aws.signin;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import dev.fedpilot.app.LogSetup;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.Secret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.fedpilot.aws.signin.SignInFixture.MY_ORG;
import static dev.fedpilot.aws.signin.SignInFixture.NOW;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Access tokens, client secrets, refresh tokens, codes and role credentials never show up in a log line, an
 * exception (message, fix or cause chain) or a toString. The same sign-in story runs twice: once with every
 * logger at DEBUG (except the wire loggers the app's LogSetup switches off, which print raw bodies by design),
 * once against stand-ins that echo secrets in their error texts, as a careless server might.
 */
class SignInSecretsTest {

    @RegisterExtension
    static final WireMockExtension PORTAL = WireMockExtension.newInstance()
            .options(options().bindAddress("127.0.0.1").dynamicPort())
            .build();


    @TempDir
    Path home;
    OidcStandIn oidc;
    SignInFixture fixture;
    final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    final List<String> captured = new ArrayList<>();
    final List<Level> savedLevels = new ArrayList<>();
    final List<String> wireLoggers = new ArrayList<>();
    final List<Throwable> failures = new ArrayList<>();
    final List<String> shown = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        oidc = new OidcStandIn();
        fixture = new SignInFixture(home);
        logs.start();
    }

    @AfterEach
    void stop() {
        for (int i = 0; i < captured.size(); i++) {
            Logger logger = (Logger) LoggerFactory.getLogger(captured.get(i));
            logger.detachAppender(logs);
            logger.setAdditive(true);
            logger.setLevel(savedLevels.get(i));
        }
        wireLoggers.forEach(name -> ((Logger) LoggerFactory.getLogger(name)).setLevel(null));
        oidc.close();
    }

    @Test
    void nothingSecretInDebugLogsOfFedPilotTheSdkAndTheHttpClient() throws IOException {
        oidc.echoSecretsInErrors = false;
        capture("dev.fedpilot", "software.amazon.awssdk", "software.amazon.awssdk.request", "org.apache.http");
        keepWireLoggersOffAsTheAppDoes();
        runSignInStory(false);
        assertTrue(logs.list.stream().anyMatch(e -> e.getLoggerName().startsWith("software.amazon.awssdk.request")),
                "the SDK's request logging was captured");
        assertNoSecretShown();
    }

    @Test
    void secretsEchoedByTheServerStayOutOfFedPilotsMessagesAndLogs() {
        capture("dev.fedpilot");
        runSignInStory(true);
        assertNoSecretShown();
    }

    private void runSignInStory(boolean echo) {
        PortalStandIn.stub(PORTAL, OidcStandIn.ACCESS_TOKEN, echo);
        PortalStandIn.stub(PORTAL, OidcStandIn.REFRESHED_ACCESS_TOKEN, echo);
        AwsSignIn signIn = fixture.signIn(Optional.of(oidc.endpoint()), Optional.of(URI.create(PORTAL.baseUrl())),
                Optional.empty(), Map.of(), this::follow);

        IdentityCenterSession session = signIn.signInWithIdentityCenter(MY_ORG, SignInListener.none());
        shown.add(session.toString());
        shown.add(session.accounts().toString());
        try (SsoRoleCredentialsProvider credentials = session.credentials("111122223333", "AdministratorAccess")) {
            credentials.resolveCredentials();
            shown.add(credentials.toString());
        }
        record(() -> session.credentials("111122223333", "NoSuchRole"));

        fixture.clock.advance(Duration.ofMinutes(58));
        shown.add(session.accounts().toString());
        oidc.refreshRevoked = true;
        fixture.clock.advance(Duration.ofHours(2));
        record(session::accounts);
        session.close();

        oidc.devicePolls.add("pending");
        oidc.devicePolls.add("slow_down");
        signIn.signInWithDeviceCode(MY_ORG, new SignInListener() {
            @Override
            public void deviceCode(DeviceAuthorization authorization) {
                shown.add(authorization.toString());
            }
        }).close();
        oidc.devicePolls.add("expired");
        record(() -> signIn.signInWithDeviceCode(MY_ORG, SignInListener.none()));

        shown.add(new SsoTokenCache(fixture.files.ssoCacheDirectory()).load(MY_ORG).orElseThrow().toString());
        shown.add(new OidcRegistration(OidcStandIn.CLIENT_ID, Secret.of(OidcStandIn.CLIENT_SECRET), NOW).toString());
        shown.add(Pkce.create().toString());
        assertTrue(failures.size() == 3, "the failure paths ran");
    }

    private void assertNoSecretShown() {
        List<String> secrets = new ArrayList<>(List.of(OidcStandIn.ACCESS_TOKEN, OidcStandIn.REFRESH_TOKEN,
                OidcStandIn.CLIENT_SECRET, OidcStandIn.AUTH_CODE, OidcStandIn.REFRESHED_ACCESS_TOKEN,
                OidcStandIn.REFRESHED_REFRESH_TOKEN, OidcStandIn.DEVICE_CODE, OidcStandIn.DEVICE_ACCESS_TOKEN,
                PortalStandIn.ROLE_SECRET, PortalStandIn.ROLE_SESSION));
        oidc.calls("/token").stream().map(c -> c.body().path("codeVerifier").asText()).filter(v -> !v.isEmpty())
                .forEach(secrets::add);
        assertTrue(secrets.size() > 10, "the code verifier was seen");

        List<String> texts = new ArrayList<>(shown);
        List<ILoggingEvent> events;
        synchronized (logs) {
            events = List.copyOf(logs.list); // other threads (the stand-ins, the SDK) may still be logging
        }
        for (ILoggingEvent event : events) {
            texts.add("[" + event.getLoggerName() + "] " + event.getFormattedMessage());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                texts.add("[" + event.getLoggerName() + "] " + t.getClassName() + ": " + t.getMessage());
            }
        }
        for (Throwable failure : failures) {
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            texts.add(trace.toString());
            if (failure instanceof CloudException cloud) {
                texts.add(cloud.fix());
            }
        }
        assertFalse(logs.list.isEmpty());
        for (String text : texts) {
            for (String secret : secrets) {
                assertFalse(text != null && text.contains(secret), "secret " + secret + " shown in: " + text);
            }
        }
    }

    private void capture(String... names) {
        for (String name : names) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            captured.add(name);
            savedLevels.add(logger.getLevel());
            logger.setLevel(Level.DEBUG);
            logger.setAdditive(false);
            logger.addAppender(logs);
        }
    }

    private void keepWireLoggersOffAsTheAppDoes() {
        LogSetup.LEVELS.forEach((name, level) -> {
            if (level == Level.OFF) {
                wireLoggers.add(name);
                ((Logger) LoggerFactory.getLogger(name)).setLevel(Level.OFF);
            }
        });
        assertTrue(wireLoggers.contains("org.apache.http.wire"), "the app's logging setup keeps wire logs off");
    }

    private void follow(URI page) throws IOException {
        try {
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()
                    .send(HttpRequest.newBuilder(page).GET().build(), HttpResponse.BodyHandlers.discarding());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private void record(Runnable action) {
        failures.add(assertThrows(CloudException.class, action::run));
    }
}
