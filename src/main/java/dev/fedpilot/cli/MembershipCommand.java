package dev.fedpilot.cli;

import dev.fedpilot.app.CliSession;
import dev.fedpilot.domain.DirectoryGroup;
import dev.fedpilot.domain.DirectoryUser;
import dev.fedpilot.domain.IdcInstance;
import dev.fedpilot.domain.MembershipResult;
import dev.fedpilot.port.IdentityCenter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * {@code fedpilot membership add|remove --group NAME --user NAME}: one identity store membership, idempotently.
 * Exit 0 when done or already so, 1 when the write failed, 2 when the user or group does not exist.
 */
@Command(name = "membership", mixinStandardHelpOptions = true,
        description = "Add a user to, or remove a user from, an identity store group (idempotent).",
        subcommands = {MembershipCommand.Add.class, MembershipCommand.Remove.class})
public final class MembershipCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing command: try 'fedpilot membership add --group NAME --user NAME'.");
    }

    /** The options and the lookups both directions share. */
    abstract static class Edit implements Callable<Integer> {
        @Option(names = "--group", required = true, paramLabel = "NAME", description = "The group's display name.")
        String group;

        @Option(names = "--user", required = true, paramLabel = "NAME", description = "The user's UserName.")
        String user;

        @Mixin
        CloudOptions cloud;

        @Spec
        CommandSpec spec;

        abstract MembershipResult write(IdentityCenter aws, IdcInstance instance, String groupId, String userId);

        @Override
        public Integer call() throws InterruptedException {
            try (CliSession session = CliServices.open(spec, cloud)) {
                CliServices.Target target = CliServices.target(session, cloud);
                IdentityCenter aws = target.aws();
                IdcInstance instance = target.instance();
                DirectoryGroup g = aws.findGroupByName(instance, group).orElseThrow(
                        () -> new UsageException("No group named '" + group + "' in identity store "
                                + instance.identityStoreId() + "."));
                DirectoryUser u = aws.findUserByName(instance, user).orElseThrow(
                        () -> new UsageException("No user named '" + user + "' in identity store "
                                + instance.identityStoreId() + "."));
                // The adapter retries a throttled write; the command does not retry it again.
                MembershipResult result = write(aws, instance, g.id(), u.id());
                PrintWriter out = spec.commandLine().getOut();
                out.println(switch (result) {
                    case ADDED -> "Added " + u.userName() + " to " + g.displayName() + ".";
                    case ALREADY_MEMBER -> u.userName() + " is already a member of " + g.displayName() + ".";
                    case REMOVED -> "Removed " + u.userName() + " from " + g.displayName() + ".";
                    case ALREADY_ABSENT -> u.userName() + " is not a member of " + g.displayName() + ".";
                });
                if (g.scimManaged()) {
                    out.println("Note: " + g.displayName() + " is managed by provisioning from Entra; the next "
                            + "provisioning cycle may undo this change. Change the Entra group to make it last.");
                }
                out.flush();
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a user to a group. Exit 0: added or already a member; 1: failed; "
                    + "2: no such user or group.")
    static final class Add extends Edit {
        @Override
        MembershipResult write(IdentityCenter aws, IdcInstance instance, String groupId, String userId) {
            return aws.addMember(instance, groupId, userId);
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Remove a user from a group. Exit 0: removed or not a member; 1: failed; "
                    + "2: no such user or group.")
    static final class Remove extends Edit {
        @Override
        MembershipResult write(IdentityCenter aws, IdcInstance instance, String groupId, String userId) {
            return aws.removeMember(instance, groupId, userId);
        }
    }
}
