package dev.fedpilot.files;

import java.io.IOException;

/** A file or folder name longer than file systems allow (255 bytes of UTF-8 on ext4, APFS, NTFS alike). */
public final class FileNameTooLongException extends IOException {
    public FileNameTooLongException(String name, int bytes) {
        super("The name '" + shorten(name) + "' is " + bytes + " bytes long; file systems allow at most "
                + AtomicFiles.MAX_NAME_BYTES + ". Choose a shorter name.");
    }

    private static String shorten(String name) {
        return name.length() <= 40 ? name : name.substring(0, 37) + "...";
    }
}
