package dev.fedpilot.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedpilot.domain.CertificateInfo;
import dev.fedpilot.domain.Finding;
import dev.fedpilot.domain.MetadataChecks;
import dev.fedpilot.domain.MetadataKind;
import dev.fedpilot.domain.SamlMetadata;
import dev.fedpilot.saml.MetadataParseException;
import dev.fedpilot.saml.SamlMetadataParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code fedpilot metadata inspect FILE [--json]}: shows what a metadata file contains and checks it. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Read a SAML metadata file, show what it contains, and check it."
                + " Exit code 0: no error found; 1: an error was found; 2: the file is missing or not SAML metadata.")
final class MetadataInspectCommand implements Callable<Integer> {
    private static final String KINDS = Arrays.stream(MetadataKind.values()).map(MetadataKind::id)
            .collect(Collectors.joining(", "));

    @Parameters(index = "0", paramLabel = "FILE", description = "The metadata .xml file.")
    Path file;

    @Option(names = "--json", description = "Print one JSON object instead of a summary.")
    boolean json;

    @Option(names = "--expect", paramLabel = "KIND",
            description = "The kind the next step needs (aws-sp, entra-idp, saml-sp, saml-idp); "
                    + "reports an error when the file is the other side's.")
    String expect;

    @Spec
    CommandSpec spec;

    private final Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        MetadataKind expected = expect == null ? null : MetadataKind.fromId(expect).orElseThrow(
                () -> new UsageException("Unknown kind '" + expect + "' for --expect; use one of " + KINDS + "."));
        SamlMetadata metadata;
        try {
            metadata = new SamlMetadataParser().parse(file);
        } catch (MetadataParseException e) {
            throw new UsageException(file + ": " + e.getMessage() + (e.fix().isEmpty() ? "" : " " + e.fix()));
        }
        List<Finding> findings = MetadataChecks.check(metadata, clock.instant(), expected);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(toJson(metadata, findings));
        } else {
            printSummary(out, metadata, findings);
        }
        out.flush();
        return Finding.anyError(findings) ? ExitCodes.FAILED : ExitCodes.OK;
    }

    static String toJson(SamlMetadata m, List<Finding> findings) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("kind", m.kind().id());
        root.put("entityId", m.entityId());
        m.acsUrls().forEach(root.putArray("acsUrls")::add);
        m.ssoUrls().forEach(root.putArray("ssoUrls")::add);
        m.nameIdFormats().forEach(root.putArray("nameIdFormats")::add);
        root.put("region", m.region());
        root.put("identityStoreId", m.identityStoreId());
        root.put("tenantId", m.tenantId());
        root.put("characterCount", m.characterCount());
        root.put("signed", m.signed());
        ArrayNode certificates = root.putArray("certificates");
        for (CertificateInfo c : m.certificates()) {
            certificates.addObject()
                    .put("use", c.use())
                    .put("subject", c.subject())
                    .put("notBefore", c.notBefore().toString())
                    .put("notAfter", c.notAfter().toString())
                    .put("sha256", c.sha256());
        }
        ArrayNode list = root.putArray("findings");
        for (Finding f : findings) {
            list.addObject()
                    .put("severity", f.severity().id())
                    .put("code", f.code())
                    .put("message", f.message())
                    .put("fix", f.fix());
        }
        try {
            return mapper.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serializes", e);
        }
    }

    private void printSummary(PrintWriter out, SamlMetadata m, List<Finding> findings) {
        line(out, "File", file.toString());
        line(out, "Kind", m.kind().description() + " (" + m.kind().id() + ")");
        line(out, "Entity ID", m.entityId() == null ? "(none)" : m.entityId());
        if (m.region() != null) {
            line(out, "Region", m.region());
        }
        if (m.identityStoreId() != null) {
            line(out, "Identity store", m.identityStoreId());
        }
        if (m.tenantId() != null) {
            line(out, "Tenant", m.tenantId());
        }
        m.acsUrls().forEach(u -> line(out, "ACS URL", u));
        m.ssoUrls().forEach(u -> line(out, "Sign-in URL", u));
        m.nameIdFormats().forEach(f -> line(out, "NameID format", f));
        line(out, "Size", String.format(Locale.ROOT, "%,d characters", m.characterCount()));
        for (CertificateInfo c : m.certificates()) {
            line(out, "Certificate", c.use() + ": " + c.subject());
            line(out, "", "valid " + c.notBefore() + " to " + c.notAfter());
            line(out, "", "SHA-256 " + c.sha256());
        }
        out.println();
        if (findings.isEmpty()) {
            out.println("No problems found.");
            return;
        }
        for (Finding f : findings) {
            out.printf(Locale.ROOT, "%-8s %s: %s%n", f.severity().id(), f.code(), f.message());
            if (!f.fix().isEmpty()) {
                out.printf(Locale.ROOT, "%-8s Fix: %s%n", "", f.fix());
            }
        }
        long errors = findings.stream().filter(Finding::isError).count();
        long warnings = findings.stream().filter(f -> f.severity() == Finding.Severity.WARNING).count();
        out.printf(Locale.ROOT, "%n%d error%s, %d warning%s.%n", errors, errors == 1 ? "" : "s",
                warnings, warnings == 1 ? "" : "s");
    }

    private static void line(PrintWriter out, String label, String value) {
        out.printf(Locale.ROOT, "%-16s %s%n", label.isEmpty() ? "" : label + ":", value);
    }
}
