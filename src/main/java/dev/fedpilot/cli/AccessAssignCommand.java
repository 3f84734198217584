package dev.fedpilot.cli;

import dev.fedpilot.access.AccessWriter;
import dev.fedpilot.access.AssignmentBatch;
import dev.fedpilot.access.AssignmentChange;
import dev.fedpilot.domain.AccountAssignment;
import dev.fedpilot.domain.AwsAccount;
import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.DirectoryGroup;
import dev.fedpilot.domain.DirectoryUser;
import dev.fedpilot.domain.Organization;
import dev.fedpilot.domain.PermissionSet;
import dev.fedpilot.domain.PrincipalType;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code fedpilot access assign|unassign (--group NAME | --user NAME) (--account ID | --ou ID) --permission-set NAME
 * [--dry-run]}: idempotent, each change followed until AWS reports it done. An OU is expanded to its accounts (nested
 * OUs included) once, now, and the list is printed before anything changes.
 */
final class AccessAssignCommand {
    private AccessAssignCommand() {
    }

    static final class Principal {
        @Option(names = "--group", required = true, paramLabel = "NAME", description = "The group's display name.")
        String group;

        @Option(names = "--user", required = true, paramLabel = "NAME",
                description = "The user's userName, or display name when only one user has it.")
        String user;
    }

    static final class Target {
        @Option(names = "--account", required = true, paramLabel = "ID", description = "One AWS account id.")
        String account;

        @Option(names = "--ou", required = true, paramLabel = "ID",
                description = "An organizational unit id: every account in it and in the OUs below it, as of now.")
        String ou;
    }

    abstract static class Edit implements Callable<Integer> {
        @ArgGroup(multiplicity = "1")
        Principal principal;

        @ArgGroup(multiplicity = "1")
        Target target;

        @Option(names = "--permission-set", required = true, paramLabel = "NAME",
                description = "The permission set's name.")
        String permissionSet;

        @Option(names = "--dry-run", description = "List the changes without making them.")
        boolean dryRun;

        @Option(names = "--max-in-flight", paramLabel = "N", defaultValue = "10",
                description = "At most this many changes in progress at once (default: ${DEFAULT-VALUE}).")
        int maxInFlight;

        @Mixin
        CloudOptions cloud;

        @Spec
        CommandSpec spec;

        abstract AssignmentChange.Action action();

        @Override
        public Integer call() {
            if (maxInFlight < 1 || maxInFlight > 15) {
                throw new UsageException("--max-in-flight must be between 1 and 15 (AWS allows 15 outstanding "
                        + "assignment requests).");
            }
            PrintWriter out = spec.commandLine().getOut();
            try (AccessCli cli = AccessCli.open(spec, cloud)) {
                PrincipalType type = principal.group != null ? PrincipalType.GROUP : PrincipalType.USER;
                String principalId;
                String principalName;
                if (type == PrincipalType.GROUP) {
                    DirectoryGroup g = AccessCli.named(() -> cli.lookup.group(cli.instance, principal.group));
                    principalId = g.id();
                    principalName = g.displayName();
                } else {
                    DirectoryUser u = AccessCli.named(() -> cli.lookup.user(cli.instance, principal.user));
                    principalId = u.id();
                    principalName = u.userName();
                }
                PermissionSet set = AccessCli.named(() -> cli.lookup.permissionSet(cli.instance, permissionSet));
                List<AwsAccount> accounts = accounts(cli, out);
                List<AssignmentChange> changes = accounts.stream().map(a -> new AssignmentChange(action(),
                        new AccountAssignment(a.id(), set.arn(), type, principalId), principalName, set.name(),
                        a.name())).toList();
                if (dryRun) {
                    changes.forEach(c -> out.println("Would " + lowerFirst(c.describe()) + "."));
                    out.println("Dry run: nothing was changed.");
                    out.flush();
                    return ExitCodes.OK;
                }
                AssignmentBatch batch = new AssignmentBatch(new AccessWriter(cli.access, cli.calls),
                        maxInFlight);
                List<AssignmentBatch.Outcome> outcomes = batch.apply(cli.instance, changes, o -> { });
                int failed = 0;
                for (AssignmentBatch.Outcome o : outcomes) {
                    out.println(describe(o));
                    failed += o.succeeded() ? 0 : 1;
                }
                out.flush();
                if (failed > 0) {
                    spec.commandLine().getErr().println("fedpilot: " + failed + " of " + outcomes.size()
                            + " changes failed; the lines above say why.");
                    return ExitCodes.FAILED;
                }
                return ExitCodes.OK;
            }
        }

        private List<AwsAccount> accounts(AccessCli cli, PrintWriter out) {
            Organization org = null;
            try {
                org = cli.calls.call(cli.access::organization);
            } catch (CloudException e) {
                if (e.problem() != CloudException.Problem.FORBIDDEN || target.ou != null) {
                    throw e;
                }
            }
            if (target.account != null) {
                String id = target.account.strip();
                if (!id.matches("\\d{12}")) {
                    throw new UsageException("'" + target.account + "' is not an AWS account id (12 digits).");
                }
                if (org == null) {
                    return List.of(new AwsAccount(id, id, null));
                }
                return List.of(org.account(id).orElseThrow(() -> new UsageException("Account " + id
                        + " is not in this organization.")));
            }
            Organization known = org;
            var unit = known.unit(target.ou.strip()).orElseThrow(() -> new UsageException("No organizational unit '"
                    + target.ou + "' in this organization."));
            List<AwsAccount> accounts = known.accountsUnder(unit.id());
            out.println("OU " + unit.id() + " (" + known.unitPath(unit.id()) + ") holds " + accounts.size()
                    + " account(s), nested OUs included:");
            accounts.forEach(a -> out.println("  " + a.id() + "  " + a.name() + "  " + known.path(a.id())));
            out.println("IAM Identity Center assigns accounts, not OUs: accounts added to this OU later get nothing "
                    + "from this change.");
            if (accounts.isEmpty()) {
                throw new UsageException("OU " + unit.id() + " holds no accounts; nothing to change.");
            }
            return accounts;
        }

        private static String describe(AssignmentBatch.Outcome o) {
            String what = o.change().describe();
            if (!o.succeeded()) {
                return "Failed: " + what + ": " + o.failure().getMessage() + " " + o.failure().fix();
            }
            return switch (o.result()) {
                case ASSIGNED -> "Done: " + what + ".";
                case ALREADY_ASSIGNED -> "Already so: " + what + ".";
                case REMOVED -> "Done: " + what + ".";
                case ALREADY_ABSENT -> "Already so (no such assignment): " + what + ".";
                case PROVISIONED -> "Provisioned: " + what + ".";
            };
        }

        private static String lowerFirst(String text) {
            return Character.toLowerCase(text.charAt(0)) + text.substring(1);
        }
    }

    @Command(name = "assign", mixinStandardHelpOptions = true,
            description = "Give a user or group a permission set in an account or in every account of an OU (as of "
                    + "now). Exit 0: done or already so; 1: a change failed; 2: bad options or unknown names.")
    static final class Assign extends Edit {
        @Override
        AssignmentChange.Action action() {
            return AssignmentChange.Action.ASSIGN;
        }
    }

    @Command(name = "unassign", mixinStandardHelpOptions = true,
            description = "Take a permission set in an account (or every account of an OU) away from a user or group. "
                    + "Exit 0: done or already so; 1: a change failed; 2: bad options or unknown names.")
    static final class Unassign extends Edit {
        @Override
        AssignmentChange.Action action() {
            return AssignmentChange.Action.UNASSIGN;
        }
    }
}
