/**
 * The one place that writes files: {@link dev.fedpilot.files.AtomicFiles} (whole files, atomically, fsynced, with
 * owner-only permissions for what FedPilot keeps about people and their sign-ins) and
 * {@link dev.fedpilot.files.PrivateFolders} (the settings folder at 0700, its contents at 0600). It depends on
 * nothing of FedPilot's, so the store, the report writers, the directory export, the CLI and logging may all use it.
 */
package dev.fedpilot.files;
