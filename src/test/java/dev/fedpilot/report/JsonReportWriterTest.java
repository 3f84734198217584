package dev.fedpilot.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedpilot.domain.SetupState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JSON form against its published schema, and the values scripts would read. */
class JsonReportWriterTest {
    @TempDir
    static Path exports;
    private static ReportFixture fixture;
    private static SetupReport report;
    private static SchemaCheck schema;

    @BeforeAll
    static void build() throws Exception {
        fixture = new ReportFixture(exports).withFindings();
        report = fixture.builder().build();
        schema = SchemaCheck.reportSchema();
    }

    private static JsonNode json(SetupReport r) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JsonReportWriter().write(r, out);
        return new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aFullReportFollowsTheSchema() throws Exception {
        JsonNode json = json(report);
        assertEquals(List.of(), schema.problems(json));
        assertEquals(1, json.get("schemaVersion").asInt());
    }

    @Test
    void anEmptyReportFollowsTheSchemaWithNullParts() throws Exception {
        JsonNode json = json(new ReportFixture(exports.resolve("empty")).builder().build());
        assertEquals(List.of(), schema.problems(json));
        assertEquals("not-started", json.at("/summary/health").asText());
        for (String part : List.of("app", "instance", "saml", "scim", "provisioning")) {
            assertTrue(json.get(part).isNull(), part + " is null, meaning not set up yet");
        }
    }

    @Test
    void aHostileReportFollowsTheSchemaAndKeepsTheText() throws Exception {
        JsonNode json = json(ReportSamples.hostile());
        assertEquals(List.of(), schema.problems(json));
        assertEquals(ReportSamples.HOSTILE_GROUP, json.at("/groups/0/displayName").asText());
        assertEquals(ReportSamples.SYMBOLS, json.at("/app/displayName").asText());
    }

    @Test
    void theValuesAreTheOnesOfTheSetup() throws Exception {
        JsonNode json = json(report);
        SetupState saved = fixture.setup.store.load(SetupState.STORE_NAME, SetupState.class).orElseThrow();
        assertEquals(saved.instance().instanceArn(), json.at("/instance/instanceArn").asText());
        assertEquals(saved.app().appId(), json.at("/app/appId").asText());
        assertEquals(saved.signingCertificate().sha256(), json.at("/saml/certificate/sha256").asText());
        assertEquals(saved.signingCertificate().notAfter().toString(), json.at("/saml/certificate/notAfter").asText());
        assertEquals(saved.jobId(), json.at("/provisioning/jobId").asText());
        assertEquals(saved.scimEndpoint(), json.at("/scim/endpoint").asText());
        assertEquals("problem", json.at("/summary/health").asText());
        List<String> groups = new ArrayList<>();
        json.get("groups").forEach(g -> groups.add(g.get("displayName").asText()));
        assertEquals(List.of("AWS-ReadOnly", "AWS-Pilot-Users", "AWS-Developers"), groups);
        JsonNode nested = null;
        for (JsonNode f : json.get("findings")) {
            if (f.get("code").asText().equals("group-nested")) {
                nested = f;
            }
        }
        assertTrue(nested != null && nested.get("section").asText().equals("assignments")
                && !nested.get("fix").asText().isBlank(), String.valueOf(nested));
    }

    @Test
    void theSchemaCheckNoticesAMissingFieldAWrongTypeAndAnUndeclaredOne() throws Exception {
        ObjectNode json = (ObjectNode) json(report);
        json.remove("timeline");
        ((ObjectNode) json.get("summary")).put("errors", "many");
        ((ObjectNode) json.get("instance")).put("accessToken", "x");
        List<String> problems = schema.problems(json);
        assertTrue(problems.stream().anyMatch(p -> p.contains("timeline")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("$.summary.errors")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("accessToken")), problems.toString());
    }

    @Test
    void theSchemaDocumentsItsVersionAndEveryTopLevelField() throws Exception {
        JsonNode s = schema.schema();
        assertEquals(1, s.at("/properties/schemaVersion/const").asInt());
        List<String> required = new ArrayList<>();
        s.get("required").forEach(n -> required.add(n.asText()));
        List<String> written = new ArrayList<>();
        json(report).fieldNames().forEachRemaining(written::add);
        assertEquals(written, required, "every field is required and in the writer's order");
        assertFalse(s.path("properties").path("schemaVersion").path("description").asText().isBlank());
    }
}
