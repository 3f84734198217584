package dev.fedpilot.scim;

import dev.fedpilot.domain.ScimCheck;
import dev.fedpilot.domain.ScimCheck.Outcome;
import dev.fedpilot.domain.ScimEndpoint;
import dev.fedpilot.domain.Secret;
import dev.fedpilot.port.ScimProbe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLException;
import java.io.ByteArrayOutputStream;
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
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Checks a SCIM endpoint and token with {@code GET {base}/ServiceProviderConfig}: read-only, returns no user data,
 * and AWS documents it answers 401 for a wrong token or a wrong tenant id in the URL. The token goes into the
 * Authorization header only; no message, log line or exception carries it. The whole check (connect, headers and
 * body) ends within one deadline and reads at most {@link #MAX_BODY_BYTES}: a server that trickles or floods its
 * answer is a failed check, never a hang or an out-of-memory.
 */
public final class HttpScimProbe implements ScimProbe {
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** For the whole check: the JDK's request timeout stops at the headers, so a trickling body needs its own. */
    public static final Duration DEADLINE = Duration.ofSeconds(15);
    /** A ServiceProviderConfig is about 1 KB; anything past this is not one. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(HttpScimProbe.class);
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");
    private static final String SCIM_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
    private static final String NEW_TOKEN = "In the IAM Identity Center console open Settings → Automatic provisioning, "
            + "generate a new access token, and paste it together with the SCIM endpoint shown there "
            + "(a token works only with its own endpoint).";
    private static final String COPY_ENDPOINT = "Copy the SCIM endpoint again from the IAM Identity Center console "
            + "(Settings → Automatic provisioning); it looks like https://scim.<region>.amazonaws.com/<id>/scim/v2.";

    private final HttpClient client;
    private final Duration deadline;
    private final int maxBodyBytes;

    public HttpScimProbe() {
        this(defaultClient(), DEADLINE);
    }

    /** For tests and proxies: the client decides TLS and connect timeout, {@code deadline} the whole check. */
    public HttpScimProbe(HttpClient client, Duration deadline) {
        this(client, deadline, MAX_BODY_BYTES);
    }

    HttpScimProbe(HttpClient client, Duration deadline, int maxBodyBytes) {
        this.client = Objects.requireNonNull(client, "client");
        this.deadline = Objects.requireNonNull(deadline, "deadline");
        this.maxBodyBytes = maxBodyBytes;
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
            request = HttpRequest.newBuilder(uri).GET().timeout(deadline)
                    .header("Authorization", authorization)
                    .header("Accept", "application/scim+json, application/json")
                    .build();
        } catch (IllegalArgumentException e) {
            // The JDK's message may quote the header value, so it is not passed on.
            return new ScimCheck(Outcome.UNAUTHORIZED, "The token contains characters an HTTP header cannot carry.",
                    NEW_TOKEN);
        }
        CompletableFuture<HttpResponse<String>> answer =
                client.sendAsync(request, info -> new LimitedBody(maxBodyBytes));
        try {
            HttpResponse<String> response = answer.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
            ScimCheck check = fromStatus(response.statusCode(), response.body(), uri);
            LOG.info("SCIM check of {}: HTTP {} → {}", uri, response.statusCode(), check.outcome());
            return check;
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new CancellationException("SCIM check cancelled");
        } catch (TimeoutException e) {
            answer.cancel(true);
            LOG.info("SCIM check of {} did not finish within {}", uri, deadline);
            return new ScimCheck(Outcome.UNREACHABLE, uri.getHost() + " did not answer in full within "
                    + seconds() + " seconds: the answer came too slowly or never ended.", "Check the network and try again; if it keeps happening, a proxy "
                    + "may be holding the connection open.");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (causedBy(cause, BodyTooLarge.class)) {
                LOG.info("SCIM check of {}: answer longer than {} bytes", uri, maxBodyBytes);
                return new ScimCheck(Outcome.UNEXPECTED, "The address " + uri.getHost() + " answered with more than "
                        + maxBodyBytes / 1024 + " KB, which no SCIM service does for this request.", COPY_ENDPOINT);
            }
            IOException io = cause instanceof IOException ioe ? ioe : new IOException(cause);
            ScimCheck check = fromFailure(io, uri);
            LOG.info("SCIM check of {} failed → {} ({})", uri, check.outcome(), io.getClass().getName());
            LOG.debug("SCIM check failure detail", io);
            return check;
        }
    }

    private long seconds() {
        return Math.max(1, deadline.toSeconds());
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
                    + seconds() + " seconds.", "Check the network and try again.");
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

    /** The answer was longer than the probe reads. */
    static final class BodyTooLarge extends IOException {
        BodyTooLarge() {
            super("answer body too large");
        }
    }

    /** Collects the body up to a limit, then cancels the stream: a flooding server costs at most the limit. */
    static final class LimitedBody implements HttpResponse.BodySubscriber<String> {
        private final CompletableFuture<String> body = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final int limit;
        private Flow.Subscription subscription;

        LimitedBody(int limit) {
            this.limit = limit;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer b : buffers) {
                if (bytes.size() + b.remaining() > limit) {
                    subscription.cancel();
                    body.completeExceptionally(new BodyTooLarge());
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable failure) {
            body.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            body.complete(bytes.toString(StandardCharsets.UTF_8));
        }

        @Override
        public CompletionStage<String> getBody() {
            return body;
        }
    }
}
