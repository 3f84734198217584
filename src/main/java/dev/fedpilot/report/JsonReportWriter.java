package dev.fedpilot.report;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The report as JSON for scripts and monitoring, following {@code dev/fedpilot/report/report.schema.json}
 * (JSON Schema 2020-12). Every property is always present; {@code null} means "not set up yet" for a part and
 * "unknown" for a value. Times are ISO-8601 UTC instants, enum values lowercase with dashes.
 * <ul>
 *   <li>{@code schemaVersion}: 1. Raised when a field is removed or changes meaning; new fields keep it.</li>
 *   <li>{@code generatedAt}; {@code summary}: health (not-started, incomplete, problem, attention, healthy),
 *       stepsDone/stepsTotal, errors, warnings, infos.</li>
 *   <li>{@code steps}: each setup step's id and status (todo, working, done, attention).</li>
 *   <li>{@code tenant}, {@code app}: the Entra tenant and enterprise app ids; {@code instance}: the IAM Identity
 *       Center instance ARN, identity store id and region.</li>
 *   <li>{@code saml}: serviceProvider (AWS entity id and ACS URL), identityProvider (Entra entity id, sign-in URL,
 *       federation metadata URL, saved metadata file), certificate (subject, sha256, notBefore, notAfter).</li>
 *   <li>{@code scim}: endpoint, tokenCreated, tokenExpires. Never the token.</li>
 *   <li>{@code provisioning}: jobId, status, interval (ISO-8601 duration), lastCycle, quarantine, counts.</li>
 *   <li>{@code groups}: assigned groups with Entra member counts and their AWS counterpart; {@code users}: users
 *       assigned directly.</li>
 *   <li>{@code findings}: section, severity (error, warning, info), code (stable kebab-case), message, fix; message
 *       and fix are the text as worded when the report was built, so a saved report re-renders as it read.</li>
 *   <li>{@code timeline}: the audit log, oldest first (at, area, action, outcome, detail).</li>
 * </ul>
 */
public final class JsonReportWriter implements ReportWriter {
    /** Where the schema lives on the classpath. */
    public static final String SCHEMA_RESOURCE = "/dev/fedpilot/report/report.schema.json";

    @Override
    public void write(SetupReport report, OutputStream out) throws IOException {
        out.write(render(report).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public String render(SetupReport report) {
        try {
            return ReportJson.MAPPER.writeValueAsString(report) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report of strings, numbers and dates always serializes", e);
        }
    }
}
