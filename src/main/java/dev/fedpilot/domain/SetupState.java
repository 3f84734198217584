package dev.fedpilot.domain;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The setup's saved progress: which steps are done and the ids, URLs and dates they produced, so a restart
 * resumes where the user stopped. Never a token or a key: the SCIM token is asked for again.
 *
 * @param scimTokenCreated when the user says the pasted SCIM token was generated (AWS tokens live one year)
 * @param idpMetadataFile  where the Entra federation metadata was saved for the AWS console
 */
public record SetupState(int version, Map<SetupStep, StepStatus> steps, IdcInstance instance, TenantInfo tenant,
                         EnterpriseApp app, String spEntityId, String acsUrl, CertificateInfo signingCertificate,
                         String idpMetadataFile, String scimEndpoint, Instant scimTokenCreated, String jobId,
                         List<AppAssignment> assignments, Instant updated) {
    public static final int VERSION = 1;
    public static final String STORE_NAME = "setup";

    public SetupState {
        Map<SetupStep, StepStatus> copy = new EnumMap<>(SetupStep.class);
        for (SetupStep step : SetupStep.values()) {
            copy.put(step, steps == null ? StepStatus.TODO : steps.getOrDefault(step, StepStatus.TODO));
        }
        steps = Map.copyOf(copy);
        assignments = assignments == null ? List.of() : List.copyOf(assignments);
    }

    public static SetupState empty() {
        return new SetupState(VERSION, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public StepStatus status(SetupStep step) {
        return steps.get(step);
    }

    /** The first step that is not done, or WATCH when all are. */
    public SetupStep currentStep() {
        for (SetupStep step : SetupStep.values()) {
            if (steps.get(step) != StepStatus.DONE) {
                return step;
            }
        }
        return SetupStep.WATCH;
    }

    public SetupState withStatus(SetupStep step, StepStatus status) {
        return copy(c -> c.steps.put(step, status));
    }

    public SetupState withInstance(IdcInstance value) {
        return copy(c -> c.instance = value);
    }

    public SetupState withTenant(TenantInfo value) {
        return copy(c -> c.tenant = value);
    }

    public SetupState withApp(EnterpriseApp value) {
        return copy(c -> c.app = value);
    }

    public SetupState withSaml(String entityId, String acs, CertificateInfo certificate) {
        return copy(c -> { c.spEntityId = entityId; c.acsUrl = acs; c.signingCertificate = certificate; });
    }

    public SetupState withIdpMetadataFile(String value) {
        return copy(c -> c.idpMetadataFile = value);
    }

    public SetupState withScim(String endpoint, Instant tokenCreated, String job) {
        return copy(c -> { c.scimEndpoint = endpoint; c.scimTokenCreated = tokenCreated; c.jobId = job; });
    }

    public SetupState withAssignments(List<AppAssignment> value) {
        return copy(c -> c.assignments = value);
    }

    public SetupState touched(Instant at) {
        return copy(c -> c.updated = at);
    }

    /** This state with one change; every wither goes through here so none has to list all the components. */
    private SetupState copy(Consumer<Copy> change) {
        Copy c = new Copy(this);
        change.accept(c);
        return new SetupState(c.version, c.steps, c.instance, c.tenant, c.app, c.spEntityId, c.acsUrl,
                c.signingCertificate, c.idpMetadataFile, c.scimEndpoint, c.scimTokenCreated, c.jobId, c.assignments,
                c.updated);
    }

    /** The components of a state being changed. */
    private static final class Copy {
        private final int version;
        private final Map<SetupStep, StepStatus> steps;
        private IdcInstance instance;
        private TenantInfo tenant;
        private EnterpriseApp app;
        private String spEntityId;
        private String acsUrl;
        private CertificateInfo signingCertificate;
        private String idpMetadataFile;
        private String scimEndpoint;
        private Instant scimTokenCreated;
        private String jobId;
        private List<AppAssignment> assignments;
        private Instant updated;

        private Copy(SetupState from) {
            version = from.version;
            steps = new EnumMap<>(from.steps);
            instance = from.instance;
            tenant = from.tenant;
            app = from.app;
            spEntityId = from.spEntityId;
            acsUrl = from.acsUrl;
            signingCertificate = from.signingCertificate;
            idpMetadataFile = from.idpMetadataFile;
            scimEndpoint = from.scimEndpoint;
            scimTokenCreated = from.scimTokenCreated;
            jobId = from.jobId;
            assignments = from.assignments;
            updated = from.updated;
        }
    }
}
