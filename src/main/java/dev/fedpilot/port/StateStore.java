package dev.fedpilot.port;

import java.util.Optional;

/**
 * Small documents FedPilot keeps between runs (setup progress, window placement, pending changes).
 * Saves are atomic: a crash leaves the old or the new document, never half of one. Never pass a secret.
 */
public interface StateStore {

    <T> Optional<T> load(String name, Class<T> type);

    void save(String name, Object document);

    void delete(String name);

    /**
     * Where an unreadable copy of {@code name} was moved during this run, if {@link #load} found one: it is kept,
     * never overwritten, and the user is told where it went.
     */
    default Optional<String> setAside(String name) {
        return Optional.empty();
    }

    /**
     * Claims {@code name} for this instance of FedPilot until the returned handle is closed, so that two instances
     * on one settings folder do not overwrite each other's edits. Empty when another instance holds it.
     */
    default Optional<AutoCloseable> claim(String name) {
        return Optional.of(() -> { });
    }
}
