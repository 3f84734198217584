package dev.fedpilot.sandbox;

import dev.fedpilot.domain.DirectoryGroup;
import dev.fedpilot.domain.DirectoryUser;
import dev.fedpilot.domain.IdcInstance;
import dev.fedpilot.domain.Membership;
import dev.fedpilot.domain.MembershipResult;
import dev.fedpilot.port.IdentityCenter;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The sandbox IAM Identity Center instance and identity store behind the {@link IdentityCenter} port. */
final class SandboxIdentityCenter implements IdentityCenter {
    /** identitystore MaxResults upper bound. */
    static final int PAGE_SIZE = 100;

    private final SandboxWorld world;
    private final CallGate gate;

    SandboxIdentityCenter(SandboxWorld world, CallGate gate) {
        this.world = world;
        this.gate = gate;
    }

    @Override
    public String callerIdentity() {
        gate.enter("GetCallerIdentity");
        return "sandbox";
    }

    @Override
    public List<IdcInstance> instances() {
        gate.enter("ListInstances");
        return List.of(IdentityStore.INSTANCE);
    }

    @Override
    public void listUsers(IdcInstance instance, Consumer<List<DirectoryUser>> onPage) {
        gate.pages("ListUsers", PAGE_SIZE, (offset, size) -> store(instance, s -> s.users(offset, size)), onPage);
    }

    @Override
    public void listGroups(IdcInstance instance, Consumer<List<DirectoryGroup>> onPage) {
        gate.pages("ListGroups", PAGE_SIZE, (offset, size) -> store(instance, s -> s.groups(offset, size)), onPage);
    }

    @Override
    public void listMembersOfGroup(IdcInstance instance, String groupId, Consumer<List<Membership>> onPage) {
        gate.pages("ListGroupMemberships", PAGE_SIZE,
                (offset, size) -> store(instance, s -> s.membersOf(groupId, offset, size)), onPage);
    }

    @Override
    public void listGroupsOfUser(IdcInstance instance, String userId, Consumer<List<Membership>> onPage) {
        gate.pages("ListGroupMembershipsForMember", PAGE_SIZE,
                (offset, size) -> store(instance, s -> s.groupsOf(userId, offset, size)), onPage);
    }

    @Override
    public Optional<DirectoryUser> findUserByName(IdcInstance instance, String userName) {
        gate.enter("GetUserId");
        return store(instance, s -> s.userByName(userName));
    }

    @Override
    public Optional<DirectoryGroup> findGroupByName(IdcInstance instance, String displayName) {
        gate.enter("GetGroupId");
        return store(instance, s -> s.groupByName(displayName));
    }

    @Override
    public MembershipResult addMember(IdcInstance instance, String groupId, String userId) {
        gate.enter("CreateGroupMembership");
        return change(instance, s -> s.addMember(groupId, userId));
    }

    @Override
    public MembershipResult removeMember(IdcInstance instance, String groupId, String userId) {
        gate.enter("DeleteGroupMembership");
        return change(instance, s -> s.removeMember(groupId, userId));
    }

    private <T> T change(IdcInstance instance, java.util.function.Function<IdentityStore, T> action) {
        return world.changing(() -> {
            world.identityStore().requireInstance(instance);
            return action.apply(world.identityStore());
        });
    }

    private <T> T store(IdcInstance instance, java.util.function.Function<IdentityStore, T> action) {
        return world.locked(() -> {
            world.identityStore().requireInstance(instance);
            return action.apply(world.identityStore());
        });
    }
}
