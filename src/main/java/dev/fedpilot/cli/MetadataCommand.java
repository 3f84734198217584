package dev.fedpilot.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code fedpilot metadata …}: works on SAML metadata files, offline. */
@Command(name = "metadata", mixinStandardHelpOptions = true,
        description = "Work with SAML metadata files (offline: no sign-in needed).",
        subcommands = {MetadataInspectCommand.class})
public final class MetadataCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: try 'fedpilot metadata inspect FILE'.");
    }
}
