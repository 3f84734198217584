package dev.fedpilot.report;

import dev.fedpilot.domain.AuditEntry;
import dev.fedpilot.domain.Finding;
import dev.fedpilot.domain.ProvisioningJob;
import dev.fedpilot.domain.StepStatus;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the setup report says, independent of its format: built once by {@link ReportBuilder} from the live
 * clouds, the saved progress and the audit log, then written as HTML, PDF, Markdown or JSON and shown on the
 * Report screen. A part that is null is "not set up yet". Never holds a secret: the SCIM token appears only as
 * its creation and expiry dates. The JSON form follows {@code report.schema.json} (see {@link JsonReportWriter}).
 */
public record SetupReport(int schemaVersion, Instant generatedAt, Summary summary, List<Step> steps,
                          Tenant tenant, App app, Instance instance, Saml saml, Scim scim,
                          Provisioning provisioning, List<Group> groups, List<User> users,
                          List<Item> findings, List<Event> timeline) {
    /** Bumped when a field changes meaning or disappears; new optional fields keep the version. */
    public static final int SCHEMA_VERSION = 1;

    public SetupReport {
        // a saved report from an older FedPilot may lack a list; it reads as empty
        steps = steps == null ? List.of() : List.copyOf(steps);
        groups = groups == null ? List.of() : List.copyOf(groups);
        users = users == null ? List.of() : List.copyOf(users);
        findings = findings == null ? List.of() : List.copyOf(findings);
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
    }

    /** The overall verdict shown at the top. */
    public enum Health {
        NOT_STARTED, INCOMPLETE, PROBLEM, ATTENTION, HEALTHY;

        /** The lowercase, dash-separated name used in JSON, CSS classes and message keys. */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** How a report section stands. */
    public enum State {
        NOT_SET_UP, OK, ATTENTION, PROBLEM;

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** Where a finding belongs; also the ids of the report's sections. */
    public enum Section {
        STEPS, FINDINGS, ENTRA, AWS, SAML, SCIM, PROVISIONING, ASSIGNMENTS, TIMELINE;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public record Summary(Health health, int stepsDone, int stepsTotal, int errors, int warnings, int infos) {
    }

    /**
     * One setup step and where it stands.
     *
     * @param id     the step's key, e.g. {@code sp_metadata_to_entra}
     * @param status todo, working, done or attention in JSON
     */
    public record Step(String id, StepStatus status) {
    }

    public record Tenant(String tenantId, String primaryDomain, String displayName, String signedInUser) {
    }

    public record App(String displayName, String appId, String applicationObjectId, String servicePrincipalId) {
    }

    public record Instance(String instanceArn, String identityStoreId, String region, String name) {
    }

    /** Both sides of SAML sign-in; a side that is null is not set up yet. */
    public record Saml(ServiceProvider serviceProvider, IdentityProvider identityProvider, Certificate certificate) {
    }

    /** AWS, as written into the Entra app. */
    public record ServiceProvider(String entityId, String acsUrl) {
    }

    /**
     * Entra, from the app's federation metadata.
     *
     * @param metadataFile where the metadata was saved for the AWS console
     */
    public record IdentityProvider(String entityId, String ssoUrl, String metadataUrl, String metadataFile) {
    }

    public record Certificate(String subject, String sha256, Instant notBefore, Instant notAfter) {
    }

    /**
     * The SCIM endpoint and the dates of its token, never the token.
     *
     * @param tokenExpires one year after {@code tokenCreated}: AWS SCIM tokens live that long
     */
    public record Scim(String endpoint, Instant tokenCreated, Instant tokenExpires) {
    }

    /**
     * The Entra provisioning job.
     *
     * @param status   not-configured, paused, active, quarantine in JSON; null when it could not be read
     * @param interval ISO-8601 duration between cycles, e.g. PT40M
     * @param counts   synchronized entries by type, e.g. User → 8
     */
    public record Provisioning(String jobId, ProvisioningJob.Status status, String interval, LastCycle lastCycle,
                               Quarantine quarantine, Map<String, Long> counts) {
        public Provisioning {
            counts = counts == null ? Map.of() : Map.copyOf(counts);
        }
    }

    public record LastCycle(Instant started, Instant ended, String state, long succeeded, long failed,
                            String error) {
    }

    public record Quarantine(String reason, String detail, Instant nextAttempt) {
    }

    /**
     * A group assigned to the Entra app and its counterpart in the identity store.
     *
     * @param entraMembers direct user members in Entra (the ones provisioned); null when unreadable
     * @param nestedGroups groups nested in it, which Entra does not provision
     * @param aws          null when AWS has no group of that name (yet)
     */
    public record Group(String entraId, String displayName, Integer entraMembers, Integer nestedGroups,
                        AwsGroup aws) {
    }

    /**
     * The identity store group of the same name.
     *
     * @param members     null when unreadable
     * @param scimManaged true when provisioning owns the group
     */
    public record AwsGroup(String groupId, Integer members, boolean scimManaged) {
    }

    /**
     * A user assigned to the app directly.
     *
     * @param inAws whether the identity store has a user of that name; null when unknown
     */
    public record User(String entraId, String displayName, String userName, Boolean inAws) {
    }

    /** A finding with the section it concerns and its text as worded when the report was built. */
    public record Item(Section section, Finding.Severity severity, String code, String message, String fix) {
    }

    /** One audit log entry; outcome is ok, failed or info in JSON. */
    public record Event(Instant at, String area, String action, AuditEntry.Outcome outcome, String detail) {
    }
}
