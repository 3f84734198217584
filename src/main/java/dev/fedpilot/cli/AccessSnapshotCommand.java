package dev.fedpilot.cli;

import dev.fedpilot.domain.AccessMap;
import dev.fedpilot.domain.AccessSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;

/** {@code fedpilot access snapshot}: the granted-access map, dated, in FedPilot's settings folder (owner-only). */
@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = "Save a dated snapshot of who is granted which account, for 'fedpilot access diff'. "
                + "Exit code 0: saved; 1: reading or saving failed.")
final class AccessSnapshotCommand implements Callable<Integer> {
    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    @Mixin
    CloudOptions cloud;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (AccessCli cli = AccessCli.open(spec, cloud)) {
            AccessMap map = cli.loadAll();
            Instant now = Clock.systemUTC().instant();
            AccessSnapshot snapshot = AccessSnapshot.of(map, cli.instance.identityStoreId(), now);
            String name = "access-snapshot-" + STAMP.format(now);
            cli.session.settings().save(name, snapshot);
            PrintWriter out = spec.commandLine().getOut();
            out.printf("Saved %s.json (%d grants, %d permission sets) in FedPilot's settings folder.%n", name,
                    snapshot.grants().size(), snapshot.permissionSets().size());
            out.println("Compare two snapshots with: fedpilot access diff OLD.json NEW.json");
            out.println(AccessMap.GRANTED_NOT_EFFECTIVE);
            out.flush();
            return ExitCodes.OK;
        }
    }
}
