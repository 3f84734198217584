package dev.fedpilot.scim;

import dev.fedpilot.domain.ScimCheck;
import dev.fedpilot.domain.ScimCheck.Outcome;
import dev.fedpilot.domain.ScimEndpoint;
import dev.fedpilot.domain.Secret;
import dev.fedpilot.port.ScimProbe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * Checks a SCIM endpoint and token with {@code GET {base}/ServiceProviderConfig}: read-only, returns no user data,
 * and AWS documents it answers 401 for a wrong token or a wrong tenant id in the URL. The token goes into the
 * Authorization header only; no message, log line or exception carries it.
 */
public final class HttpScimProbe implements ScimProbe {
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(HttpScimProbe.class);
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");
    private static final String SCIM_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
    private static final String NEW_TOKEN = "In the IAM Identity Center console open Settings → Automatic provisioning, "
            + "generate a new access token, and paste it together with the SCIM endpoint shown there "
            + "(a token works only with its own endpoint).";
    private static final String COPY_ENDPOINT = "Copy the SCIM endpoint again from the IAM Identity Center console "
            + "(Settings → Automatic provisioning); it looks like https://scim.<region>.amazonaws.com/<id>/scim/v2.";

    private final HttpClient client;
    private final Duration requestTimeout;

    public HttpScimProbe() {
        this(defaultClient(), REQUEST_TIMEOUT);
    }

    /** For tests and proxies: the client decides TLS and connect timeout, {@code requestTimeout} the whole answer. */
    public HttpScimProbe(HttpClient client, Duration requestTimeout) {
        this.client = Objects.requireNonNull(client, "client");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
    }

    public static HttpClient defaultClient() {
        return HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public ScimCheck check(ScimEndpoint endpoint, Secret token) {
        URI uri = serviceProviderConfig(endpoint);
        String host = uri.getHost();
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !LOOPBACK.contains(host.toLowerCase(Locale.ROOT))) {
            return new ScimCheck(Outcome.UNEXPECTED, "The SCIM endpoint " + endpoint + " does not use https; "
                    + "FedPilot sends the token only over an encrypted connection.", COPY_ENDPOINT);
        }
        String authorization = bearer(token);
        if (authorization == null) {
            return new ScimCheck(Outcome.UNAUTHORIZED, "The token is empty or contains spaces or line breaks, "
                    + "which a SCIM token never has.", "Copy the token again, in one piece. " + NEW_TOKEN);
        }
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(uri).GET().timeout(requestTimeout)
                    .header("Authorization", authorization)
                    .header("Accept", "application/scim+json, application/json")
                    .build();
        } catch (IllegalArgumentException e) {
            // The JDK's message may quote the header value, so it is not passed on.
            return new ScimCheck(Outcome.UNAUTHORIZED, "The token contains characters an HTTP header cannot carry.",
                    NEW_TOKEN);
        }
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            ScimCheck check = fromStatus(response.statusCode(), response.body(), uri);
            LOG.info("SCIM check of {}: HTTP {} → {}", uri, response.statusCode(), check.outcome());
            return check;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("SCIM check cancelled");
        } catch (IOException e) {
            ScimCheck check = fromFailure(e, uri);
            LOG.info("SCIM check of {} failed → {} ({})", uri, check.outcome(), e.getClass().getName());
            LOG.debug("SCIM check failure detail", e);
            return check;
        }
    }

    static URI serviceProviderConfig(ScimEndpoint endpoint) {
        String base = endpoint.baseAddress().toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + "/ServiceProviderConfig");
    }

    /** "Bearer <token>" with surrounding whitespace removed, or null when the token cannot be valid. */
    private static String bearer(Secret token) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        char[] chars = token.reveal();
        try {
            int start = 0;
            int end = chars.length;
            while (start < end && Character.isWhitespace(chars[start])) {
                start++;
            }
            while (end > start && Character.isWhitespace(chars[end - 1])) {
                end--;
            }
            for (int i = start; i < end; i++) {
                if (chars[i] < 0x21 || chars[i] > 0x7E) {
                    return null;
                }
            }
            return "Bearer " + new String(chars, start, end - start);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    private static ScimCheck fromStatus(int status, String body, URI uri) {
        if (status >= 200 && status < 300) {
            if (body != null && body.contains(SCIM_SCHEMA)) {
                return new ScimCheck(Outcome.OK, "The SCIM endpoint accepted the token.", "");
            }
            return new ScimCheck(Outcome.UNEXPECTED, "The address " + uri.getHost() + " answered (HTTP " + status
                    + "), but not like a SCIM service.", COPY_ENDPOINT);
        }
        return switch (status) {
            case 401, 403 -> new ScimCheck(Outcome.UNAUTHORIZED, "AWS refused the token (HTTP " + status
                    + "): it is wrong, expired or revoked, or belongs to another endpoint.", NEW_TOKEN);
            case 404 -> new ScimCheck(Outcome.NOT_FOUND, "There is no SCIM service at " + uri
                    + " (HTTP 404): the endpoint URL is wrong.", COPY_ENDPOINT);
            case 429 -> new ScimCheck(Outcome.UNEXPECTED, "AWS is limiting requests right now (HTTP 429).",
                    "Wait a minute and check again.");
            default -> status >= 500
                    ? new ScimCheck(Outcome.UNEXPECTED, "The SCIM endpoint had a server error (HTTP " + status + ").",
                    "Try again in a few minutes; if it persists, check the AWS Health Dashboard.")
                    : new ScimCheck(Outcome.UNEXPECTED, "The SCIM endpoint answered with an unexpected HTTP " + status
                    + ".", COPY_ENDPOINT);
        };
    }

    private ScimCheck fromFailure(IOException e, URI uri) {
        String host = uri.getHost();
        if (causedBy(e, UnknownHostException.class) || causedBy(e, UnresolvedAddressException.class)) {
            return new ScimCheck(Outcome.DNS_FAILURE, "The host name " + host + " could not be found (DNS).",
                    "Check the endpoint for typos and that this computer is online. " + COPY_ENDPOINT);
        }
        if (causedBy(e, SSLException.class)) {
            return new ScimCheck(Outcome.TLS_FAILURE, "A secure (TLS) connection to " + host + " could not be set up.",
                    "Check the endpoint starts with https://scim. — if it does, a proxy or firewall may be "
                            + "intercepting HTTPS: ask your network administrator.");
        }
        if (e instanceof HttpConnectTimeoutException || causedBy(e, ConnectException.class)
                || causedBy(e, NoRouteToHostException.class)) {
            return new ScimCheck(Outcome.UNREACHABLE, "FedPilot could not connect to " + host + ".",
                    "Check this computer is online and that a firewall or proxy allows HTTPS to " + host + ".");
        }
        if (e instanceof HttpTimeoutException) {
            return new ScimCheck(Outcome.UNREACHABLE, host + " did not answer within "
                    + Math.max(1, requestTimeout.toSeconds()) + " seconds.", "Check the network and try again.");
        }
        return new ScimCheck(Outcome.UNEXPECTED, "The SCIM check failed (" + e.getClass().getSimpleName() + ").",
                "Try again; if it keeps failing, the log has the details.");
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
