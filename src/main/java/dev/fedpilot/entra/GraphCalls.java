package dev.fedpilot.entra;

import dev.fedpilot.text.Messages;
import com.azure.core.exception.ClientAuthenticationException;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.kiota.ApiException;
import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.CloudException.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Runs Graph calls and turns their failures into {@link CloudException}s a user can act on; stops with a
 * {@link CancellationException} when the calling thread is interrupted.
 */
final class GraphCalls {
    private static final Logger log = LoggerFactory.getLogger(GraphCalls.class);
    /** How long after instantiate a 404 means "not replicated yet" rather than "gone". */
    static final Duration CONSISTENCY_WINDOW = Duration.ofMinutes(5);

    /** Graph's code for a tenant without Entra ID P1/P2 asking for audit or provisioning logs. */
    static final String NO_PREMIUM_LICENCE = "Authentication_RequestFromNonPremiumTenantOrB2CTenant";

    private final Clock clock;
    private final DelegatedScopes scopes;
    private final Map<String, Instant> created = new ConcurrentHashMap<>();

    GraphCalls(Clock clock) {
        this(clock, null);
    }

    /** @param scopes the client's growing scope set, or null when the token is fixed */
    GraphCalls(Clock clock, DelegatedScopes scopes) {
        this.clock = clock;
        this.scopes = scopes;
    }

    /** Remembers objects this adapter just created, so their 404s read as NOT_YET_AVAILABLE. */
    void justCreated(String... objectIds) {
        Instant now = clock.instant();
        for (String id : objectIds) {
            if (id != null) {
                created.put(id, now);
            }
        }
    }

    boolean recentlyCreated(Collection<String> objectIds) {
        Instant now = clock.instant();
        return objectIds.stream().filter(Objects::nonNull).map(created::get).filter(Objects::nonNull)
                .anyMatch(at -> at.plus(CONSISTENCY_WINDOW).isAfter(now));
    }

    <T> T call(GraphOperation op, Supplier<T> call) {
        return call(op, List.of(), null, call);
    }

    void run(GraphOperation op, Runnable call) {
        call(op, List.of(), null, () -> {
            call.run();
            return null;
        });
    }

    /**
     * @param objectIds ids the call touches (for NOT_YET_AVAILABLE after instantiate)
     * @param secret    text that must not reach a message or log even if Graph echoes it; may be null
     */
    <T> T call(GraphOperation op, Collection<String> objectIds, String secret, Supplier<T> call) {
        checkInterrupted();
        require(op);
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw translate(op, e, objectIds, secret);
        }
    }

    /** Like {@link #call} but a 404 means "absent". */
    <T> Optional<T> find(GraphOperation op, Supplier<T> call) {
        checkInterrupted();
        require(op);
        try {
            return Optional.ofNullable(call.get());
        } catch (RuntimeException e) {
            if (e instanceof ApiException api && api.getResponseStatusCode() == 404) {
                return Optional.empty();
            }
            throw translate(op, e, List.of(), null);
        }
    }

    /** Incremental consent: the first call of a feature adds the scopes it needs to the next token request. */
    private void require(GraphOperation op) {
        if (scopes != null && scopes.require(op.scopes())) {
            log.info("Asking Entra for {} (first {})", op.scopes(), op);
        }
    }

    static void checkInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("interrupted");
        }
    }

    RuntimeException translate(GraphOperation op, RuntimeException e, Collection<String> objectIds, String secret) {
        if (e instanceof CloudException || e instanceof CancellationException) {
            return e;
        }
        String action = Messages.english().get(op.messageKey());
        if (Thread.currentThread().isInterrupted() || causedByInterrupt(e)) {
            CancellationException cancelled = new CancellationException("interrupted while trying to " + action);
            cancelled.initCause(e);
            return cancelled;
        }
        if (e instanceof ApiException api) {
            return fromStatus(op, action, api, objectIds, secret);
        }
        if (cause(e, ClientAuthenticationException.class) != null) {
            log.warn("Entra sign-in failed during {}", op);
            return new CloudException(Problem.UNAUTHENTICATED,
                    Messages.english().get("entra.error.unauthenticated", action, redact(rootMessage(e), secret)),
                    Messages.english().get("entra.fix.unauthenticated"), null, null);
        }
        if (cause(e, IOException.class) != null) {
            String detail = redact(rootMessage(e), secret);
            log.warn("Graph unreachable during {}: {}", op, detail);
            return new CloudException(Problem.UNAVAILABLE, Messages.english().get("entra.error.unavailable", action, detail),
                    Messages.english().get("entra.fix.unavailable"), null, null);
        }
        String detail = redact(rootMessage(e), secret);
        log.warn("Unexpected failure during {}: {}", op, detail);
        return new CloudException(Problem.UNEXPECTED, Messages.english().get("entra.error.unexpected", action, detail),
                Messages.english().get("entra.fix.unexpected"), null, null);
    }

    private CloudException fromStatus(GraphOperation op, String action, ApiException api, Collection<String> objectIds,
                                      String secret) {
        int status = api.getResponseStatusCode();
        String code = null;
        String graphMessage = null;
        if (api instanceof ODataError odata && odata.getError() != null) {
            code = odata.getError().getCode();
            graphMessage = odata.getError().getMessage();
        }
        String detail = redact(graphMessage == null || graphMessage.isBlank()
                ? Messages.english().get("entra.error.noDetails") : graphMessage.strip(), secret);
        log.info("Graph answered {} ({}) during {}: {}", status, code, op, detail);
        if (op == GraphOperation.VALIDATE_CREDENTIALS && status == 400) {
            // Graph answers 400 when it cannot reach the SCIM endpoint with the token
            return new CloudException(Problem.UNAUTHENTICATED, Messages.english().get("entra.error.credentials", detail),
                    Messages.english().get("entra.fix.credentials"), null, null);
        }
        return switch (status) {
            case 401 -> new CloudException(Problem.UNAUTHENTICATED,
                    Messages.english().get("entra.error.unauthenticated", action, detail),
                    Messages.english().get("entra.fix.unauthenticated"), null, null);
            case 403 -> forbidden(op, action, detail, code, header(api, GrantedScopesHeader.HEADER));
            case 404 -> recentlyCreated(objectIds)
                    ? new CloudException(Problem.NOT_YET_AVAILABLE,
                    Messages.english().get("entra.error.notYetAvailable", action),
                    Messages.english().get("entra.fix.notYetAvailable"), null, null)
                    : new CloudException(Problem.NOT_FOUND, Messages.english().get("entra.error.notFound", action, detail),
                    Messages.english().get("entra.fix.notFound"), null, null);
            case 409, 412 -> new CloudException(Problem.CONFLICT,
                    Messages.english().get("entra.error.conflict", action, detail),
                    Messages.english().get("entra.fix.conflict"), null, null);
            case 429 -> CloudException.throttled(Messages.english().get("entra.error.throttled", action),
                    retryAfter(api).orElse(Duration.ofSeconds(30)));
            default -> status >= 500
                    ? new CloudException(Problem.UNAVAILABLE, Messages.english().get("entra.error.unavailable", action, detail),
                    Messages.english().get("entra.fix.unavailable"), retryAfter(api).orElse(null), null)
                    : status >= 400
                    ? new CloudException(Problem.INVALID_INPUT, Messages.english().get("entra.error.invalid", action, detail),
                    Messages.english().get("entra.fix.invalid"), null, null)
                    : new CloudException(Problem.UNEXPECTED, Messages.english().get("entra.error.unexpected", action, detail),
                    Messages.english().get("entra.fix.unexpected"), null, null);
        };
    }

    /**
     * Graph's 403 body rarely names the scope: compare the token's scp claim (copied onto the response by
     * {@link GrantedScopesHeader}) with what the operation needs. Missing → offer consent for it; present → the
     * directory role is what is missing; unknown (an opaque token) → name both.
     */
    private CloudException forbidden(GraphOperation op, String action, String detail, String code,
                                     Optional<String> grantedHeader) {
        if (NO_PREMIUM_LICENCE.equals(code)) {
            return new CloudException(Problem.FORBIDDEN, Messages.english().get("entra.error.noPremiumLicence", action),
                    Messages.english().get("entra.fix.noPremiumLicence"), null, new NoPremiumLicence());
        }
        if (grantedHeader.isPresent()) {
            List<String> missing = GraphScopes.missing(op.scopes(), GrantedScopesHeader.parse(grantedHeader.get()));
            if (!missing.isEmpty()) {
                String names = String.join(", ", missing);
                boolean azureCli = scopes != null && scopes.presetOnlyClient();
                return new CloudException(Problem.FORBIDDEN, Messages.english().get("entra.error.consent", action, names),
                        Messages.english().get(azureCli ? "entra.fix.consent.azureCli" : "entra.fix.consent", names),
                        null, null);
            }
            if (op.role != GraphOperation.Role.NONE) {
                return new CloudException(Problem.FORBIDDEN, Messages.english().get("entra.error.role", action, detail,
                        String.join(", ", op.scopes()), op.role.displayName),
                        Messages.english().get("entra.fix.role", op.role.displayName), null, null);
            }
        }
        boolean needsRole = op.role != GraphOperation.Role.NONE;
        String message = needsRole
                ? Messages.english().get("entra.error.forbidden", action, detail, op.permission, op.role.displayName)
                : Messages.english().get("entra.error.forbidden.noRole", action, detail, op.permission);
        String fix = needsRole
                ? Messages.english().get("entra.fix.forbidden", op.permission, op.role.displayName)
                : Messages.english().get("entra.fix.forbidden.noRole", op.permission);
        return new CloudException(Problem.FORBIDDEN, message, fix, null, null);
    }

    /** A 403 that only a P1/P2 licence would lift (audit and provisioning logs). */
    static boolean noPremiumLicence(CloudException e) {
        return e.getCause() instanceof NoPremiumLicence;
    }

    /** Marks the licence 403 apart from a permission 403. */
    private static final class NoPremiumLicence extends RuntimeException {
        NoPremiumLicence() {
            super(NO_PREMIUM_LICENCE, null, false, false);
        }
    }

    private static Optional<String> header(ApiException api, String name) {
        if (api.getResponseHeaders() == null) {
            return Optional.empty();
        }
        for (Map.Entry<String, Set<String>> header : api.getResponseHeaders().entrySet()) {
            if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
                return Optional.of(header.getValue().iterator().next());
            }
        }
        return Optional.empty();
    }

    static Optional<Duration> retryAfter(ApiException api) {
        if (api.getResponseHeaders() == null) {
            return Optional.empty();
        }
        for (Map.Entry<String, Set<String>> header : api.getResponseHeaders().entrySet()) {
            if (header.getKey().equalsIgnoreCase("Retry-After") && !header.getValue().isEmpty()) {
                return RetryPolicy.parseRetryAfter(header.getValue().iterator().next(), Instant.now());
            }
        }
        return Optional.empty();
    }

    static String redact(String text, String secret) {
        if (text == null || secret == null || secret.isEmpty()) {
            return text;
        }
        return text.replace(secret, "[redacted]");
    }

    private static boolean causedByInterrupt(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException || t instanceof ThrottleRetryInterceptor.WaitInterrupted) {
                return true;
            }
        }
        return false;
    }

    private static <X extends Throwable> X cause(Throwable e, Class<X> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
