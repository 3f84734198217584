package dev.fedpilot.scim;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.fedpilot.domain.ScimCheck;
import dev.fedpilot.domain.ScimCheck.Outcome;
import dev.fedpilot.domain.ScimEndpoint;
import dev.fedpilot.domain.Secret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The probe against a real HTTP server on 127.0.0.1 (and a .invalid host, which never resolves). */
class HttpScimProbeTest {
    static final String TOKEN = "fp-TEST-token-4f8a1c77e2b94d0c9a3e5b6f7d8c9e0a";
    static final String SCIM_BODY = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig\"],"
            + "\"patch\":{\"supported\":true}}";

    HttpServer server;
    ExecutorService executor;
    final CountDownLatch releaseSlow = new CountDownLatch(1);
    final List<Recorded> requests = new CopyOnWriteArrayList<>();
    final List<ScimCheck> results = new ArrayList<>();
    ListAppender<ILoggingEvent> logs;
    HttpScimProbe probe;

    record Recorded(String method, String path, String authorization) {
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        reply("/ok/scim/v2/", 200, SCIM_BODY);
        reply("/html/scim/v2/", 200, "<html><body>Welcome</body></html>");
        reply("/expired/scim/v2/", 401, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"status\":\"401\"}");
        reply("/denied/scim/v2/", 403, "{}");
        reply("/busy/scim/v2/", 429, "{}");
        reply("/redirect/scim/v2/", 302, "");
        server.createContext("/broken/scim/v2/", ex -> {
            record(ex);
            // A server that echoes the request must still not get the token into our messages.
            respond(ex, 500, "internal error for " + ex.getRequestHeaders().getFirst("Authorization"));
        });
        server.createContext("/slow/scim/v2/", ex -> {
            record(ex);
            try {
                releaseSlow.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(ex, 200, SCIM_BODY);
        });
        server.createContext("/", ex -> {
            record(ex);
            respond(ex, 404, "{\"status\":\"404\"}");
        });
        server.start();
        probe = new HttpScimProbe(HttpScimProbe.defaultClient(), Duration.ofSeconds(10));
        logs = new ListAppender<>();
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
        releaseSlow.countDown();
        server.stop(0);
        executor.shutdownNow();
        assertTokenNeverShown();
    }

    void reply(String path, int status, String body) {
        server.createContext(path, ex -> {
            record(ex);
            if (status == 302) {
                ex.getResponseHeaders().add("Location", "https://example.invalid/elsewhere");
            }
            respond(ex, status, body);
        });
    }

    void record(HttpExchange ex) {
        requests.add(new Recorded(ex.getRequestMethod(), ex.getRequestURI().getPath(),
                ex.getRequestHeaders().getFirst("Authorization")));
    }

    static void respond(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            ex.getResponseBody().write(bytes);
        }
        ex.close();
    }

    String base(String name) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + name + "/scim/v2";
    }

    ScimCheck check(String endpoint) {
        return check(endpoint, TOKEN);
    }

    ScimCheck check(String endpoint, String token) {
        try (Secret secret = Secret.of(token)) {
            ScimCheck result = probe.check(ScimEndpoint.parse(endpoint), secret);
            results.add(result);
            return result;
        }
    }

    /** Runs after every test over every result it produced and everything logged meanwhile. */
    void assertTokenNeverShown() {
        for (ScimCheck r : results) {
            assertFalse(r.message().contains(TOKEN) || r.fix().contains(TOKEN), "token in " + r);
            assertFalse(r.message().contains("fp-TEST-token"), "part of the token in " + r);
        }
        for (ILoggingEvent e : logs.list) {
            String text = e.getFormattedMessage() + (e.getThrowableProxy() == null ? ""
                    : ThrowableProxyUtil.asString(e.getThrowableProxy()));
            assertFalse(text.contains(TOKEN), "token in log line " + text);
        }
    }

    @Test
    void acceptedTokenIsOkAndTheRequestIsAReadOnlyGetWithTheBearerHeader() {
        ScimCheck result = check(base("ok"));
        assertEquals(Outcome.OK, result.outcome());
        assertTrue(result.ok());
        assertEquals(List.of(new Recorded("GET", "/ok/scim/v2/ServiceProviderConfig", "Bearer " + TOKEN)), requests);
    }

    @Test
    void trailingSlashAndSurroundingWhitespaceOfAPastedTokenAreTolerated() {
        assertEquals(Outcome.OK, check(base("ok") + "/", "  " + TOKEN + "\n").outcome());
        assertEquals("/ok/scim/v2/ServiceProviderConfig", requests.get(0).path());
        assertEquals("Bearer " + TOKEN, requests.get(0).authorization());
    }

    @Test
    void status401And403MeanTheTokenIsRefused() {
        ScimCheck expired = check(base("expired"));
        assertEquals(Outcome.UNAUTHORIZED, expired.outcome());
        assertTrue(expired.message().contains("401"));
        assertTrue(expired.fix().contains("Settings → Automatic provisioning"), expired.fix());
        assertEquals(Outcome.UNAUTHORIZED, check(base("denied")).outcome());
    }

    @Test
    void status404MeansTheEndpointUrlIsWrong() {
        ScimCheck result = check(base("typo"));
        assertEquals(Outcome.NOT_FOUND, result.outcome());
        assertTrue(result.message().contains("/typo/scim/v2/ServiceProviderConfig"), result.message());
        assertTrue(result.fix().contains("Copy the SCIM endpoint again"));
    }

    @Test
    void serverErrorIsUnexpectedWithItsStatusAndWithoutTheEchoedToken() {
        ScimCheck result = check(base("broken"));
        assertEquals(Outcome.UNEXPECTED, result.outcome());
        assertTrue(result.message().contains("500"), result.message());
    }

    @Test
    void otherAnswersAreUnexpected() {
        assertTrue(check(base("busy")).message().contains("429"));
        ScimCheck redirect = check(base("redirect"));
        assertEquals(Outcome.UNEXPECTED, redirect.outcome());
        assertTrue(redirect.message().contains("302"));
        assertEquals(1, requests.stream().filter(r -> r.path().startsWith("/redirect")).count(), "redirects not followed");
        ScimCheck html = check(base("html"));
        assertEquals(Outcome.UNEXPECTED, html.outcome(), "a 200 web page is not a SCIM service");
        assertTrue(html.message().contains("not like a SCIM service"));
    }

    @Test
    void unknownHostIsADnsFailure() {
        ScimCheck result = check("https://scim.eu-central-1.fedpilot-test.invalid/abc123/scim/v2");
        assertEquals(Outcome.DNS_FAILURE, result.outcome(), result.message());
        assertTrue(result.message().contains("scim.eu-central-1.fedpilot-test.invalid"));
    }

    @Test
    void httpsToAPlainHttpServerIsATlsFailure() throws Exception {
        try (PlainHttpPort plain = new PlainHttpPort()) {
            ScimCheck result = check("https://127.0.0.1:" + plain.port() + "/ok/scim/v2");
            assertEquals(Outcome.TLS_FAILURE, result.outcome(), result.message());
            assertTrue(result.message().contains("secure (TLS) connection"));
        }
    }

    /**
     * A port that answers whatever arrives with a plain-text HTTP 400, as a web server does when a TLS
     * handshake reaches its http port. (The JDK HttpServer instead waits for a request line that never comes.)
     */
    static final class PlainHttpPort implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        private final Thread thread = new Thread(this::serve, "plain-http-port");

        PlainHttpPort() throws IOException {
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (Socket client = socket.accept()) {
                    client.getInputStream().read(new byte[4096]);
                    client.getOutputStream().write(("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n"
                            + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    client.getOutputStream().flush();
                } catch (IOException e) {
                    return;
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @Test
    void refusedConnectionIsUnreachable() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        ScimCheck result = check("http://127.0.0.1:" + closedPort + "/x/scim/v2");
        assertEquals(Outcome.UNREACHABLE, result.outcome(), result.message());
    }

    @Test
    void noAnswerInTimeIsUnreachable() {
        probe = new HttpScimProbe(HttpScimProbe.defaultClient(), Duration.ofMillis(300));
        ScimCheck result = check(base("slow"));
        assertEquals(Outcome.UNREACHABLE, result.outcome(), result.message());
        assertTrue(result.message().contains("did not answer"));
    }

    @Test
    void plainHttpToARemoteHostIsRefusedBeforeSendingTheToken() {
        ScimCheck result = check("http://scim.eu-central-1.fedpilot-test.invalid/abc/scim/v2");
        assertEquals(Outcome.UNEXPECTED, result.outcome());
        assertTrue(result.message().contains("does not use https"), result.message());
    }

    @Test
    void emptyOrBrokenTokensAreRefusedWithoutARequest() {
        assertEquals(Outcome.UNAUTHORIZED, check(base("ok"), "   ").outcome());
        ScimCheck split = check(base("ok"), TOKEN.substring(0, 10) + "\n" + TOKEN.substring(10));
        assertEquals(Outcome.UNAUTHORIZED, split.outcome());
        assertFalse(split.message().contains(TOKEN.substring(0, 10)));
        assertEquals(Outcome.UNAUTHORIZED, check(base("ok"), TOKEN + "é").outcome());
        assertEquals(List.of(), requests);
    }

    @Test
    void interruptedThreadCancelsTheCheck() {
        Thread.currentThread().interrupt();
        try (Secret secret = Secret.of(TOKEN)) {
            assertThrows(CancellationException.class, () -> probe.check(ScimEndpoint.parse(base("slow")), secret));
            assertTrue(Thread.interrupted(), "the interrupt stays visible to the caller (and is cleared here)");
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void theTokenIsNotInAnyResultOfAnyOutcome() throws IOException {
        PlainHttpPort plain = new PlainHttpPort();
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        List<String> endpoints = List.of(base("ok"), base("expired"), base("denied"), base("typo"), base("broken"),
                base("busy"), base("redirect"), base("html"), "https://scim.x.fedpilot-test.invalid/a/scim/v2",
                "https://127.0.0.1:" + plain.port() + "/ok/scim/v2",
                "http://127.0.0.1:" + closedPort + "/x/scim/v2", "http://remote.fedpilot-test.invalid/a/scim/v2");
        try (plain) {
            for (String endpoint : endpoints) {
                check(endpoint);
            }
        }
        assertEquals(endpoints.size(), results.size());
        assertEquals(Outcome.values().length, results.stream().map(ScimCheck::outcome).distinct().count(),
                "every outcome was produced: " + results);
        // assertTokenNeverShown() runs after this test over all these results and all log lines.
    }
}
