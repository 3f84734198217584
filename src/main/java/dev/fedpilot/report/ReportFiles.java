package dev.fedpilot.report;

import dev.fedpilot.text.Messages;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/** Writes report files whole: to a temporary file beside the target, then moved over it. */
public final class ReportFiles {
    private ReportFiles() {
    }

    public static void write(SetupReport report, ReportFormat format, Messages messages, Path target)
            throws IOException {
        Path file = target.toAbsolutePath();
        Path directory = file.getParent();
        // not createTempFile: its owner-only permissions would stick to the report
        Path temp = directory.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                format.writer(messages).write(report, out);
            }
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Why {@code target} cannot be written, or null when it can; checked before any work starts. */
    public static String problemWith(Path target) {
        Path file = target.toAbsolutePath();
        Path directory = file.getParent();
        if (directory == null || !Files.isDirectory(directory)) {
            return "The folder " + directory + " does not exist.";
        }
        if (Files.isDirectory(file)) {
            return file + " is a folder; give a file name.";
        }
        if (!Files.isWritable(directory) || Files.exists(file) && !Files.isWritable(file)) {
            return "FedPilot may not write " + file + ".";
        }
        return null;
    }

    /** A file name like fedpilot-report-2027-03-01.pdf. */
    public static String suggestedName(SetupReport report, ReportFormat format) {
        return "fedpilot-report-" + report.generatedAt().toString().substring(0, 10) + "." + format.extension();
    }
}
