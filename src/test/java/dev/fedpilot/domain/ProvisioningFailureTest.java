package dev.fedpilot.domain;

import dev.fedpilot.domain.ProvisioningFailure.Cause;
import dev.fedpilot.text.FailureText;
import dev.fedpilot.text.Messages;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The failure catalogue sorts what Entra and AWS say into causes a person can act on. */
class ProvisioningFailureTest {
    private final FailureText text = new FailureText(Messages.english());

    private static ProvisioningOutcome failed(String name, String message) {
        return new ProvisioningOutcome("id-" + name, PrincipalType.USER, name, ProvisioningOutcome.Result.FAILURE,
                message);
    }

    @Test
    void awsConstraintMessageForAMissingLastNameNamesThePersonAndTheFix() {
        // the shape of AWS's SCIM 400 as Entra's provisioning log carries it
        ProvisioningFailure f = ProvisioningFailure.of(failed("Priya Patel", "SystemForCrossDomainIdentityManagement"
                + "BadRequest: StatusCode: BadRequest. The SCIM endpoint response: {\"detail\":\"1 validation error "
                + "detected: Value null at 'name.familyName' failed to satisfy constraint: Member must not be null\","
                + "\"status\":\"400\"}"));
        assertEquals(Cause.MISSING_NAME, f.cause());
        assertEquals("Priya Patel has no last name in Entra: AWS requires one.", text.describe(f));
        assertEquals("Add the last name to Priya Patel in Entra, then provision Priya Patel again.", text.fix(f));
        assertTrue(f.raw().contains("failed to satisfy constraint"), "the raw text stays available");
    }

    @Test
    void severalMissingNamesAreSaidTogether() {
        ProvisioningFailure f = ProvisioningFailure.classify("Wei Zhang",
                "2 validation errors detected: 'name.givenName' is required; 'displayName' is required.");
        assertEquals("Wei Zhang has no first name and display name in Entra: AWS requires one.", text.describe(f));
    }

    @Test
    void conflictsTokenRejectionsAndUnparsableAreTold() {
        assertEquals(Cause.DUPLICATE, ProvisioningFailure.classify("Ann", "SystemForCrossDomainIdentityManagement"
                + "Conflict: 409 Conflict: another user already has the userName ann@contoso.com").cause());
        assertEquals(Cause.TOKEN_REJECTED, ProvisioningFailure.classify(null,
                "SystemForCrossDomainIdentityManagementCredentialValidationUnavailable: 401 Unauthorized").cause());
        assertEquals(Cause.UNPARSABLE, ProvisioningFailure.classify("Bob",
                "Request is unparsable, syntactically incorrect, or violates schema.").cause());
        assertEquals(Cause.MULTI_VALUED, ProvisioningFailure.classify("Bob", "Request is unparsable, syntactically "
                + "incorrect, or violates schema. The user has 2 phone numbers and AWS accepts one value").cause());
        assertEquals(Cause.OTHER, ProvisioningFailure.classify("Bob", "Something new happened").cause());
        assertNull(ProvisioningFailure.of(new ProvisioningOutcome("1", PrincipalType.USER, "Ok",
                ProvisioningOutcome.Result.SUCCESS, "Created")));
    }

    @Test
    void quarantineReasonsFromGraphAreSorted() {
        assertEquals(Cause.TOKEN_REJECTED, ProvisioningFailure.of(new ProvisioningJob.Quarantine(
                "EncounteredQuarantineException", "InvalidCredentials: the secret token is not valid",
                Instant.EPOCH)).cause());
        assertEquals(Cause.TOO_MANY_DELETES, ProvisioningFailure.of(new ProvisioningJob.Quarantine(
                "TooManyDeletes", null, Instant.EPOCH)).cause());
        assertEquals(Cause.TOO_MANY_FAILURES, ProvisioningFailure.of(new ProvisioningJob.Quarantine(
                "EncounteredEscrowProportionThreshold", null, Instant.EPOCH)).cause());
    }

    @Test
    void groupedByCauseWithCountsAndNames() {
        List<ProvisioningFailure> all = List.of(
                ProvisioningFailure.classify("Łukasz Żółć", "'name.familyName' is required"),
                ProvisioningFailure.classify("李雷", "'name.familyName' is required"),
                ProvisioningFailure.classify("محمد", "409 Conflict"));
        var grouped = ProvisioningFailure.byCause(all);
        assertEquals(List.of(Cause.MISSING_NAME, Cause.DUPLICATE), List.copyOf(grouped.keySet()));
        String summary = text.summarize(Cause.MISSING_NAME, grouped.get(Cause.MISSING_NAME));
        assertTrue(summary.startsWith("2 users or groups: "), summary);
        assertTrue(summary.contains("Łukasz Żółć, 李雷"), summary);
        assertFalse(summary.contains("!"), "every key exists: " + summary);
    }
}
