package dev.fedpilot.aws;

import dev.fedpilot.domain.DirectoryGroup;
import dev.fedpilot.domain.DirectoryUser;
import dev.fedpilot.domain.Membership;
import software.amazon.awssdk.services.identitystore.model.DescribeGroupResponse;
import software.amazon.awssdk.services.identitystore.model.DescribeUserResponse;
import software.amazon.awssdk.services.identitystore.model.Email;
import software.amazon.awssdk.services.identitystore.model.ExternalId;
import software.amazon.awssdk.services.identitystore.model.Group;
import software.amazon.awssdk.services.identitystore.model.GroupMembership;
import software.amazon.awssdk.services.identitystore.model.Name;
import software.amazon.awssdk.services.identitystore.model.PhoneNumber;
import software.amazon.awssdk.services.identitystore.model.User;

import java.util.List;
import java.util.Objects;

/** Identity store shapes → FedPilot's domain records. */
final class IdentityStoreMapping {

    private IdentityStoreMapping() {
    }

    static DirectoryUser user(User u) {
        return user(u.userId(), u.userName(), u.displayName(), u.name(), u.emails(), u.phoneNumbers(), u.externalIds());
    }

    static DirectoryUser user(DescribeUserResponse u) {
        return user(u.userId(), u.userName(), u.displayName(), u.name(), u.emails(), u.phoneNumbers(), u.externalIds());
    }

    static DirectoryGroup group(Group g) {
        return new DirectoryGroup(g.groupId(), g.displayName(), g.description(), firstExternalId(g.externalIds()));
    }

    static DirectoryGroup group(DescribeGroupResponse g) {
        return new DirectoryGroup(g.groupId(), g.displayName(), g.description(), firstExternalId(g.externalIds()));
    }

    static Membership membership(GroupMembership m) {
        String userId = m.memberId() == null ? null : m.memberId().userId();
        return new Membership(m.membershipId(), m.groupId(), userId);
    }

    private static DirectoryUser user(String id, String userName, String displayName, Name name, List<Email> emails,
                                      List<PhoneNumber> phones, List<ExternalId> externalIds) {
        return new DirectoryUser(id, userName, displayName,
                name == null ? null : name.givenName(),
                name == null ? null : name.familyName(),
                emails.stream().map(Email::value).filter(Objects::nonNull).toList(),
                phones.stream().map(PhoneNumber::value).filter(Objects::nonNull).toList(),
                firstExternalId(externalIds));
    }

    private static String firstExternalId(List<ExternalId> externalIds) {
        return externalIds.stream().map(ExternalId::id).filter(Objects::nonNull).findFirst().orElse(null);
    }
}
