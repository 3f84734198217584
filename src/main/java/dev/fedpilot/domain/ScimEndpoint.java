package dev.fedpilot.domain;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** The SCIM base address AWS generates, e.g. {@code https://scim.eu-west-1.amazonaws.com/<id>/scim/v2}. */
public record ScimEndpoint(URI baseAddress) {
    private static final Pattern AWS_SCIM = Pattern.compile("^https://scim\\.([a-z0-9-]+)\\.amazonaws\\.com/[^/]+/scim/v2/?$");

    public ScimEndpoint {
        Objects.requireNonNull(baseAddress, "baseAddress");
    }

    /** Parses user input; throws {@link IllegalArgumentException} with a message a user can act on. */
    public static ScimEndpoint parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Paste the SCIM endpoint from the AWS console.");
        }
        URI uri;
        try {
            uri = URI.create(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("This is not a URL: " + text.strip());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            throw new IllegalArgumentException("The SCIM endpoint must be an https URL.");
        }
        return new ScimEndpoint(uri);
    }

    /** The AWS region when this has the shape AWS generates. */
    public Optional<String> awsRegion() {
        var m = AWS_SCIM.matcher(baseAddress.toString());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    public boolean looksLikeAws() {
        return awsRegion().isPresent();
    }

    @Override
    public String toString() {
        return baseAddress.toString();
    }
}
