package dev.fedpilot.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code fedpilot directory …}: the identity store's users, groups and memberships. */
@Command(name = "directory", mixinStandardHelpOptions = true,
        description = "Work with the users, groups and memberships of the IAM Identity Center identity store.",
        subcommands = {DirectoryExportCommand.class})
public final class DirectoryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing command: try 'fedpilot directory export --format csv --out FILE'.");
    }
}
