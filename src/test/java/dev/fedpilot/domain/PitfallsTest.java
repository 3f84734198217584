package dev.fedpilot.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PitfallsTest {
    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    private static DirectoryUser user(String userName, String display, String given, String family,
                                      List<String> emails, List<String> phones) {
        return new DirectoryUser("id-" + userName, userName, display, given, family, emails, phones, null);
    }

    private static List<String> codes(List<Finding> findings) {
        return findings.stream().map(Finding::code).toList();
    }

    @Test
    void aCompleteUserHasNoFindings() {
        assertEquals(List.of(), Pitfalls.forUser(user("ada@contoso.com", "Ada Lovelace", "Ada", "Lovelace",
                List.of("ada@contoso.com"), List.of("+44 20 1234"))));
    }

    @Test
    void missingNamesAreAnErrorThatSaysWhichNames() {
        var findings = Pitfalls.forUser(user("x@contoso.com", "X", null, " ", List.of(), List.of()));
        assertEquals(List.of("user-missing-names"), codes(findings));
        assertTrue(findings.get(0).message().contains("first name or last name"), findings.get(0).message());
        assertTrue(findings.get(0).isError());
    }

    @Test
    void multiValuedPhonesAreCaught() {
        var findings = Pitfalls.forUser(user("p@contoso.com", "P Q", "P", "Q", List.of("p@contoso.com"),
                List.of("+1 555 0100", "+1 555 0101")));
        assertEquals(List.of("user-multi-valued"), codes(findings));
        assertTrue(findings.get(0).message().contains("Request is unparsable"));
    }

    @Test
    void charactersAwsRejectsAreCaught() {
        var findings = Pitfalls.forUser(user("s@contoso.com", "Smith; John", "John", "Smith", List.of(), List.of()));
        assertEquals(List.of("user-rejected-characters"), codes(findings));
    }

    @Test
    void aUserNameThatIsNotAnEmailIsAWarning() {
        var findings = Pitfalls.forUser(user("jdoe", "J Doe", "J", "Doe", List.of(), List.of()));
        assertEquals(List.of("user-name-not-email"), codes(findings));
        assertEquals(Finding.Severity.WARNING, findings.get(0).severity());
    }

    @Test
    void nestedGroupsAreNamedWithTheirFix() {
        var group = new DirectoryGroup("g1", "aws-admins", null, null);
        var findings = Pitfalls.forGroupMembers(group, List.of(
                new GroupMember("u1", PrincipalType.USER, "Ada"),
                new GroupMember("g2", PrincipalType.GROUP, "aws-admins-emea")));
        assertEquals(List.of("group-nested"), codes(findings));
        assertTrue(findings.get(0).fix().contains("aws-admins-emea"));
    }

    @Test
    void scimTokenWarnsThirtyAndSevenDaysAheadAndWhenExpired() {
        Instant created = NOW.minus(Duration.ofDays(300));
        assertEquals(List.of(), Pitfalls.scimToken(created, NOW));
        var in20 = Pitfalls.scimToken(NOW.minus(Duration.ofDays(345)), NOW);
        assertEquals(Finding.Severity.WARNING, in20.get(0).severity());
        assertTrue(in20.get(0).message().contains("20 days"), in20.get(0).message());
        var in5 = Pitfalls.scimToken(NOW.minus(Duration.ofDays(360)), NOW);
        assertEquals(Finding.Severity.ERROR, in5.get(0).severity());
        assertEquals("scim-token-expiring", in5.get(0).code());
        var expired = Pitfalls.scimToken(NOW.minus(Duration.ofDays(400)), NOW);
        assertEquals("scim-token-expired", expired.get(0).code());
    }

    @Test
    void signingCertificateExpiryUsesTheCertificatesDate() {
        var cert = new CertificateInfo("signing", "CN=Microsoft Azure Federated SSO Certificate",
                NOW.minus(Duration.ofDays(1000)), NOW.plus(Duration.ofDays(10)), "ab".repeat(32));
        var findings = Pitfalls.signingCertificate(cert, NOW);
        assertEquals("signing-certificate-expiring", findings.get(0).code());
        assertEquals(Finding.Severity.WARNING, findings.get(0).severity());
    }
}
