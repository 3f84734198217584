package dev.fedpilot.report;

import dev.fedpilot.files.AtomicFiles;
import dev.fedpilot.files.Access;
import dev.fedpilot.text.Messages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes report files whole, through {@link AtomicFiles}. */
public final class ReportFiles {
    private ReportFiles() {
    }

    public static void write(SetupReport report, ReportFormat format, Messages messages, Path target)
            throws IOException {
        // shared: a report is meant to be passed on, so it keeps the OS's usual permissions
        AtomicFiles.write(target, Access.SHARED, out -> format.writer(messages).write(report, out));
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
