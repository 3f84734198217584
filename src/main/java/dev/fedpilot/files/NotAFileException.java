package dev.fedpilot.files;

import java.io.IOException;
import java.nio.file.Path;

/** The target exists and is not a regular file (a folder, a device, a FIFO): it is never replaced. */
public final class NotAFileException extends IOException {
    public NotAFileException(Path target) {
        super(target + " is not a regular file (a folder, device or pipe); FedPilot writes only to files"
                + " and new paths.");
    }
}
