package dev.fedpilot.report;

import dev.fedpilot.domain.AuditEntry;
import dev.fedpilot.domain.Finding;
import dev.fedpilot.domain.ProvisioningJob;
import dev.fedpilot.domain.SetupStep;
import dev.fedpilot.domain.StepStatus;
import dev.fedpilot.report.SetupReport.Health;
import dev.fedpilot.report.SetupReport.Section;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Hand-built reports with text that tries to break each format: markup, pipes, symbols no PDF font has. */
final class ReportSamples {
    static final String HOSTILE_GROUP = "Ops | <script>alert(1)</script> & `ticks` *stars* [link](x)";
    static final String SYMBOLS = "Zoë → ✓ 日本 😀 \u0007bell";

    private ReportSamples() {
    }

    static SetupReport hostile() {
        Instant at = Instant.parse("2027-03-01T09:00:00Z");
        List<SetupReport.Step> steps = Arrays.stream(SetupStep.values())
                .map(s -> new SetupReport.Step(s.key(), s == SetupStep.WATCH ? StepStatus.TODO : StepStatus.DONE)).toList();
        return new SetupReport(SetupReport.SCHEMA_VERSION, at, new SetupReport.Summary(Health.ATTENTION, 8, 9, 0, 1, 0),
                steps,
                new SetupReport.Tenant("3c5e8a71-9d24-4f6b-a1e0-5b7c2d9f8e46", "contoso <b>&</b>.example",
                        "Contoso | pipes", "admin@contoso.example"),
                new SetupReport.App(SYMBOLS, "22eca89b-5c39-49da-afb0-3cbb6f45f2ea", "obj", "sp"),
                new SetupReport.Instance("arn:aws:sso:::instance/ssoins-72238e5c1b4d9a07", "d-9067a3c1f2", "eu-west-1",
                        null),
                new SetupReport.Saml(new SetupReport.ServiceProvider("https://eu-west-1.signin.aws.amazon.com/platform/saml/d-9067a3c1f2",
                        "https://eu-west-1.signin.aws.amazon.com/platform/saml/acs/a?b=1&c=<2>"), null,
                        new SetupReport.Certificate("CN=Zoë → Test", "869c85bd50e6a25b35f444d71b64c2578ee15fed5f3ce3e6e92e3edfd685a3b6",
                                at, at.plusSeconds(86_400L * 1000))),
                new SetupReport.Scim("https://scim.eu-west-1.amazonaws.com/abc/scim/v2", at, at.plusSeconds(86_400L * 365)),
                new SetupReport.Provisioning("aWSSingleSignon.tenant.job", ProvisioningJob.Status.ACTIVE, "PT40M", null, null, Map.of("User", 3L)),
                List.of(new SetupReport.Group("g1", HOSTILE_GROUP, 3, 0, null)),
                List.of(new SetupReport.User("u1", "Ann | Lee", "ann@contoso.example", true)),
                List.of(new SetupReport.Item(Section.ASSIGNMENTS, Finding.Severity.WARNING, "group-not-in-aws",
                        "\"" + HOSTILE_GROUP + "\" is assigned in Entra but has no group in AWS yet.", "Provision it → now.")),
                List.of(new SetupReport.Event(at, "setup.scim", "connected SCIM", AuditEntry.Outcome.OK, "line one\nline two\ttab | pipe")));
    }

    /** People's names in four scripts, as a multinational tenant has them. */
    static final List<String> NAMES = List.of("Łukasz Żółć", "李雷", "Zoë O'Brien", "محمد");

    /** A report about those people: names in the users table, a group name and a finding's sentence. */
    static SetupReport names() {
        SetupReport h = hostile();
        Instant at = h.generatedAt();
        List<SetupReport.User> users = NAMES.stream().map(n -> new SetupReport.User("u-" + n.length(), n,
                "user" + n.length() + "@contoso.example", true)).toList();
        return new SetupReport(h.schemaVersion(), at, h.summary(), h.steps(), h.tenant(), h.app(), h.instance(),
                h.saml(), h.scim(), h.provisioning(), List.of(new SetupReport.Group("g2", "李雷的团队", 2, 0, null)),
                users, List.of(new SetupReport.Item(Section.ASSIGNMENTS, Finding.Severity.WARNING,
                        "user-missing-names", "محمد has no last name in Entra: AWS requires one.",
                        "Add it in Entra, then Provision again.")), h.timeline());
    }
}
