package dev.fedpilot.testing;

import dev.fedpilot.domain.DirectoryGroup;
import dev.fedpilot.domain.DirectoryUser;
import dev.fedpilot.domain.IdcInstance;
import dev.fedpilot.domain.Membership;
import dev.fedpilot.domain.MembershipResult;
import dev.fedpilot.port.IdentityCenter;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * An IdentityCenter that passes every call on to another one; test doubles extend it and override only what
 * they watch or change, usually {@link #write} (every membership add and remove goes through it).
 */
public abstract class DelegatingIdentityCenter implements IdentityCenter {
    private final IdentityCenter delegate;

    protected DelegatingIdentityCenter(IdentityCenter delegate) {
        this.delegate = delegate;
    }

    /** Runs one membership write of {@code userId} in {@code groupId}; by default just runs it. */
    protected <T> T write(String groupId, String userId, Supplier<T> call) {
        return call.get();
    }

    @Override
    public MembershipResult addMember(IdcInstance instance, String groupId, String userId) {
        return write(groupId, userId, () -> delegate.addMember(instance, groupId, userId));
    }

    @Override
    public MembershipResult removeMember(IdcInstance instance, String groupId, String userId) {
        return write(groupId, userId, () -> delegate.removeMember(instance, groupId, userId));
    }

    @Override
    public String callerIdentity() {
        return delegate.callerIdentity();
    }

    @Override
    public List<IdcInstance> instances() {
        return delegate.instances();
    }

    @Override
    public void listUsers(IdcInstance instance, Consumer<List<DirectoryUser>> onPage) {
        delegate.listUsers(instance, onPage);
    }

    @Override
    public void listGroups(IdcInstance instance, Consumer<List<DirectoryGroup>> onPage) {
        delegate.listGroups(instance, onPage);
    }

    @Override
    public void listMembersOfGroup(IdcInstance instance, String groupId, Consumer<List<Membership>> onPage) {
        delegate.listMembersOfGroup(instance, groupId, onPage);
    }

    @Override
    public void listGroupsOfUser(IdcInstance instance, String userId, Consumer<List<Membership>> onPage) {
        delegate.listGroupsOfUser(instance, userId, onPage);
    }

    @Override
    public Optional<DirectoryUser> findUserByName(IdcInstance instance, String userName) {
        return delegate.findUserByName(instance, userName);
    }

    @Override
    public Optional<DirectoryGroup> findGroupByName(IdcInstance instance, String displayName) {
        return delegate.findGroupByName(instance, displayName);
    }
}
