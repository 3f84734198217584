package dev.fedpilot.report;

import dev.fedpilot.domain.AuditEntry;
import dev.fedpilot.domain.CloudException;
import dev.fedpilot.port.EntraTenant;
import dev.fedpilot.text.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No secret in any format: the SCIM token the setup was given and an Entra access token, even when a careless
 * adapter or audit entry carries them into the text the report reads.
 */
class ReportRedactionTest {
    private static final String ACCESS_TOKEN = RedactionTest.JWT;

    @TempDir
    Path exports;

    @Test
    void neitherTheScimTokenNorAnAccessTokenAppearsInAnyFormat() throws Exception {
        ReportFixture f = new ReportFixture(exports).complete();
        String scimToken = f.scimToken;
        assertNotNull(scimToken);
        assertTrue(scimToken.length() > 40);
        // what a careless adapter or log line could hand the report
        f.setup.audit.record(new AuditEntry(f.setup.clock.instant(), "setup.scim", "retried",
                AuditEntry.Outcome.FAILED, "Authorization: Bearer " + ACCESS_TOKEN + " SecretToken=" + scimToken));
        f.setup.audit.record(new AuditEntry(f.setup.clock.instant(), "setup.scim", "token " + scimToken,
                AuditEntry.Outcome.INFO, ACCESS_TOKEN));
        EntraTenant leaky = Failing.port(EntraTenant.class, f.setup.world.entraTenant(), new CloudException(
                CloudException.Problem.UNAUTHENTICATED, "validateCredentials refused token " + scimToken
                + " sent with access token " + ACCESS_TOKEN, "Paste " + scimToken + " again."), "job");
        SetupReport report = f.builder(leaky, f.setup.world.identityCenter()).build();
        assertTrue(report.findings().stream().anyMatch(i -> i.code().equals("live-read-failed")),
                "the failing read is in the report");

        for (ReportFormat format : ReportFormat.values()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            format.writer(Messages.english()).write(report, out);
            String text = format == ReportFormat.PDF ? PdfReportWriterTest.extract(out.toByteArray())
                    : out.toString(StandardCharsets.UTF_8);
            assertClean(format.id(), text, scimToken);
            assertClean(format.id(), text, ACCESS_TOKEN);
        }
        assertClean("preview", new ReportLayout(Messages.english()).document(report).toString(), scimToken);
        assertClean("preview", new ReportLayout(Messages.english()).document(report).toString(), ACCESS_TOKEN);
    }

    /** Neither the whole secret nor any 16-character piece of it, even across a line break. */
    private static void assertClean(String where, String text, String secret) {
        String flat = text.replaceAll("\\s", "");
        for (int i = 0; i + 16 <= secret.length(); i += 8) {
            String piece = secret.substring(i, i + 16);
            assertFalse(flat.contains(piece), where + " contains part of a secret: " + piece);
        }
    }
}
