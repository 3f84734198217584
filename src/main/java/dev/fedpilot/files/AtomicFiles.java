package dev.fedpilot.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * Writes whole files so that a crash, a full disk or a kill leaves either the old file or the new one, never half:
 * a temp file in the same folder, fsync of the file, atomic rename over the target, fsync of the folder. The temp
 * file is removed when anything fails. The only class allowed to open files for writing (ArchitectureTest).
 */
public final class AtomicFiles {
    /** The longest file or folder name, in bytes of UTF-8, that common file systems accept. */
    public static final int MAX_NAME_BYTES = 255;
    static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    static final Set<PosixFilePermission> FILE_0600 = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What goes into the file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Replaces {@code target} with what {@code content} writes; creates missing folders (owner-only ones for OWNER_ONLY). */
    public static void write(Path target, Access access, Content content) throws IOException {
        Path file = target.toAbsolutePath();
        checkNames(file);
        refuseNonFile(file);
        Path folder = file.getParent();
        if (access == Access.OWNER_ONLY) {
            PrivateFolders.create(folder);
        } else {
            Files.createDirectories(folder);
        }
        Set<PosixFilePermission> permissions = permissionsFor(file, access);
        // a short random name: a target name near the limit must not push the temp name over it
        Path temp = folder.resolve(".fp-" + HexFormat.of().formatHex(randomBytes()) + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, createOptions(), attributes(permissions))) {
                OutputStream out = new KeptOpen(Channels.newOutputStream(channel));
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            if (POSIX && permissions != null) {
                // the umask may have narrowed the creation mode; AS_BEFORE may ask for more than 0600
                Files.setPosixFilePermissions(temp, permissions);
            }
            move(temp, file);
            syncFolder(folder);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    public static void writeString(Path target, Access access, String text) throws IOException {
        write(target, access, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Appends {@code text} to {@code target} (created owner-only) and fsyncs it: for logs of record such as the
     * audit log, where a crash may cost at most the line being written.
     */
    public static void append(Path target, String text) throws IOException {
        Path file = target.toAbsolutePath();
        checkNames(file);
        refuseNonFile(file);
        PrivateFolders.create(file.getParent());
        boolean existed = Files.exists(file);
        try (FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND), attributes(FILE_0600))) {
            ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
        if (!existed) {
            syncFolder(file.getParent());
        }
    }

    /**
     * Refuses a name longer than {@link #MAX_NAME_BYTES} bytes anywhere in the path, with a message that says so
     * (the OS's own error is a bare "File name too long").
     */
    public static void checkNames(Path path) throws FileNameTooLongException {
        for (Path part : path) {
            String name = part.toString();
            int bytes = name.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_NAME_BYTES) {
                throw new FileNameTooLongException(name, bytes);
            }
        }
    }

    /** Refuses a target that exists and is not a regular file: a device, FIFO or folder is never replaced. */
    public static void refuseNonFile(Path target) throws NotAFileException {
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(target)) {
            throw new NotAFileException(target);
        }
    }

    private static Set<PosixFilePermission> permissionsFor(Path file, Access access) throws IOException {
        if (!POSIX) {
            return null;
        }
        return switch (access) {
            case OWNER_ONLY -> FILE_0600;
            case SHARED -> null;
            case AS_BEFORE -> Files.exists(file) ? Files.getPosixFilePermissions(file) : FILE_0600;
        };
    }

    private static Set<OpenOption> createOptions() {
        return Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    private static FileAttribute<?>[] attributes(Set<PosixFilePermission> permissions) {
        if (!POSIX || permissions == null) {
            return new FileAttribute<?>[0];
        }
        // created no wider than 0600 so the content is never readable by others, even for a moment
        Set<PosixFilePermission> narrow = new java.util.HashSet<>(permissions);
        narrow.retainAll(FILE_0600);
        return new FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(narrow)};
    }

    private static void move(Path temp, Path file) throws IOException {
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the rename itself durable; folders cannot be opened on Windows, where NTFS journals the rename. */
    static void syncFolder(Path folder) {
        if (!POSIX) {
            return;
        }
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // some file systems refuse to sync a folder; the rename has still happened
        }
    }

    /** Writers such as Jackson close the stream they are given; the channel must stay open for the fsync. */
    private static final class KeptOpen extends java.io.FilterOutputStream {
        KeptOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
