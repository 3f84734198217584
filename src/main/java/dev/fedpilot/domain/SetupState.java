package dev.fedpilot.domain;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

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
        Map<SetupStep, StepStatus> next = new EnumMap<>(steps);
        next.put(step, status);
        return new SetupState(version, next, instance, tenant, app, spEntityId, acsUrl, signingCertificate,
                idpMetadataFile, scimEndpoint, scimTokenCreated, jobId, assignments, updated);
    }

    public SetupState withInstance(IdcInstance value) {
        return new SetupState(version, steps, value, tenant, app, spEntityId, acsUrl, signingCertificate,
                idpMetadataFile, scimEndpoint, scimTokenCreated, jobId, assignments, updated);
    }

    public SetupState withTenant(TenantInfo value) {
        return new SetupState(version, steps, instance, value, app, spEntityId, acsUrl, signingCertificate,
                idpMetadataFile, scimEndpoint, scimTokenCreated, jobId, assignments, updated);
    }

    public SetupState withApp(EnterpriseApp value) {
        return new SetupState(version, steps, instance, tenant, value, spEntityId, acsUrl, signingCertificate,
                idpMetadataFile, scimEndpoint, scimTokenCreated, jobId, assignments, updated);
    }

    public SetupState withSaml(String entityId, String acs, CertificateInfo certificate) {
        return new SetupState(version, steps, instance, tenant, app, entityId, acs, certificate,
                idpMetadataFile, scimEndpoint, scimTokenCreated, jobId, assignments, updated);
    }

    public SetupState withIdpMetadataFile(String value) {
        return new SetupState(version, steps, instance, tenant, app, spEntityId, acsUrl, signingCertificate,
                value, scimEndpoint, scimTokenCreated, jobId, assignments, updated);
    }

    public SetupState withScim(String endpoint, Instant tokenCreated, String job) {
        return new SetupState(version, steps, instance, tenant, app, spEntityId, acsUrl, signingCertificate,
                idpMetadataFile, endpoint, tokenCreated, job, assignments, updated);
    }

    public SetupState withAssignments(List<AppAssignment> value) {
        return new SetupState(version, steps, instance, tenant, app, spEntityId, acsUrl, signingCertificate,
                idpMetadataFile, scimEndpoint, scimTokenCreated, jobId, value, updated);
    }

    public SetupState touched(Instant at) {
        return new SetupState(version, steps, instance, tenant, app, spEntityId, acsUrl, signingCertificate,
                idpMetadataFile, scimEndpoint, scimTokenCreated, jobId, assignments, at);
    }
}
