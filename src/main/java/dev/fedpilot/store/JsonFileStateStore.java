package dev.fedpilot.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.fedpilot.domain.CloudException;
import dev.fedpilot.files.Access;
import dev.fedpilot.files.AtomicFiles;
import dev.fedpilot.files.FileLocks;
import dev.fedpilot.files.PrivateFolders;
import dev.fedpilot.port.StateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Keeps each document as {@code <dir>/<name>.json}, owner-only, written through {@link AtomicFiles} so a crash
 * leaves either the old or the new document. A document that cannot be read is set aside under a name of its own
 * (never over an earlier one), and {@link #setAside} says where, so the user can be told.
 */
public final class JsonFileStateStore implements StateStore {
    private static final Logger LOG = LoggerFactory.getLogger(JsonFileStateStore.class);
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);
    private final Path directory;
    private final Map<String, String> setAside = new ConcurrentHashMap<>();
    private ObjectMapper json;

    public JsonFileStateStore(Path directory) {
        this.directory = directory;
    }

    /** Built on first use: Jackson takes a noticeable part of a second to set up, and a first start reads nothing. */
    private synchronized ObjectMapper json() {
        if (json == null) {
            json = new ObjectMapper()
                    .registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(SerializationFeature.INDENT_OUTPUT);
        }
        return json;
    }

    /** The user's config directory: {@code fedpilot.home}, else $XDG_CONFIG_HOME/fedpilot, else ~/.config/fedpilot. */
    public static Path defaultDirectory() {
        String home = System.getProperty("fedpilot.home");
        if (home != null && !home.isBlank()) {
            return Path.of(home);
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("fedpilot");
    }

    public Path directory() {
        return directory;
    }

    @Override
    public <T> Optional<T> load(String name, Class<T> type) {
        Path file = file(name);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(json().readValue(file.toFile(), type));
        } catch (IOException e) {
            String stamp = file.getFileName() + "." + STAMP.format(Instant.now());
            Path aside = file.resolveSibling(stamp + ".unreadable");
            try {
                // no REPLACE_EXISTING: an earlier copy set aside stays, even one set aside in the same instant
                for (int n = 2; Files.exists(aside, java.nio.file.LinkOption.NOFOLLOW_LINKS); n++) {
                    aside = file.resolveSibling(stamp + "-" + n + ".unreadable");
                }
                Files.move(file, aside);
                setAside.put(name, aside.toString());
                LOG.warn("could not read {}; moved it to {}", file, aside, e);
            } catch (IOException moveFailed) {
                LOG.warn("could not read {} nor set it aside", file, moveFailed);
                throw new CloudException(CloudException.Problem.UNEXPECTED, "Could not read " + file + ".",
                        "Move the file away yourself and start FedPilot again.", null, e);
            }
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> setAside(String name) {
        return Optional.ofNullable(setAside.get(name));
    }

    @Override
    public void save(String name, Object document) {
        Path file = file(name);
        try {
            AtomicFiles.write(file, Access.OWNER_ONLY, out -> json().writeValue(out, document));
        } catch (IOException e) {
            throw new CloudException(CloudException.Problem.UNEXPECTED, "Could not save " + file + ": " + e.getMessage(),
                    "Check that the folder " + directory + " is writable and the disk is not full.", null, e);
        }
    }

    /** An OS file lock on {@code <name>.lock}: another process holding it means another FedPilot has it open. */
    @Override
    public Optional<AutoCloseable> claim(String name) {
        file(name); // the same name rules as documents
        try {
            return FileLocks.tryLock(directory.resolve(name + ".lock")).map(lock -> lock::close);
        } catch (IOException e) {
            throw new CloudException(CloudException.Problem.UNEXPECTED, "Could not lock " + name + " in " + directory
                    + ": " + e.getMessage(), "Check that the folder is writable.", null, e);
        }
    }

    /** Narrows the folder and everything in it to its owner (0700 / 0600): settings of older versions were 0644. */
    public void tighten() {
        try {
            PrivateFolders.tighten(directory);
        } catch (IOException e) {
            LOG.warn("could not make {} owner-only", directory, e);
        }
    }

    @Override
    public void delete(String name) {
        try {
            Files.deleteIfExists(file(name));
        } catch (IOException e) {
            LOG.warn("could not delete {}", name, e);
        }
    }

    private Path file(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a document name: " + name);
        }
        return directory.resolve(name + ".json");
    }
}
