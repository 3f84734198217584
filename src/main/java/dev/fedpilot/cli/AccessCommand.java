package dev.fedpilot.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * {@code fedpilot access ...}: who can reach which AWS account, through which group, from which Entra group; and
 * assigning or removing access. Granted access, not effective: SCPs and permissions boundaries are not evaluated.
 */
@Command(name = "access", mixinStandardHelpOptions = true,
        description = "See and change who can reach which AWS account (IAM Identity Center permission sets and "
                + "account assignments). Granted access, not effective: SCPs and boundaries are not evaluated.",
        subcommands = {AccessExportCommand.class, AccessWhoCommand.class, AccessAssignCommand.Assign.class,
                AccessAssignCommand.Unassign.class, AccessDiffCommand.class, AccessSnapshotCommand.class})
public final class AccessCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing command: try 'fedpilot access who --user NAME' or 'fedpilot access --help'.");
    }
}
