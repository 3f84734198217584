package dev.fedpilot.port;

import dev.fedpilot.domain.DirectoryGroup;
import dev.fedpilot.domain.DirectoryUser;
import dev.fedpilot.domain.IdcInstance;
import dev.fedpilot.domain.Membership;
import dev.fedpilot.domain.MembershipResult;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What FedPilot needs from AWS IAM Identity Center: the instance and its identity store. Every call blocks;
 * run it through the TaskRunner. Failures are {@link dev.fedpilot.domain.CloudException}s. Listings deliver
 * pages (at most 100 entries) as they arrive and stop with a {@link java.util.concurrent.CancellationException}
 * when the calling thread is interrupted.
 */
public interface IdentityCenter {

    /** Who is signed in, e.g. an assumed-role ARN; "sandbox" in the sandbox. */
    String callerIdentity();

    List<IdcInstance> instances();

    /**
     * The instances in a region (IAM Identity Center lives in one region and ListInstances answers only there).
     * By default those of {@link #instances()} that are in that region.
     */
    default List<IdcInstance> instances(String region) {
        return instances().stream().filter(i -> region.equals(i.region())).toList();
    }

    void listUsers(IdcInstance instance, Consumer<List<DirectoryUser>> onPage);

    void listGroups(IdcInstance instance, Consumer<List<DirectoryGroup>> onPage);

    void listMembersOfGroup(IdcInstance instance, String groupId, Consumer<List<Membership>> onPage);

    void listGroupsOfUser(IdcInstance instance, String userId, Consumer<List<Membership>> onPage);

    Optional<DirectoryUser> findUserByName(IdcInstance instance, String userName);

    Optional<DirectoryGroup> findGroupByName(IdcInstance instance, String displayName);

    /** Adds a user to a group; an existing membership is {@link MembershipResult#ALREADY_MEMBER}, not an error. */
    MembershipResult addMember(IdcInstance instance, String groupId, String userId);

    /** Removes a user from a group; a missing membership is {@link MembershipResult#ALREADY_ABSENT}. */
    MembershipResult removeMember(IdcInstance instance, String groupId, String userId);
}
