package dev.fedpilot.aws.signin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.CloudException.Problem;
import dev.fedpilot.domain.Secret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The tiny web server on 127.0.0.1 that receives IAM Identity Center's redirect with the authorization code.
 * It accepts only the redirect carrying this request's {@code state}; any other request is answered and ignored,
 * so a stray or forged redirect can neither complete nor abort the sign-in.
 */
final class LoopbackRedirect implements AutoCloseable {

    static final String PATH = "/oauth/callback";
    private static final Logger LOG = LoggerFactory.getLogger(LoopbackRedirect.class);
    private static final String PAGE = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<title>FedPilot</title></head><body style=\"font-family:sans-serif;margin:3em\"><h1>%s</h1><p>%s</p>"
            + "</body></html>";

    private final HttpServer server;
    private final String expectedState;
    private final CompletableFuture<Secret> code = new CompletableFuture<>();

    private LoopbackRedirect(HttpServer server, String expectedState) {
        this.server = server;
        this.expectedState = expectedState;
    }

    /** Listens on a free port of 127.0.0.1 (the address, not "localhost", as registered with AWS). */
    static LoopbackRedirect start(String expectedState) {
        try {
            InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
            HttpServer server = HttpServer.create(new InetSocketAddress(loopback, 0), 4);
            LoopbackRedirect redirect = new LoopbackRedirect(server, expectedState);
            server.createContext("/", redirect::handle);
            server.start();
            LOG.debug("Waiting for the IAM Identity Center redirect on {}", redirect.redirectUri());
            return redirect;
        } catch (IOException e) {
            throw new CloudException(Problem.UNEXPECTED, "FedPilot could not open a local port for the browser "
                    + "sign-in.", "Use the sign-in with a code instead.", null, e);
        }
    }

    /** Where the browser is sent back: {@code http://127.0.0.1:PORT/oauth/callback}. */
    URI redirectUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
    }

    /** What the client registers: loopback without a port, which admits any port (RFC 8252), as the CLI does. */
    static URI registeredRedirectUri() {
        return URI.create("http://127.0.0.1" + PATH);
    }

    /** Blocks until the right redirect arrives, the user refuses, the time is up, or the thread is interrupted. */
    Secret awaitCode(Duration timeout) {
        try {
            return code.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("AWS sign-in cancelled while waiting for the browser");
        } catch (TimeoutException e) {
            throw new CloudException(Problem.UNAUTHENTICATED, "The browser did not finish the AWS sign-in within "
                    + (timeout.toMinutes() > 0 ? timeout.toMinutes() + " minutes." : timeout.toSeconds() + " seconds."), "Start the sign-in again and complete it in the browser "
                    + "window FedPilot opens.");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CloudException cloud) {
                throw cloud;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod()) || !PATH.equals(exchange.getRequestURI().getPath())) {
                respond(exchange, 404, "Not found", "FedPilot is waiting for the AWS sign-in here.");
                return;
            }
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            if (!stateMatches(query.get("state"))) {
                LOG.warn("Ignored a sign-in redirect whose state does not match FedPilot's request");
                respond(exchange, 400, "This sign-in does not belong to FedPilot's request",
                        "Start the AWS sign-in again from FedPilot.");
                return;
            }
            String error = query.get("error");
            if (error != null) {
                String shown = error.replaceAll("[^A-Za-z0-9_]", "");
                LOG.warn("IAM Identity Center redirected with error {}", shown);
                respond(exchange, 200, "AWS did not sign you in", "AWS answered " + shown
                        + ". Return to FedPilot to try again.");
                code.completeExceptionally(new CloudException(Problem.UNAUTHENTICATED, "IAM Identity Center did not "
                        + "sign you in (" + shown + ").", "Sign in again and allow FedPilot access in the browser."));
                return;
            }
            String value = query.get("code");
            if (value == null || value.isEmpty()) {
                respond(exchange, 400, "No sign-in code", "Start the AWS sign-in again from FedPilot.");
                return;
            }
            respond(exchange, 200, "Signed in to AWS", "You can close this tab and return to FedPilot.");
            LOG.info("Received the IAM Identity Center authorization code");
            code.complete(Secret.of(value));
        } catch (IOException e) {
            LOG.debug("The browser closed the sign-in connection early", e);
        } catch (RuntimeException e) {
            LOG.warn("Unexpected failure answering the sign-in redirect", e);
        }
    }

    private boolean stateMatches(String state) {
        return state != null && MessageDigest.isEqual(state.getBytes(StandardCharsets.UTF_8),
                expectedState.getBytes(StandardCharsets.UTF_8));
    }

    private static void respond(HttpExchange exchange, int status, String title, String text) throws IOException {
        byte[] body = String.format(PAGE, title, text).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            values.putIfAbsent(key, value);
        }
        return values;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
