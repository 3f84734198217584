package dev.fedpilot.domain;

import java.util.List;

/**
 * A user as either directory knows it (an Entra user or an identity store user).
 *
 * @param id         the directory's own id (Entra object id, identity store UserId)
 * @param userName   Entra userPrincipalName / identity store UserName
 * @param externalId on AWS, the id of the source object when SCIM created the user; null otherwise
 */
public record DirectoryUser(String id, String userName, String displayName, String givenName, String familyName,
                            List<String> emails, List<String> phones, String externalId) {

    public DirectoryUser {
        emails = emails == null ? List.of() : List.copyOf(emails);
        phones = phones == null ? List.of() : List.copyOf(phones);
    }

    public String primaryEmail() {
        return emails.isEmpty() ? null : emails.get(0);
    }

    public boolean hasRequiredNames() {
        return notBlank(givenName) && notBlank(familyName) && notBlank(displayName);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
