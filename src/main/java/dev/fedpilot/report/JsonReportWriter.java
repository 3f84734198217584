package dev.fedpilot.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

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
 *   <li>{@code findings}: section, severity (error, warning, info), code (stable kebab-case), message, fix.</li>
 *   <li>{@code timeline}: the audit log, oldest first (at, area, action, outcome, detail).</li>
 * </ul>
 */
public final class JsonReportWriter implements ReportWriter {
    /** Where the schema lives on the classpath. */
    public static final String SCHEMA_RESOURCE = "/dev/fedpilot/report/report.schema.json";

    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule().addSerializer(Enum.class, new EnumAsId()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    @Override
    public void write(SetupReport report, OutputStream out) throws IOException {
        out.write(render(report).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public String render(SetupReport report) {
        try {
            return mapper.writeValueAsString(report) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report of strings, numbers and dates always serializes", e);
        }
    }

    /** Enum values as lowercase ids with dashes, as in the schema. */
    @SuppressWarnings("rawtypes")
    private static final class EnumAsId extends StdSerializer<Enum> {
        EnumAsId() {
            super(Enum.class);
        }

        @Override
        public void serialize(Enum value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
    }
}
