package dev.fedpilot.report;

import dev.fedpilot.domain.Finding;
import dev.fedpilot.report.ReportDocument.Banner;
import dev.fedpilot.report.ReportDocument.Block;
import dev.fedpilot.report.ReportDocument.Facts;
import dev.fedpilot.report.ReportDocument.Findings;
import dev.fedpilot.report.ReportDocument.Line;
import dev.fedpilot.report.ReportDocument.Note;
import dev.fedpilot.report.ReportDocument.Part;
import dev.fedpilot.report.ReportDocument.Table;
import dev.fedpilot.report.SetupReport.Item;
import dev.fedpilot.report.SetupReport.Section;
import dev.fedpilot.report.SetupReport.State;
import dev.fedpilot.text.Fact;
import dev.fedpilot.text.Messages;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Lays a {@link SetupReport} out as a {@link ReportDocument} in the words of {@code messages.properties}. */
public final class ReportLayout {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private final Messages messages;

    public ReportLayout(Messages messages) {
        this.messages = messages;
    }

    public ReportDocument document(SetupReport r) {
        SetupReport.Summary s = r.summary();
        Banner banner = new Banner(s.health(), messages.get("report.health." + s.health().id()),
                messages.get("report.summary.detail", s.stepsDone(), s.stepsTotal(), s.errors(), s.warnings(), s.infos()));
        List<Part> parts = new ArrayList<>();
        parts.add(findings(r));
        parts.add(steps(r));
        parts.add(entra(r));
        parts.add(aws(r));
        parts.add(saml(r));
        parts.add(scim(r));
        parts.add(provisioning(r));
        parts.add(assignments(r));
        parts.add(timeline(r));
        return new ReportDocument(messages.get("report.title"), subtitle(r), banner, parts);
    }

    /** A section's title in the user's language. */
    public String sectionTitle(Section section) {
        return messages.get("report.section." + section.id());
    }

    private String subtitle(SetupReport r) {
        String tenant = r.tenant() == null ? messages.get("report.value.notSetUp") : r.tenant().primaryDomain();
        String instance = r.instance() == null ? messages.get("report.value.notSetUp")
                : r.instance().identityStoreId() + " (" + r.instance().region() + ")";
        return messages.get("report.subtitle", tenant, instance, when(r.generatedAt()));
    }

    private Part findings(SetupReport r) {
        List<Line> lines = r.findings().stream().map(this::line).toList();
        Block block = lines.isEmpty() ? new Note(messages.get("report.findings.none"))
                : new Findings(messages.get("report.findings.fix"), lines);
        return part(Section.FINDINGS, r, true, List.of(block));
    }

    private Line line(Item f) {
        return new Line(f.severity(), messages.get("report.severity." + f.severity().id()), sectionTitle(f.section()),
                f.code(), f.message(), f.fix());
    }

    private Part steps(SetupReport r) {
        List<List<String>> rows = r.steps().stream().map(step -> List.of(
                messages.get("setup.step." + step.id() + ".title"),
                messages.get("setup.status." + id(step.status())))).toList();
        return part(Section.STEPS, r, true, List.of(new Table(null,
                List.of(messages.get("report.col.step"), messages.get("report.col.status")), rows, List.of(false, false))));
    }

    private Part entra(SetupReport r) {
        List<Fact> facts = new ArrayList<>();
        if (r.tenant() != null) {
            facts.add(Fact.text(messages.get("report.fact.tenant"), r.tenant().primaryDomain()));
            facts.add(Fact.text(messages.get("report.fact.tenantName"), r.tenant().displayName()));
            facts.add(Fact.code(messages.get("report.fact.tenantId"), r.tenant().tenantId()));
            facts.add(Fact.text(messages.get("report.fact.signedInUser"), r.tenant().signedInUser()));
        }
        List<Block> blocks = new ArrayList<>();
        if (r.app() != null) {
            facts.add(Fact.text(messages.get("report.fact.app"), r.app().displayName()));
            facts.add(Fact.code(messages.get("report.fact.appId"), r.app().appId()));
            facts.add(Fact.code(messages.get("report.fact.appObjectId"), r.app().applicationObjectId()));
            facts.add(Fact.code(messages.get("report.fact.spId"), r.app().servicePrincipalId()));
        }
        if (!facts.isEmpty()) {
            blocks.add(new Facts(facts));
        }
        if (r.app() == null) {
            blocks.add(new Note(messages.get("report.entra.noApp")));
        }
        return part(Section.ENTRA, r, r.app() != null, blocks);
    }

    private Part aws(SetupReport r) {
        SetupReport.Instance i = r.instance();
        if (i == null) {
            return part(Section.AWS, r, false, List.of(new Note(messages.get("report.aws.none"))));
        }
        return part(Section.AWS, r, true, List.of(new Facts(List.of(
                Fact.code(messages.get("report.fact.instanceArn"), i.instanceArn()),
                Fact.code(messages.get("report.fact.identityStoreId"), i.identityStoreId()),
                Fact.text(messages.get("report.fact.region"), i.region()),
                Fact.text(messages.get("report.fact.instanceName"), orDash(i.name()))))));
    }

    private Part saml(SetupReport r) {
        SetupReport.Saml saml = r.saml();
        if (saml == null) {
            return part(Section.SAML, r, false, List.of(new Note(messages.get("report.saml.none"))));
        }
        List<Fact> facts = new ArrayList<>();
        SetupReport.ServiceProvider sp = saml.serviceProvider();
        facts.add(code("report.fact.spEntityId", sp == null ? null : sp.entityId(), notSetUp()));
        facts.add(code("report.fact.acsUrl", sp == null ? null : sp.acsUrl(), sp == null ? notSetUp() : unread()));
        SetupReport.IdentityProvider idp = saml.identityProvider();
        String idpMissing = idp == null ? notSetUp() : unread();
        facts.add(code("report.fact.idpEntityId", idp == null ? null : idp.entityId(), idpMissing));
        facts.add(code("report.fact.ssoUrl", idp == null ? null : idp.ssoUrl(), idpMissing));
        facts.add(code("report.fact.metadataUrl", idp == null ? null : idp.metadataUrl(), idpMissing));
        facts.add(code("report.fact.metadataFile", idp == null ? null : idp.metadataFile(), notSetUp()));
        SetupReport.Certificate c = saml.certificate();
        facts.add(Fact.text(messages.get("report.fact.certSubject"), c == null ? notSetUp() : c.subject()));
        facts.add(code("report.fact.certSha256", c == null ? null : c.sha256(), notSetUp()));
        facts.add(Fact.text(messages.get("report.fact.certValidFrom"), c == null ? notSetUp() : when(c.notBefore())));
        facts.add(Fact.text(messages.get("report.fact.certExpires"), c == null ? notSetUp() : when(c.notAfter())));
        return part(Section.SAML, r, sp != null, List.of(new Facts(facts)));
    }

    private Part scim(SetupReport r) {
        SetupReport.Scim scim = r.scim();
        if (scim == null) {
            return part(Section.SCIM, r, false, List.of(new Note(messages.get("report.scim.none"))));
        }
        return part(Section.SCIM, r, true, List.of(new Facts(List.of(
                        Fact.code(messages.get("report.fact.scimEndpoint"), scim.endpoint()),
                        Fact.text(messages.get("report.fact.tokenCreated"), orUnknown(scim.tokenCreated())),
                        Fact.text(messages.get("report.fact.tokenExpires"), orUnknown(scim.tokenExpires())))),
                new Note(messages.get("report.scim.noToken"))));
    }

    private Part provisioning(SetupReport r) {
        SetupReport.Provisioning p = r.provisioning();
        if (p == null) {
            return part(Section.PROVISIONING, r, false, List.of(new Note(messages.get("report.provisioning.none"))));
        }
        List<Fact> facts = new ArrayList<>();
        facts.add(Fact.code(messages.get("report.fact.jobId"), p.jobId()));
        facts.add(Fact.text(messages.get("report.fact.jobStatus"), p.status() == null ? messages.get("report.value.unread")
                : messages.get("report.jobStatus." + id(p.status()))));
        if (p.interval() != null) {
            facts.add(Fact.text(messages.get("report.fact.interval"),
                    messages.get("report.interval", java.time.Duration.parse(p.interval()).toMinutes())));
        }
        SetupReport.LastCycle last = p.lastCycle();
        if (p.status() != null) {
            facts.add(Fact.text(messages.get("report.fact.lastCycle"), last == null ? messages.get("report.value.noCycle")
                    : messages.get("report.lastCycle", when(last.started()), when(last.ended()), orDash(last.state()),
                    last.succeeded(), last.failed())));
        }
        if (last != null && last.error() != null) {
            facts.add(Fact.text(messages.get("report.fact.lastError"), last.error()));
        }
        if (!p.counts().isEmpty()) {
            facts.add(Fact.text(messages.get("report.fact.counts"), p.counts().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey()).map(e -> e.getKey() + ": " + e.getValue())
                    .collect(Collectors.joining(", "))));
        }
        if (p.quarantine() != null) {
            facts.add(Fact.text(messages.get("report.fact.quarantine"),
                    ReportBuilder.join(p.quarantine().reason(), p.quarantine().detail())));
            facts.add(Fact.text(messages.get("report.fact.nextAttempt"), orUnknown(p.quarantine().nextAttempt())));
        }
        return part(Section.PROVISIONING, r, true, List.of(new Facts(facts)));
    }

    private Part assignments(SetupReport r) {
        List<Block> blocks = new ArrayList<>();
        if (!r.groups().isEmpty()) {
            List<List<String>> rows = r.groups().stream().map(g -> List.of(g.displayName(), count(g.entraMembers()),
                    count(g.nestedGroups()),
                    g.aws() == null ? messages.get("report.groups.notInAws") : g.aws().groupId(),
                    g.aws() == null ? "" : count(g.aws().members()),
                    g.aws() == null ? "" : messages.get(g.aws().scimManaged() ? "report.groups.scim" : "report.groups.manual")))
                    .toList();
            blocks.add(new Table(messages.get("report.groups.caption"), List.of(messages.get("report.col.group"),
                    messages.get("report.col.entraMembers"), messages.get("report.col.nested"),
                    messages.get("report.col.awsGroup"), messages.get("report.col.awsMembers"),
                    messages.get("report.col.managedBy")), rows, List.of(false, false, false, true, false, false)));
        }
        if (!r.users().isEmpty()) {
            List<List<String>> rows = r.users().stream().map(u -> List.of(orDash(u.displayName()), orDash(u.userName()),
                    u.inAws() == null ? messages.get("report.value.unknown")
                            : messages.get(u.inAws() ? "report.value.yes" : "report.value.no"))).toList();
            blocks.add(new Table(messages.get("report.users.caption"), List.of(messages.get("report.col.user"),
                    messages.get("report.col.userName"), messages.get("report.col.inAws")), rows, List.of(false, true, false)));
        }
        boolean any = !blocks.isEmpty();
        if (!any) {
            blocks.add(new Note(messages.get("report.assignments.none")));
        }
        return part(Section.ASSIGNMENTS, r, any, blocks);
    }

    private Part timeline(SetupReport r) {
        if (r.timeline().isEmpty()) {
            return part(Section.TIMELINE, r, true, List.of(new Note(messages.get("report.timeline.none"))));
        }
        List<List<String>> rows = r.timeline().stream().map(e -> List.of(when(e.at()), orDash(e.area()),
                orDash(e.action()), messages.get("report.outcome." + id(e.outcome())), orDash(e.detail()))).toList();
        return part(Section.TIMELINE, r, true, List.of(new Table(null, List.of(messages.get("report.col.time"),
                messages.get("report.col.area"), messages.get("report.col.action"), messages.get("report.col.outcome"),
                messages.get("report.col.detail")), rows, List.of(false, true, false, false, false))));
    }

    private Part part(Section section, SetupReport r, boolean setUp, List<Block> blocks) {
        State state = state(section, r, setUp);
        return new Part(section, sectionTitle(section), state, messages.get("report.state." + state.id()), blocks);
    }

    /** Not set up, or as bad as the worst finding about it. */
    static State state(Section section, SetupReport r, boolean setUp) {
        List<Item> mine = section == Section.FINDINGS ? r.findings()
                : r.findings().stream().filter(f -> f.section() == section).toList();
        if (mine.stream().anyMatch(f -> f.severity() == Finding.Severity.ERROR)) {
            return State.PROBLEM;
        }
        if (mine.stream().anyMatch(f -> f.severity() == Finding.Severity.WARNING)) {
            return State.ATTENTION;
        }
        return setUp ? State.OK : State.NOT_SET_UP;
    }

    /** An enum value as its lowercase, dash-separated id: the JSON value and the message key's last part. */
    static String id(Enum<?> value) {
        return ReportJson.id(value);
    }

    static String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }

    private String notSetUp() {
        return messages.get("report.value.notSetUp");
    }

    /** An id or URL shown as code, or the placeholder as plain text when there is none. */
    private Fact code(String labelKey, String value, String placeholder) {
        String label = messages.get(labelKey);
        return value == null || value.isBlank() ? Fact.text(label, placeholder) : Fact.code(label, value);
    }

    private String unread() {
        return messages.get("report.value.unread");
    }

    private String orUnknown(Instant value) {
        return value == null ? messages.get("report.value.unknown") : when(value);
    }

    private String count(Integer value) {
        return value == null ? messages.get("report.value.unread") : String.valueOf(value);
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "\u2014" : value;
    }
}
