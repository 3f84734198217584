package dev.fedpilot.entra.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request the fake received, as sent: for assertions on headers (Authorization, ConsistencyLevel),
 * bodies and timing.
 *
 * @param path    decoded path below /v1.0 (or /login), e.g. "/users"
 * @param query   decoded query parameters, e.g. "$top" → "999"
 * @param headers lowercase header names
 */
public record RecordedRequest(String method, String path, List<String> segments, Map<String, String> query,
                              Map<String, List<String>> headers, String body, Instant at) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public String param(String name) {
        return query.get(name);
    }

    int intParam(String name, int fallback) {
        String value = query.get(name);
        return value == null ? fallback : Integer.parseInt(value);
    }

    JsonNode json() {
        try {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String segment(int index) {
        return index < segments.size() ? segments.get(index) : null;
    }
}
