package dev.fedpilot.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.fedpilot.port.StateStore;

import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps documents in memory as JSON text, so they round-trip exactly as on disk: for the sandbox's
 * throw-away sessions and for tests.
 */
public final class MemoryStateStore implements StateStore {
    private final Map<String, String> documents = new ConcurrentHashMap<>();
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Override
    public <T> Optional<T> load(String name, Class<T> type) {
        String text = documents.get(name);
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(text, type));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void save(String name, Object document) {
        try {
            documents.put(name, json.writeValueAsString(document));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void delete(String name) {
        documents.remove(name);
    }

    /** The raw text of a document, for tests that check what would be written. */
    public Optional<String> raw(String name) {
        return Optional.ofNullable(documents.get(name));
    }
}
