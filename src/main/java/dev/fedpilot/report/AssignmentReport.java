package dev.fedpilot.report;

import dev.fedpilot.domain.AppAssignment;
import dev.fedpilot.domain.DirectoryGroup;
import dev.fedpilot.domain.DirectoryUser;
import dev.fedpilot.domain.EnterpriseApp;
import dev.fedpilot.domain.Finding;
import dev.fedpilot.domain.GroupMember;
import dev.fedpilot.domain.IdcInstance;
import dev.fedpilot.domain.Pitfalls;
import dev.fedpilot.domain.PrincipalType;
import dev.fedpilot.domain.SetupState;
import dev.fedpilot.domain.SetupStep;
import dev.fedpilot.domain.StepStatus;
import dev.fedpilot.port.EntraTenant;
import dev.fedpilot.port.IdentityCenter;
import dev.fedpilot.report.SetupReport.AwsGroup;
import dev.fedpilot.report.SetupReport.Group;
import dev.fedpilot.report.SetupReport.Section;
import dev.fedpilot.report.SetupReport.User;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The groups and users assigned to the Entra app, their AWS counterparts, and the pitfalls their members would
 * run into (missing names, nested groups, rejected characters, members not provisioned yet).
 */
final class AssignmentReport {
    /** Each checked user costs a Graph call: enough for a picture, few enough for a quick report. */
    static final int MAX_USERS_CHECKED = 500;

    record Result(List<Group> groups, List<User> users) {
    }

    private final EntraTenant entra;
    private final IdentityCenter aws;
    private final LiveReads reads;
    private int usersLeft = MAX_USERS_CHECKED;
    private boolean capped;

    /** @param entra null when Entra is not signed in; @param aws null when AWS is not (then instance is null) */
    AssignmentReport(EntraTenant entra, IdentityCenter aws, LiveReads reads) {
        this.entra = entra;
        this.aws = aws;
        this.reads = reads;
    }

    Result read(SetupState s, EnterpriseApp app, boolean appLive, IdcInstance instance) {
        if (app == null) {
            return new Result(List.of(), List.of());
        }
        List<AppAssignment> assigned = appLive
                ? reads.read(Section.ASSIGNMENTS, "the app's assignments", () -> entra.assignments(app)).orElse(s.assignments())
                : s.assignments();
        boolean provisioning = s.status(SetupStep.SCIM) == StepStatus.DONE;
        if (assigned.isEmpty() && provisioning) {
            reads.add(Section.ASSIGNMENTS, Finding.warning("nothing-assigned",
                    "Nobody is assigned to the Entra app, so nobody is provisioned to AWS.",
                    "Assign groups in the setup's \"Assign groups\" step."));
        }
        List<Group> groups = new ArrayList<>();
        List<User> users = new ArrayList<>();
        for (AppAssignment a : assigned) {
            if (a.principalType() == PrincipalType.GROUP) {
                groups.add(group(a, instance, provisioning));
            } else {
                users.add(user(a, instance));
            }
        }
        if (capped) {
            reads.add(Section.ASSIGNMENTS, Finding.info("users-not-all-checked", "The report checked the first "
                    + MAX_USERS_CHECKED + " assigned users for provisioning pitfalls.", ""));
        }
        return new Result(groups, users);
    }

    private Group group(AppAssignment a, IdcInstance instance, boolean provisioning) {
        String name = a.principalDisplayName();
        List<GroupMember> members = new ArrayList<>();
        boolean listed = entra != null && reads.run(Section.ASSIGNMENTS, "the members of \"" + name + "\"",
                () -> entra.listGroupMembers(a.principalId(), members::addAll));
        Integer userCount = null;
        Integer nested = null;
        if (listed) {
            userCount = (int) members.stream().filter(m -> m.type() == PrincipalType.USER).count();
            nested = members.size() - userCount;
            reads.addAll(Section.ASSIGNMENTS, Pitfalls.forGroupMembers(
                    new DirectoryGroup(a.principalId(), name, null, null), members));
            for (GroupMember m : members) {
                if (m.type() == PrincipalType.USER) {
                    checkUser(m.id(), m.displayName());
                }
            }
        }
        AwsGroup counterpart = instance == null ? null : awsGroup(instance, name, userCount, provisioning);
        return new Group(a.principalId(), name, userCount, nested, counterpart);
    }

    private AwsGroup awsGroup(IdcInstance instance, String name, Integer entraUsers, boolean provisioning) {
        Optional<Optional<DirectoryGroup>> found = reads.read(Section.ASSIGNMENTS, "the AWS group \"" + name + "\"",
                () -> aws.findGroupByName(instance, name));
        if (found.isEmpty()) {
            return null;
        }
        if (found.get().isEmpty()) {
            if (provisioning) {
                reads.add(Section.ASSIGNMENTS, Finding.warning("group-not-in-aws", "\"" + name
                                + "\" is assigned in Entra but has no group in AWS yet.",
                        "Provision it on demand (setup step 8), or wait for the next provisioning cycle."));
            }
            return null;
        }
        DirectoryGroup group = found.get().get();
        long[] count = {0};
        boolean listed = reads.run(Section.ASSIGNMENTS, "the members of the AWS group \"" + name + "\"",
                () -> aws.listMembersOfGroup(instance, group.id(), page -> count[0] += page.size()));
        Integer members = listed ? (int) count[0] : null;
        if (members != null && entraUsers != null && members < entraUsers) {
            reads.add(Section.ASSIGNMENTS, Finding.warning("group-members-missing-in-aws", "\"" + name + "\" has "
                            + entraUsers + " direct members in Entra but " + members + " in AWS.",
                    "Correct the members the other findings name, then provision the group on demand (setup step 8) "
                            + "or wait for the next cycle."));
        } else if (members != null && entraUsers != null && members > entraUsers && group.scimManaged()) {
            reads.add(Section.ASSIGNMENTS, Finding.info("group-extra-members-in-aws", "The AWS group \"" + name
                            + "\" has " + members + " members, more than the " + entraUsers + " direct members in Entra.",
                    "Make membership changes in Entra: provisioning manages this group, and edits in AWS are not "
                            + "written back."));
        }
        return new AwsGroup(group.id(), members, group.scimManaged());
    }

    private User user(AppAssignment a, IdcInstance instance) {
        Optional<DirectoryUser> user = checkUser(a.principalId(), a.principalDisplayName());
        Boolean inAws = null;
        if (instance != null && user.isPresent() && user.get().userName() != null) {
            inAws = reads.read(Section.ASSIGNMENTS, "the AWS user " + user.get().userName(),
                    () -> aws.findUserByName(instance, user.get().userName())).map(Optional::isPresent).orElse(null);
        }
        return new User(a.principalId(), a.principalDisplayName(), user.map(DirectoryUser::userName).orElse(null), inAws);
    }

    private Optional<DirectoryUser> checkUser(String id, String name) {
        if (entra == null) {
            return Optional.empty();
        }
        if (usersLeft <= 0) {
            capped = true;
            return Optional.empty();
        }
        usersLeft--;
        Optional<DirectoryUser> user = reads.read(Section.ASSIGNMENTS, "the Entra user \"" + name + "\"",
                () -> entra.user(id)).flatMap(u -> u);
        user.ifPresent(u -> reads.addAll(Section.ASSIGNMENTS, Pitfalls.forUser(u)));
        return user;
    }
}
