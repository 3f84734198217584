package dev.fedpilot.aws.signin;

import dev.fedpilot.files.AtomicFiles;
import dev.fedpilot.files.Access;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.CloudException.Problem;
import dev.fedpilot.domain.Secret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The SSO token cache in the AWS CLI's format ({@code ~/.aws/sso/cache/<sha1>.json}), so that {@code aws} and
 * FedPilot share one sign-in. Files are written atomically and readable by the owner only (600).
 */
public final class SsoTokenCache {

    private static final Logger LOG = LoggerFactory.getLogger(SsoTokenCache.class);
    /** The CLI writes seconds precision with a literal Z. */
    private static final DateTimeFormatter CLI_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path directory;
    private final ObjectMapper json = new ObjectMapper();

    public SsoTokenCache(Path directory) {
        this.directory = directory;
    }

    public Path fileFor(SsoSessionConfig session) {
        return directory.resolve(session.cacheKey() + ".json");
    }

    /** The cached token, or empty when there is none or it cannot be read (then the user signs in again). */
    public Optional<SsoToken> load(SsoSessionConfig session) {
        Path file = fileFor(session);
        Optional<JsonNode> read = read(file, "SSO token cache file");
        if (read.isEmpty()) {
            return Optional.empty();
        }
        JsonNode node = read.get();
        String accessToken = text(node, "accessToken");
        Optional<Instant> expiresAt = time(node, "expiresAt");
        if (accessToken == null || expiresAt.isEmpty()) {
            LOG.warn("Ignoring SSO token cache file {}: no accessToken or expiresAt", file);
            return Optional.empty();
        }
        return Optional.of(new SsoToken(
                textOr(node, "startUrl", session.startUrl()), textOr(node, "region", session.region()),
                Secret.of(accessToken), expiresAt.get(),
                Optional.ofNullable(text(node, "clientId")),
                Optional.ofNullable(text(node, "clientSecret")).map(Secret::of),
                time(node, "registrationExpiresAt"),
                Optional.ofNullable(text(node, "refreshToken")).map(Secret::of)));
    }

    /** Writes the token where the CLI looks for it: temp file (600) in the same directory, then an atomic move. */
    public void store(SsoSessionConfig session, SsoToken token) {
        ObjectNode node = json.createObjectNode();
        node.put("startUrl", token.startUrl());
        node.put("region", token.region());
        node.put("accessToken", token.accessToken().revealAsString());
        node.put("expiresAt", CLI_TIME.format(token.expiresAt().truncatedTo(ChronoUnit.SECONDS)));
        token.clientId().ifPresent(id -> node.put("clientId", id));
        token.clientSecret().ifPresent(secret -> node.put("clientSecret", secret.revealAsString()));
        token.registrationExpiresAt().ifPresent(at -> node.put("registrationExpiresAt", CLI_TIME.format(at)));
        token.refreshToken().ifPresent(refresh -> node.put("refreshToken", refresh.revealAsString()));
        Path file = fileFor(session);
        write(file, node);
        LOG.info("Saved the IAM Identity Center token for {} to {} (valid until {})", session.label(), file,
                token.expiresAt());
    }

    /**
     * The client registration of an earlier sign-in, as the AWS CLI keeps its own (a separate file of the same
     * directory): FedPilot registers again only when there is none or it expires within {@code margin}.
     */
    Optional<OidcRegistration> loadRegistration(String key, Instant now, java.time.Duration margin) {
        Path file = directory.resolve(sha1(key) + ".json");
        Optional<JsonNode> read = read(file, "client registration file");
        if (read.isEmpty()) {
            return Optional.empty();
        }
        JsonNode node = read.get();
        String clientId = text(node, "clientId");
        String clientSecret = text(node, "clientSecret");
        Optional<Instant> expires = time(node, "expiresAt");
        if (clientId == null || clientSecret == null || expires.isEmpty() || !expires.get().isAfter(now.plus(margin))) {
            return Optional.empty();
        }
        return Optional.of(new OidcRegistration(clientId, Secret.of(clientSecret), expires.get()));
    }

    void storeRegistration(String key, OidcRegistration registration, java.util.List<String> scopes) {
        ObjectNode node = json.createObjectNode();
        node.put("clientId", registration.clientId());
        node.put("clientSecret", registration.clientSecret().revealAsString());
        node.put("expiresAt", CLI_TIME.format(registration.expiresAt().truncatedTo(ChronoUnit.SECONDS)));
        scopes.forEach(node.putArray("scopes")::add);
        write(directory.resolve(sha1(key) + ".json"), node);
    }

    /** Temp file (600) in the same directory, then an atomic move: a reader never sees half a file. */
    private void write(Path file, ObjectNode node) {
        try {
            AtomicFiles.write(file, Access.OWNER_ONLY, out -> out.write(json.writeValueAsBytes(node)));
        } catch (IOException e) {
            LOG.warn("Cannot write the SSO cache file {}", file, e);
            throw new CloudException(Problem.UNEXPECTED, "FedPilot could not save the AWS sign-in to " + file + ".",
                    "Check that you can write to " + directory + " and that the disk is not full.", null, e);
        }
    }

    private static String sha1(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() || value.asText().isEmpty() ? null : value.asText();
    }

    private static String textOr(JsonNode node, String field, String fallback) {
        String value = text(node, field);
        return value == null ? fallback : value;
    }

    /** Accepts the CLI's {@code ...Z}, the SDK's fractional seconds, {@code +00:00} and old {@code ...UTC} values. */
    static Optional<Instant> time(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            return Optional.empty();
        }
        String normalized = value.endsWith("UTC") ? value.substring(0, value.length() - 3) + "Z" : value;
        try {
            return Optional.of(OffsetDateTime.parse(normalized).toInstant());
        } catch (DateTimeParseException e) {
            LOG.debug("Unparseable {} in the SSO token cache", field);
            return Optional.empty();
        }
    }

    /** A cache file as JSON; empty when it is missing, or unreadable (said in the log, never its content). */
    private Optional<JsonNode> read(Path file, String what) {
        try {
            return Optional.of(json.readTree(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("Ignoring unreadable {} {} ({})", what, file, e.getClass().getSimpleName());
            return Optional.empty();
        }
    }
}
