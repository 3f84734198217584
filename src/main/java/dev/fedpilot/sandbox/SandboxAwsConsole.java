package dev.fedpilot.sandbox;

import dev.fedpilot.domain.CertificateInfo;
import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.CloudException.Problem;
import dev.fedpilot.domain.IdcInstance;
import dev.fedpilot.domain.ScimEndpoint;
import dev.fedpilot.domain.Secret;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The IAM Identity Center console of the sandbox: the steps AWS offers only there (SP metadata download, IdP
 * metadata upload, SCIM endpoint and tokens). No latency or throttling: these stand for a person's clicks.
 * Thread-safe through the world's lock.
 */
public final class SandboxAwsConsole {
    /** AWS allows this many SCIM tokens at a time, expired ones included. */
    public static final int MAX_SCIM_TOKENS = 2;

    /** A SCIM access token as the console lists it (never its text). */
    public record ScimTokenInfo(String id, Instant createdAt, Instant expiresAt) {
        public boolean expiredAt(Instant now) {
            return !now.isBefore(expiresAt);
        }
    }

    private record StoredToken(ScimTokenInfo info, byte[] digest) {
    }

    private final SandboxWorld world;
    private final Random random;
    private final String acsId;
    private final ScimEndpoint scimEndpoint;
    private final List<StoredToken> tokens = new ArrayList<>();
    private CertificateInfo idpCertificate;

    SandboxAwsConsole(SandboxWorld world, Random random) {
        this.world = world;
        this.random = random;
        this.acsId = Names.guid(random);
        this.scimEndpoint = new ScimEndpoint(URI.create("https://scim." + instance().region() + ".amazonaws.com/"
                + Names.hex(random, 11) + "-" + Names.guid(random) + "/scim/v2"));
    }

    public IdcInstance instance() {
        return IdentityStore.INSTANCE;
    }

    // --- SAML -------------------------------------------------------------------------------------------------

    public String samlEntityId() {
        return "https://" + instance().region() + ".signin.aws.amazon.com/platform/saml/" + instance().identityStoreId();
    }

    public String samlAcsUrl() {
        return "https://" + instance().region() + ".signin.aws.amazon.com/platform/saml/acs/" + acsId;
    }

    /** The "Download metadata file" of Settings → Identity source → Change identity source. */
    public String spMetadataXml() {
        return SamlMetadataXml.awsServiceProvider(samlEntityId(), samlAcsUrl(), SandboxCertificates.AWS_SP);
    }

    /**
     * Uploads the IdP metadata and switches the identity source to the external IdP. Accepts the federation
     * metadata of the sandbox Entra tenant; anything else fails with INVALID_INPUT, as AWS refuses it.
     */
    public void uploadIdpMetadata(String xml) {
        String expected = SamlMetadataXml.entraEntityId(EntraSeed.TENANT_ID);
        world.changing(() -> {
            idpCertificate = IdpMetadataCheck.check(xml, expected, world.now());
        });
    }

    public boolean externalIdpConfigured() {
        return world.locked(() -> idpCertificate != null);
    }

    /** The IdP signing certificate AWS trusts since the last upload. */
    public Optional<CertificateInfo> idpCertificate() {
        return world.locked(() -> Optional.ofNullable(idpCertificate));
    }

    // --- SCIM -------------------------------------------------------------------------------------------------

    public ScimEndpoint scimEndpoint() {
        return scimEndpoint;
    }

    /** "Generate token": valid one year; a third token while two exist is refused like in the console. */
    public Secret generateScimToken() {
        return world.changing(() -> {
            if (idpCertificate == null) {
                throw new CloudException(Problem.CONFLICT, "Automatic provisioning is available only with an "
                        + "external identity provider.", "Change the identity source to External identity provider "
                        + "(upload the Entra federation metadata) first.");
            }
            if (tokens.size() >= MAX_SCIM_TOKENS) {
                throw new CloudException(Problem.CONFLICT, "You already have " + MAX_SCIM_TOKENS
                        + " SCIM access tokens; AWS allows at most " + MAX_SCIM_TOKENS + " at a time.",
                        "Delete the oldest token under Settings → Automatic provisioning → Manage access tokens, "
                                + "then generate a new one.");
            }
            byte[] raw = new byte[96];
            random.nextBytes(raw);
            Secret token = Secret.of(Base64.getEncoder().encodeToString(raw));
            Instant now = world.now();
            ScimTokenInfo info = new ScimTokenInfo(Names.guid(random), now, now.atOffset(ZoneOffset.UTC).plusYears(1)
                    .toInstant());
            tokens.add(new StoredToken(info, digest(token)));
            return token;
        });
    }

    /**
     * The rehearsal's "Generate token": at the limit of two, first deletes the oldest token no provisioning job
     * uses, as the console asks a person to do. Without this, a rehearsal that was restarted after generating
     * tokens (their text is shown once, never kept) could not get a token again.
     */
    public Secret generateScimTokenMakingRoom() {
        return world.changing(() -> {
            if (tokens.size() >= MAX_SCIM_TOKENS) {
                List<byte[]> inUse = world.apps().all().stream().map(a -> a.savedTokenDigest)
                        .filter(java.util.Objects::nonNull).toList();
                tokens.stream().filter(t -> inUse.stream().noneMatch(d -> MessageDigest.isEqual(d, t.digest())))
                        .min(java.util.Comparator.comparing(t -> t.info().createdAt()))
                        .ifPresent(tokens::remove);
            }
            return generateScimToken();
        });
    }

    public List<ScimTokenInfo> scimTokens() {
        return world.locked(() -> tokens.stream().map(StoredToken::info).toList());
    }

    /** Which of the console's tokens this is, if any. */
    public Optional<ScimTokenInfo> scimToken(Secret token) {
        byte[] digest = digest(token);
        return world.locked(() -> find(digest).map(StoredToken::info));
    }

    /** When the token was generated; NOT_FOUND for a token this console does not have (any more). */
    public Instant scimTokenCreated(Secret token) {
        return scimToken(token).map(ScimTokenInfo::createdAt)
                .orElseThrow(() -> CloudException.notFound("This SCIM token is not one of the instance's tokens."));
    }

    public void deleteScimToken(String tokenId) {
        world.changing(() -> {
            if (!tokens.removeIf(t -> t.info().id().equals(tokenId))) {
                throw CloudException.notFound("No SCIM access token " + tokenId + ".");
            }
        });
    }

    public void deleteScimToken(Secret token) {
        deleteScimToken(scimToken(token).map(ScimTokenInfo::id)
                .orElseThrow(() -> CloudException.notFound("This SCIM token is not one of the instance's tokens.")));
    }

    /** A console URL of the given page: "settings", "identity-source", "provisioning" or "users". */
    public URI consolePage(String what) {
        String base = "https://" + instance().region() + ".console.aws.amazon.com/singlesignon/home?region="
                + instance().region() + "#/instances/" + instance().instanceArn().substring(
                instance().instanceArn().lastIndexOf('/') + 1);
        String page = switch (what == null ? "" : what) {
            case "identity-source" -> "/settings/identity-source/edit";
            case "provisioning" -> "/settings/automatic-provisioning";
            case "users" -> "/users";
            default -> "/settings";
        };
        return URI.create(base + page);
    }

    // --- for the other sandbox parts (caller holds the world's lock) -------------------------------------------

    /** The console's state for a saved world: the trusted IdP certificate and the tokens' ids, dates and digests. */
    WorldSnapshot.Console saved() {
        return new WorldSnapshot.Console(idpCertificate, tokens.stream().map(t -> new WorldSnapshot.Token(
                t.info().id(), t.info().createdAt(), t.info().expiresAt(),
                Base64.getEncoder().encodeToString(t.digest()))).toList());
    }

    /** Back to a saved state, or to the seed's (no IdP, no tokens) for null. */
    void restore(WorldSnapshot.Console saved) {
        tokens.clear();
        idpCertificate = saved == null ? null : saved.idpCertificate();
        if (saved != null && saved.tokens() != null) {
            for (WorldSnapshot.Token token : saved.tokens()) {
                tokens.add(new StoredToken(new ScimTokenInfo(token.id(), token.createdAt(), token.expiresAt()),
                        Base64.getDecoder().decode(token.digest())));
            }
        }
    }

    boolean isScimEndpoint(URI uri) {
        return uri != null && strip(uri.toString()).equals(strip(scimEndpoint.baseAddress().toString()));
    }

    /** True when the endpoint is this instance's and the token is one of its tokens and not expired. */
    boolean accepts(ScimEndpoint endpoint, byte[] tokenDigest, Instant now) {
        return endpoint != null && isScimEndpoint(endpoint.baseAddress()) && tokenDigest != null
                && find(tokenDigest).filter(t -> !t.info().expiredAt(now)).isPresent();
    }

    Optional<ScimTokenInfo> tokenFor(byte[] digest) {
        return find(digest).map(StoredToken::info);
    }

    static byte[] digest(Secret token) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        char[] chars = token.reveal();
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(bytes);
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            Arrays.fill(chars, '\0');
            Arrays.fill(bytes.array(), (byte) 0);
        }
    }

    private Optional<StoredToken> find(byte[] digest) {
        return digest == null ? Optional.empty()
                : tokens.stream().filter(t -> MessageDigest.isEqual(t.digest(), digest)).findFirst();
    }

    private static String strip(String uri) {
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }
}
