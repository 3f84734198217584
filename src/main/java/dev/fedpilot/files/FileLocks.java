package dev.fedpilot.files;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * An exclusive claim on a file between processes (an OS file lock), e.g. so that two FedPilot instances do not both
 * edit one journal. Claims inside this process are tracked here too: a file lock is per process, and closing a
 * second channel on the same file would release the first one's lock on some systems.
 */
public final class FileLocks {
    private static final Set<Path> HELD = new HashSet<>();

    private FileLocks() {
    }

    /** Claims {@code lockFile} (created empty, owner-only); empty when another process, or this one, holds it. */
    public static Optional<Closeable> tryLock(Path lockFile) throws IOException {
        Path file = lockFile.toAbsolutePath().normalize();
        synchronized (HELD) {
            if (HELD.contains(file)) {
                return Optional.empty();
            }
            PrivateFolders.create(file.getParent());
            FileChannel channel = AtomicFiles.POSIX
                    ? FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                    PosixFilePermissions.asFileAttribute(AtomicFiles.FILE_0600))
                    : FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException | IOException e) {
                channel.close();
                throw e instanceof IOException io ? io : new IOException(e);
            }
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            HELD.add(file);
            return Optional.of(() -> {
                synchronized (HELD) {
                    if (HELD.remove(file)) {
                        lock.release();
                        channel.close();
                    }
                }
            });
        }
    }
}
