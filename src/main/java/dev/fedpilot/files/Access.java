package dev.fedpilot.files;

/** Who may read a file FedPilot writes. POSIX permissions only: on other file systems the OS default applies. */
public enum Access {
    /** 0600: settings, journal, audit log, exports of people's data, cached sign-ins. */
    OWNER_ONLY,
    /** The OS default (umask): reports, meant to be shared. */
    SHARED,
    /** The permissions the file had before; owner-only when it is new (files of other tools, e.g. ~/.aws/config). */
    AS_BEFORE
}
