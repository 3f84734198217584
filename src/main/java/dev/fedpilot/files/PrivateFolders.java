package dev.fedpilot.files;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Folders only their owner may enter: FedPilot's settings folder (0700) and everything in it (files 0600). */
public final class PrivateFolders {
    static final Set<PosixFilePermission> FOLDER_0700 = PosixFilePermissions.fromString("rwx------");

    private PrivateFolders() {
    }

    /** Creates {@code folder} (and missing parents) at 0700; an existing folder is left as it is. */
    public static void create(Path folder) throws IOException {
        AtomicFiles.checkNames(folder);
        if (Files.isDirectory(folder)) {
            return;
        }
        if (AtomicFiles.POSIX) {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(FOLDER_0700));
            // the umask applies to the creation mode; 0700 is what we want whatever it is
            Files.setPosixFilePermissions(folder, FOLDER_0700);
        } else {
            Files.createDirectories(folder);
        }
    }

    /**
     * Creates {@code folder} if needed and narrows it and everything in it: folders to 0700, files to 0600.
     * Called at start, so settings written by older versions (with the umask's 0644) are closed too. Symbolic
     * links are not followed.
     */
    public static void tighten(Path folder) throws IOException {
        create(folder);
        if (!AtomicFiles.POSIX) {
            return;
        }
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                narrow(dir, FOLDER_0700);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile()) {
                    narrow(file, AtomicFiles.FILE_0600);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Makes one existing file owner-only (e.g. a log file another library created). */
    public static void restrict(Path file) throws IOException {
        if (AtomicFiles.POSIX && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            narrow(file, AtomicFiles.FILE_0600);
        }
    }

    private static void narrow(Path path, Set<PosixFilePermission> allowed) throws IOException {
        Set<PosixFilePermission> now = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        Set<PosixFilePermission> narrowed = new java.util.HashSet<>(now);
        narrowed.retainAll(allowed);
        if (!narrowed.equals(now)) {
            Files.setPosixFilePermissions(path, narrowed);
        }
    }
}
