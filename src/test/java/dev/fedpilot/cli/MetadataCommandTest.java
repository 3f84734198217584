package dev.fedpilot.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fedpilot.app.Services;
import dev.fedpilot.app.ServicesFactory;
import dev.fedpilot.domain.CertificateInfo;
import dev.fedpilot.saml.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code fedpilot metadata inspect} run through the real command line, as a user or a script would. */
class MetadataCommandTest {
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    record Run(int exitCode, String out, String err) {
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (Exception e) {
                throw new AssertionError("stdout is not one JSON object:\n" + out, e);
            }
        }

        List<String> errLines() {
            return err.lines().toList();
        }
    }

    static Run run(ServicesFactory factory, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FedPilotCommand.run(args, factory, req -> {
            throw new AssertionError("the window must not open");
        }, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    static Run run(String... args) {
        return run(new ServicesFactory(), args);
    }

    static String file(String name) {
        return Corpus.path(name).toString();
    }

    static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asText()));
        return values;
    }

    static void assertCertificate(CertificateInfo expected, JsonNode actual) {
        assertEquals(expected.use(), actual.get("use").asText());
        assertEquals(expected.subject(), actual.get("subject").asText());
        assertEquals(expected.notBefore().toString(), actual.get("notBefore").asText());
        assertEquals(expected.notAfter().toString(), actual.get("notAfter").asText());
        assertEquals(expected.sha256(), actual.get("sha256").asText());
        assertTrue(actual.get("notAfter").asText().endsWith("Z"), "ISO-8601 UTC");
    }

    @Test
    void awsSpMetadataAsJson() {
        Run r = run("metadata", "inspect", file("aws-idc-sp.xml"), "--json");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertEquals("", r.err());
        JsonNode j = r.json();
        assertEquals("aws-sp", j.get("kind").asText());
        assertEquals(Corpus.IDC_ENTITY, j.get("entityId").asText());
        assertEquals(List.of(Corpus.ACS_1), texts(j.get("acsUrls")));
        assertEquals(List.of(), texts(j.get("ssoUrls")));
        assertEquals("eu-central-1", j.get("region").asText());
        assertEquals("d-99672a1b2c", j.get("identityStoreId").asText());
        assertTrue(j.get("tenantId").isNull(), "present and null");
        assertEquals(1, j.get("certificates").size());
        assertCertificate(Corpus.expected("aws-sp", "signing"), j.get("certificates").get(0));
        assertEquals(0, j.get("findings").size());
        assertEquals(List.of("kind", "entityId", "acsUrls", "ssoUrls", "nameIdFormats", "region", "identityStoreId",
                "tenantId", "characterCount", "signed", "certificates", "findings"), fieldNames(j));
        assertFalse(j.get("signed").asBoolean());
    }

    @Test
    void entraIdpMetadataAsJson() {
        Run r = run("metadata", "inspect", "--json", file("entra-idp-multi-cert.xml"));
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        JsonNode j = r.json();
        assertEquals("entra-idp", j.get("kind").asText());
        assertEquals(Corpus.TENANT, j.get("tenantId").asText());
        assertEquals(List.of(Corpus.ENTRA_SSO), texts(j.get("ssoUrls")));
        assertEquals(List.of(), texts(j.get("acsUrls")));
        assertTrue(j.get("region").isNull());
        assertTrue(j.get("identityStoreId").isNull());
        assertCertificate(Corpus.expected("long-valid", "signing"), j.get("certificates").get(0));
        assertCertificate(Corpus.expected("rollover", "signing"), j.get("certificates").get(1));
        JsonNode finding = j.get("findings").get(0);
        assertEquals("info", finding.get("severity").asText());
        assertEquals("nameid-format-not-declared", finding.get("code").asText());
        assertFalse(finding.get("message").asText().isBlank());
        assertFalse(finding.get("fix").asText().isBlank());
    }

    @ParameterizedTest
    @ValueSource(strings = {"expired-cert-idp.xml:certificate-expired", "legacy-aws-sp.xml:legacy-aws-saml-endpoint",
            "http-acs-sp.xml:acs-not-https", "encryption-key-idp.xml:encryption-key-present",
            "idp-incomplete.xml:sso-service-missing"})
    void anErrorFindingExitsWithOne(String fileAndCode) {
        String[] parts = fileAndCode.split(":");
        Run r = run("metadata", "inspect", file(parts[0]), "--json");
        assertEquals(ExitCodes.FAILED, r.exitCode());
        assertEquals("", r.err());
        List<String> errorCodes = new ArrayList<>();
        r.json().get("findings").forEach(f -> {
            if (f.get("severity").asText().equals("error")) {
                errorCodes.add(f.get("code").asText());
            }
        });
        assertTrue(errorCodes.contains(parts[1]), errorCodes.toString());
    }

    @Test
    void readableSummaryShowsWhatTheFileSaysAndHowToFixProblems() {
        Run ok = run("metadata", "inspect", file("aws-idc-sp.xml"));
        assertEquals(ExitCodes.OK, ok.exitCode());
        assertTrue(ok.out().contains("Region:") && ok.out().contains("eu-central-1"), ok.out());
        assertTrue(ok.out().contains("d-99672a1b2c"));
        assertTrue(ok.out().contains(Corpus.ACS_1));
        assertTrue(ok.out().contains("No problems found."));
        Run legacy = run("metadata", "inspect", file("legacy-aws-sp.xml"));
        assertEquals(ExitCodes.FAILED, legacy.exitCode());
        assertTrue(legacy.out().contains("error    legacy-aws-saml-endpoint: "), legacy.out());
        assertTrue(legacy.out().contains("Fix: In the IAM Identity Center console"), legacy.out());
        assertTrue(legacy.out().contains("1 error, 0 warnings."));
    }

    @Test
    void expectTheOtherSideIsAnError() {
        Run r = run("metadata", "inspect", file("aws-idc-sp.xml"), "--json", "--expect", "entra-idp");
        assertEquals(ExitCodes.FAILED, r.exitCode());
        assertEquals("sp-metadata-where-idp-expected", r.json().get("findings").get(0).get("code").asText());
        assertEquals(ExitCodes.OK, run("metadata", "inspect", file("aws-idc-sp.xml"), "--expect", "aws-sp").exitCode());
        Run bad = run("metadata", "inspect", file("aws-idc-sp.xml"), "--expect", "idp");
        assertEquals(ExitCodes.BAD_INPUT, bad.exitCode());
        assertEquals(1, bad.errLines().size(), bad.err());
        assertTrue(bad.err().contains("aws-sp, entra-idp, saml-sp, saml-idp"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"empty.xml", "binary.bin", "truncated.xml", "wrong-root.html", "wrong-namespace.xml",
            "no-namespace.xml", "xxe-passwd.xml", "billion-laughs.xml"})
    void inputThatIsNotMetadataExitsWithTwoAndOneLine(String name) {
        for (boolean json : new boolean[]{false, true}) {
            Run r = json ? run("metadata", "inspect", file(name), "--json") : run("metadata", "inspect", file(name));
            assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.err());
            assertEquals("", r.out(), "nothing on stdout, not even a partial JSON");
            assertEquals(1, r.errLines().size(), r.err());
            assertTrue(r.err().startsWith("fedpilot: " + file(name) + ": "), r.err());
            assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
            assertFalse(r.err().contains("root:x:0"), "no local file content");
        }
    }

    @Test
    void missingFileExitsWithTwo(@TempDir Path dir) {
        Run r = run("metadata", "inspect", dir.resolve("downloaded.xml").toString(), "--json");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertEquals("", r.out());
        assertEquals(1, r.errLines().size());
        assertTrue(r.err().contains("There is no file") && r.err().contains("downloaded.xml"), r.err());
        Run folder = run("metadata", "inspect", dir.toString());
        assertEquals(ExitCodes.BAD_INPUT, folder.exitCode());
        assertTrue(folder.err().contains("is a folder"), folder.err());
    }

    @Test
    void deeplyNestedXmlAndAFifoExitWithTwoAndOneLine(@TempDir Path dir) throws Exception {
        Path deep = dir.resolve("deep.xml");
        java.nio.file.Files.writeString(deep, "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\">"
                + "<x>".repeat(100_000) + "</x>".repeat(100_000) + "</md:EntityDescriptor>");
        Path fifo = dir.resolve("pipe.xml");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        for (Path p : List.of(deep, fifo)) {
            Run r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
                    () -> run("metadata", "inspect", p.toString(), "--json"));
            assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.err());
            assertEquals("", r.out());
            assertEquals(1, r.errLines().size(), r.err());
            assertFalse(r.err().contains("Exception") || r.err().contains("StackOverflow"), r.err());
        }
        assertTrue(run("metadata", "inspect", deep.toString()).err().contains("nested more than"));
        assertTrue(run("metadata", "inspect", fifo.toString()).err().contains("not a regular file"));
    }

    @Test
    void missingArgumentsExitWithTwo() {
        assertEquals(ExitCodes.BAD_INPUT, run("metadata", "inspect").exitCode());
        Run bare = run("metadata");
        assertEquals(ExitCodes.BAD_INPUT, bare.exitCode());
        assertTrue(bare.err().contains("metadata inspect FILE"), bare.err());
    }

    @Test
    void needsNoCloud() {
        ServicesFactory noCloud = new ServicesFactory() {
            @Override
            public Services forCli(boolean sandbox) {
                throw new AssertionError("metadata inspect must not ask for cloud services");
            }
        };
        assertEquals(ExitCodes.OK, run(noCloud, "metadata", "inspect", file("entities-wrapper.xml")).exitCode());
        assertEquals(ExitCodes.FAILED, run(noCloud, "metadata", "inspect", file("expired-cert-idp.xml")).exitCode());
    }

    @Test
    void helpListsTheCommand() {
        Run r = run("--help");
        assertEquals(ExitCodes.OK, r.exitCode());
        assertTrue(r.out().contains("metadata"), r.out());
        Run inspect = run("metadata", "inspect", "--help");
        assertTrue(inspect.out().contains("--json") && inspect.out().contains("FILE"), inspect.out());
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
