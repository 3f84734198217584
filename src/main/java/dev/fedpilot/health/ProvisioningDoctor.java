package dev.fedpilot.health;

import dev.fedpilot.domain.AppAssignment;
import dev.fedpilot.domain.DirectoryGroup;
import dev.fedpilot.domain.DirectoryUser;
import dev.fedpilot.domain.EnterpriseApp;
import dev.fedpilot.domain.Finding;
import dev.fedpilot.domain.GroupMember;
import dev.fedpilot.domain.IdcInstance;
import dev.fedpilot.domain.Pitfalls;
import dev.fedpilot.domain.PrincipalType;
import dev.fedpilot.port.EntraTenant;
import dev.fedpilot.port.IdentityCenter;
import dev.fedpilot.text.Messages;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Looks at everyone provisioning will send to AWS (direct members of assigned groups and directly assigned users)
 * before it runs, and says who will fail and why: missing or blank names, several emails or phone numbers,
 * characters AWS rejects, duplicate emails, a userName an AWS user already has that SCIM did not create (the 409
 * that repeats every cycle), group names a local AWS group already has, and nested groups. One finding per kind,
 * naming the people. Reads each directory once, in pages; run it off the FX thread.
 */
public final class ProvisioningDoctor {
    /** People named in one finding before "and N more". */
    static final int NAMES_SHOWN = 5;

    /** How far the examination got, for a progress bar. */
    public record Progress(String stage, long done) {
    }

    private final EntraTenant entra;
    private final IdentityCenter aws;
    private final Messages messages;

    public ProvisioningDoctor(EntraTenant entra, IdentityCenter aws, Messages messages) {
        this.entra = entra;
        this.aws = aws;
        this.messages = messages;
    }

    /** The findings, most severe first; empty when everyone in scope will provision. */
    public List<Finding> examine(EnterpriseApp app, IdcInstance instance, Consumer<Progress> progress) {
        Set<String> userIds = new HashSet<>();
        Map<String, List<String>> nested = new LinkedHashMap<>();
        List<DirectoryGroup> assignedGroups = new ArrayList<>();
        for (AppAssignment assignment : entra.assignments(app)) {
            if (assignment.principalType() == PrincipalType.USER) {
                userIds.add(assignment.principalId());
                continue;
            }
            entra.group(assignment.principalId()).ifPresent(assignedGroups::add);
            entra.listGroupMembers(assignment.principalId(), page -> {
                for (GroupMember member : page) {
                    if (member.type() == PrincipalType.USER) {
                        userIds.add(member.id());
                    } else {
                        nested.computeIfAbsent(member.displayName(), k -> new ArrayList<>())
                                .add(assignment.principalDisplayName());
                    }
                }
            });
            progress.accept(new Progress("groups", assignedGroups.size()));
        }
        List<DirectoryUser> inScope = new ArrayList<>();
        entra.listUsers(page -> {
            page.stream().filter(u -> userIds.contains(u.id())).forEach(inScope::add);
            progress.accept(new Progress("entra-users", inScope.size()));
        });
        Map<String, DirectoryUser> awsUsers = new HashMap<>();
        aws.listUsers(instance, page -> {
            page.forEach(u -> awsUsers.put(key(u.userName()), u));
            progress.accept(new Progress("aws-users", awsUsers.size()));
        });
        Map<String, DirectoryGroup> awsGroups = new HashMap<>();
        aws.listGroups(instance, page -> page.forEach(g -> awsGroups.put(key(g.displayName()), g)));

        Map<String, Kind> kinds = new LinkedHashMap<>();
        Map<String, List<DirectoryUser>> byEmail = new HashMap<>();
        for (DirectoryUser user : inScope) {
            for (Finding f : Pitfalls.forUser(user)) {
                kinds.computeIfAbsent(f.code(), c -> new Kind(f.severity(), f.fix())).names.add(name(user));
            }
            if (user.primaryEmail() != null) {
                byEmail.computeIfAbsent(key(user.primaryEmail()), k -> new ArrayList<>()).add(user);
            }
            DirectoryUser local = awsUsers.get(key(user.userName()));
            if (local != null && (local.externalId() == null || local.externalId().isBlank())) {
                kinds.computeIfAbsent("user-name-taken-in-aws", c -> new Kind(Finding.Severity.ERROR,
                        messages.get("doctor.user-name-taken-in-aws.fix"))).names.add(name(user));
            }
        }
        byEmail.values().stream().filter(users -> users.size() > 1).flatMap(List::stream)
                .forEach(u -> kinds.computeIfAbsent("duplicate-email", c -> new Kind(Finding.Severity.ERROR,
                        messages.get("doctor.duplicate-email.fix"))).names.add(name(u) + " <" + u.primaryEmail() + ">"));
        for (DirectoryGroup group : assignedGroups) {
            DirectoryGroup local = awsGroups.get(key(group.displayName()));
            if (local != null && !local.scimManaged()) {
                kinds.computeIfAbsent("group-name-taken-in-aws", c -> new Kind(Finding.Severity.WARNING,
                        messages.get("doctor.group-name-taken-in-aws.fix"))).names.add(group.displayName());
            }
        }
        nested.forEach((group, parents) -> kinds.computeIfAbsent("nested-group", c -> new Kind(
                Finding.Severity.WARNING, messages.get("doctor.nested-group.fix")))
                .names.add(group + " (in " + String.join(", ", parents) + ")"));
        progress.accept(new Progress("done", inScope.size()));
        return kinds.entrySet().stream().map(e -> e.getValue().finding(e.getKey(), messages))
                .sorted((a, b) -> a.severity().compareTo(b.severity())).toList();
    }

    private static String key(String value) {
        return value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    }

    private static String name(DirectoryUser user) {
        return user.displayName() == null || user.displayName().isBlank() ? user.userName() : user.displayName();
    }

    /** The people one kind of finding is about. */
    private static final class Kind {
        final Finding.Severity severity;
        final String fix;
        final List<String> names = new ArrayList<>();

        Kind(Finding.Severity severity, String fix) {
            this.severity = severity;
            this.fix = fix;
        }

        Finding finding(String code, Messages messages) {
            List<String> distinct = names.stream().distinct().toList();
            String shown = String.join(", ", distinct.subList(0, Math.min(NAMES_SHOWN, distinct.size())))
                    + (distinct.size() > NAMES_SHOWN ? messages.get("provisioning.failure.more",
                    distinct.size() - NAMES_SHOWN) : "");
            return new Finding(severity, code, messages.get("doctor." + code, distinct.size(), shown), fix);
        }
    }
}
