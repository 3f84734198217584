package dev.fedpilot.sandbox;

import dev.fedpilot.domain.CloudException;
import dev.fedpilot.port.StateStore;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Where a sandbox world is kept between runs and shared by the processes that open it (the window, the CLI).
 * The world is one document of the given store (written atomically); beside it, {@value #LOCK_FILE} is locked
 * around every change and counts the saves, so each process notices another's change before its next call and
 * never saves over it.
 */
public final class SandboxFolder {
    static final String WORLD_DOCUMENT = "sandbox-world";
    static final String LOCK_FILE = "world.lock";
    /**
     * A FileLock belongs to the whole JVM (a second one throws) and closing any channel on the file drops it, so
     * the worlds of one JVM share one lock file channel, kept open, and queue on one lock before taking the file's.
     */
    private static final ConcurrentHashMap<Path, Shared> IN_PROCESS = new ConcurrentHashMap<>();

    private static final class Shared {
        final ReentrantLock lock = new ReentrantLock();
        FileChannel channel;
    }

    private final StateStore documents;
    private final Path directory;
    private final Shared shared;
    private final ReentrantLock inProcess;

    /** @param documents a store that keeps its documents in {@code directory} */
    public SandboxFolder(StateStore documents, Path directory) {
        this.documents = documents;
        this.directory = directory.toAbsolutePath().normalize();
        this.shared = IN_PROCESS.computeIfAbsent(this.directory, p -> new Shared());
        this.inProcess = shared.lock;
    }

    public Path directory() {
        return directory;
    }

    /**
     * Starts over from the seed: forgets the saved world and everything kept beside it (setup progress, audit
     * log). Worlds open on this folder in other processes go back to the seed at their next call.
     */
    public void reset() {
        exclusively(() -> {
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    if (Files.isRegularFile(file) && !file.getFileName().toString().equals(LOCK_FILE)) {
                        Files.delete(file);
                    }
                }
            } catch (IOException e) {
                throw failure("reset", e);
            }
            stamp(stamp() + 1);
            return null;
        });
    }

    /** Runs {@code action} while no other world, in this process or another, changes this folder. */
    <T> T exclusively(Supplier<T> action) {
        inProcess.lock();
        try {
            if (inProcess.getHoldCount() > 1) {
                return action.get();
            }
            FileLock lock = channel().lock();
            try {
                return action.get();
            } finally {
                lock.release();
            }
        } catch (IOException e) {
            throw failure("lock", e);
        } finally {
            inProcess.unlock();
        }
    }

    /** How many times worlds saved here or were reset; cheap, so it is read before every call. */
    long stamp() {
        ByteBuffer buffer = ByteBuffer.allocate(Long.BYTES);
        try {
            FileChannel c = channel();
            while (buffer.hasRemaining()) {
                if (c.read(buffer, buffer.position()) < 0) {
                    return 0;
                }
            }
        } catch (IOException e) {
            throw failure("read", e);
        }
        return buffer.flip().getLong();
    }

    /** Caller holds {@link #exclusively}. */
    void stamp(long value) {
        ByteBuffer buffer = ByteBuffer.allocate(Long.BYTES).putLong(value).flip();
        try {
            FileChannel c = channel();
            while (buffer.hasRemaining()) {
                c.write(buffer, buffer.position());
            }
        } catch (IOException e) {
            throw failure("write", e);
        }
    }

    Optional<WorldSnapshot> load() {
        return documents.load(WORLD_DOCUMENT, WorldSnapshot.class);
    }

    /** Caller holds {@link #exclusively}. */
    void save(WorldSnapshot world) {
        documents.save(WORLD_DOCUMENT, world);
    }

    private FileChannel channel() throws IOException {
        synchronized (shared) {
            if (shared.channel == null || !shared.channel.isOpen()) {
                Files.createDirectories(directory);
                shared.channel = FileChannel.open(directory.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                        StandardOpenOption.READ, StandardOpenOption.WRITE);
            }
            return shared.channel;
        }
    }

    private CloudException failure(String what, IOException e) {
        return new CloudException(CloudException.Problem.UNEXPECTED, "The sandbox could not " + what + " its folder "
                + directory + ": " + e.getMessage(), "Check that the folder is writable and the disk is not full.",
                null, e);
    }
}
