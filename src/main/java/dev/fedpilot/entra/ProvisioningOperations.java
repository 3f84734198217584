package dev.fedpilot.entra;

import dev.fedpilot.text.Messages;
import com.microsoft.graph.models.ProvisioningObjectSummary;
import com.microsoft.graph.models.StringKeyStringValuePair;
import com.microsoft.graph.models.SynchronizationJob;
import com.microsoft.graph.models.SynchronizationJobApplicationParameters;
import com.microsoft.graph.models.SynchronizationJobRestartCriteria;
import com.microsoft.graph.models.SynchronizationJobRestartScope;
import com.microsoft.graph.models.SynchronizationJobSubject;
import com.microsoft.graph.models.SynchronizationLinkedObjects;
import com.microsoft.graph.models.SynchronizationRule;
import com.microsoft.graph.models.SynchronizationSchema;
import com.microsoft.graph.models.SynchronizationSecret;
import com.microsoft.graph.models.SynchronizationSecretKeyStringValuePair;
import com.microsoft.graph.models.SynchronizationTemplate;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.serviceprincipals.item.synchronization.jobs.item.SynchronizationJobItemRequestBuilder;
import com.microsoft.graph.serviceprincipals.item.synchronization.jobs.item.provisionondemand.ProvisionOnDemandPostRequestBody;
import com.microsoft.graph.serviceprincipals.item.synchronization.jobs.item.restart.RestartPostRequestBody;
import com.microsoft.graph.serviceprincipals.item.synchronization.jobs.item.validatecredentials.ValidateCredentialsPostRequestBody;
import com.microsoft.graph.serviceprincipals.item.synchronization.secrets.SecretsPutRequestBody;
import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.EnterpriseApp;
import dev.fedpilot.domain.OnDemandRequest;
import dev.fedpilot.domain.PrincipalType;
import dev.fedpilot.domain.ProvisioningEvent;
import dev.fedpilot.domain.ProvisioningJob;
import dev.fedpilot.domain.ProvisioningOutcome;
import dev.fedpilot.domain.ScimEndpoint;
import dev.fedpilot.domain.Secret;
import dev.fedpilot.port.EntraTenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import static dev.fedpilot.entra.GraphOperation.CREATE_JOB;
import static dev.fedpilot.entra.GraphOperation.PAUSE_JOB;
import static dev.fedpilot.entra.GraphOperation.PROVISION_ON_DEMAND;
import static dev.fedpilot.entra.GraphOperation.READ_JOBS;
import static dev.fedpilot.entra.GraphOperation.READ_PROVISIONING_LOG;
import static dev.fedpilot.entra.GraphOperation.READ_SCHEMA;
import static dev.fedpilot.entra.GraphOperation.RESTART_JOB;
import static dev.fedpilot.entra.GraphOperation.SAVE_CREDENTIALS;
import static dev.fedpilot.entra.GraphOperation.START_JOB;
import static dev.fedpilot.entra.GraphOperation.VALIDATE_CREDENTIALS;

/** The app's synchronization (SCIM provisioning) job, its credentials, on-demand runs and log. */
final class ProvisioningOperations {
    private static final Logger log = LoggerFactory.getLogger(ProvisioningOperations.class);

    private final GraphServiceClient graph;
    private final GraphCalls calls;
    private final java.util.Map<String, String> ruleIds = new java.util.concurrent.ConcurrentHashMap<>();

    ProvisioningOperations(GraphServiceClient graph, GraphCalls calls) {
        this.graph = graph;
        this.calls = calls;
    }

    Optional<ProvisioningJob> findJob(EnterpriseApp app) {
        var jobs = calls.call(READ_JOBS, AppOperations.ids(app), null, () -> sync(app).jobs().get());
        if (jobs == null || jobs.getValue() == null) {
            return Optional.empty();
        }
        return jobs.getValue().stream()
                .filter(j -> EntraTenant.SYNC_TEMPLATE_ID.equalsIgnoreCase(j.getTemplateId()))
                .findFirst().map(GraphMapping::job);
    }

    ProvisioningJob createJob(EnterpriseApp app) {
        var templates = calls.call(READ_JOBS, AppOperations.ids(app), null, () -> sync(app).templates().get());
        boolean offered = templates != null && templates.getValue() != null && templates.getValue().stream()
                .anyMatch(ProvisioningOperations::isAwsTemplate);
        if (!offered) {
            throw new CloudException(CloudException.Problem.NOT_FOUND,
                    Messages.english().get("entra.error.noSyncTemplate", EntraTenant.SYNC_TEMPLATE_ID),
                    Messages.english().get("entra.fix.noSyncTemplate"));
        }
        SynchronizationJob body = new SynchronizationJob();
        body.setTemplateId(EntraTenant.SYNC_TEMPLATE_ID);
        SynchronizationJob created = calls.call(CREATE_JOB, AppOperations.ids(app), null,
                () -> sync(app).jobs().post(body));
        log.info("Created provisioning job {} on app {}", created.getId(), app.appId());
        return GraphMapping.job(created);
    }

    private static boolean isAwsTemplate(SynchronizationTemplate t) {
        return EntraTenant.SYNC_TEMPLATE_ID.equalsIgnoreCase(t.getId())
                || EntraTenant.SYNC_TEMPLATE_ID.equalsIgnoreCase(t.getFactoryTag());
    }

    void validateCredentials(EnterpriseApp app, String jobId, ScimEndpoint endpoint, Secret token) {
        String value = token.revealAsString();
        ValidateCredentialsPostRequestBody body = new ValidateCredentialsPostRequestBody();
        body.setCredentials(credentials(endpoint, value));
        try {
            calls.call(VALIDATE_CREDENTIALS, AppOperations.ids(app), value, () -> {
                job(app, jobId).validateCredentials().post(body);
                return null;
            });
            log.info("Entra accepted the SCIM endpoint {} and token for app {}", endpoint, app.appId());
        } finally {
            body.setCredentials(List.of());
        }
    }

    void saveCredentials(EnterpriseApp app, ScimEndpoint endpoint, Secret token) {
        String value = token.revealAsString();
        SecretsPutRequestBody body = new SecretsPutRequestBody();
        body.setValue(credentials(endpoint, value));
        try {
            calls.call(SAVE_CREDENTIALS, AppOperations.ids(app), value, () -> sync(app).secrets().put(body));
            log.info("Saved SCIM endpoint {} and token for app {}", endpoint, app.appId());
        } finally {
            body.setValue(List.of());
        }
    }

    private static List<SynchronizationSecretKeyStringValuePair> credentials(ScimEndpoint endpoint, String token) {
        SynchronizationSecretKeyStringValuePair address = new SynchronizationSecretKeyStringValuePair();
        address.setKey(SynchronizationSecret.BaseAddress);
        address.setValue(endpoint.baseAddress().toString());
        SynchronizationSecretKeyStringValuePair secret = new SynchronizationSecretKeyStringValuePair();
        secret.setKey(SynchronizationSecret.SecretToken);
        secret.setValue(token);
        return List.of(address, secret);
    }

    void start(EnterpriseApp app, String jobId) {
        calls.call(START_JOB, AppOperations.ids(app), null, () -> {
            job(app, jobId).start().post();
            return null;
        });
        log.info("Started provisioning job {} on app {}", jobId, app.appId());
    }

    void pause(EnterpriseApp app, String jobId) {
        calls.call(PAUSE_JOB, AppOperations.ids(app), null, () -> {
            job(app, jobId).pause().post();
            return null;
        });
        log.info("Paused provisioning job {} on app {}", jobId, app.appId());
    }

    void restart(EnterpriseApp app, String jobId) {
        SynchronizationJobRestartCriteria criteria = new SynchronizationJobRestartCriteria();
        criteria.setResetScope(EnumSet.of(SynchronizationJobRestartScope.Full));
        RestartPostRequestBody body = new RestartPostRequestBody();
        body.setCriteria(criteria);
        calls.call(RESTART_JOB, AppOperations.ids(app), null, () -> {
            job(app, jobId).restart().post(body);
            return null;
        });
        log.info("Restarted provisioning job {} on app {}", jobId, app.appId());
    }

    ProvisioningJob read(EnterpriseApp app, String jobId) {
        return GraphMapping.job(calls.call(READ_JOBS, AppOperations.ids(app), null, () -> job(app, jobId).get()));
    }

    List<ProvisioningOutcome> provisionOnDemand(EnterpriseApp app, String jobId, OnDemandRequest request) {
        SynchronizationJobSubject subject = subject(request.subjectId(), request.subjectType());
        if (!request.memberIds().isEmpty()) {
            SynchronizationLinkedObjects links = new SynchronizationLinkedObjects();
            links.setMembers(request.memberIds().stream().map(id -> subject(id, PrincipalType.USER)).toList());
            subject.setLinks(links);
        }
        SynchronizationJobApplicationParameters parameters = new SynchronizationJobApplicationParameters();
        parameters.setRuleId(onDemandRuleId(app, jobId));
        parameters.setSubjects(List.of(subject));
        ProvisionOnDemandPostRequestBody body = new ProvisionOnDemandPostRequestBody();
        body.setParameters(List.of(parameters));
        StringKeyStringValuePair answer = calls.call(PROVISION_ON_DEMAND, AppOperations.ids(app), null,
                () -> job(app, jobId).provisionOnDemand().post(body));
        ProvisioningOutcome outcome = GraphMapping.onDemandOutcome(answer, request);
        log.info("Provision on demand of {} {}: {}", request.subjectType(), request.subjectId(), outcome.result());
        return List.of(outcome);
    }

    /**
     * The id of the job schema's {@value EntraTenant#ON_DEMAND_RULE_NAME} rule (synchronizationRules), read once
     * per job: tenants show different ids for it.
     */
    String onDemandRuleId(EnterpriseApp app, String jobId) {
        return ruleIds.computeIfAbsent(jobId, id -> {
            SynchronizationSchema schema = calls.call(READ_SCHEMA, AppOperations.ids(app), null,
                    () -> job(app, jobId).schema().get());
            List<SynchronizationRule> rules = schema == null || schema.getSynchronizationRules() == null
                    ? List.of() : schema.getSynchronizationRules();
            return rules.stream().filter(r -> EntraTenant.ON_DEMAND_RULE_NAME.equalsIgnoreCase(r.getName()))
                    .map(SynchronizationRule::getId).filter(java.util.Objects::nonNull).findFirst()
                    .orElseThrow(() -> new CloudException(CloudException.Problem.INVALID_INPUT,
                            Messages.english().get("entra.error.noOnDemandRule", EntraTenant.ON_DEMAND_RULE_NAME),
                            Messages.english().get("entra.fix.noOnDemandRule")));
        });
    }

    private static SynchronizationJobSubject subject(String id, PrincipalType type) {
        SynchronizationJobSubject subject = new SynchronizationJobSubject();
        subject.setObjectId(id);
        subject.setObjectTypeName(GraphMapping.graphTypeName(type));
        return subject;
    }

    List<ProvisioningEvent> log(EnterpriseApp app, Instant since) {
        // the API documents eq, contains, gt and lt for $filter (provisioningobjectsummary-list); one second
        // earlier keeps an event at exactly {@code since}, as the truncation to seconds could drop it
        String filter = "servicePrincipal/id eq '" + app.servicePrincipalId() + "' and activityDateTime gt "
                + DateTimeFormatter.ISO_INSTANT.format(since.truncatedTo(ChronoUnit.SECONDS).minusSeconds(1));
        List<ProvisioningEvent> events = new ArrayList<>();
        var provisioning = graph.auditLogs().provisioning();
        try {
            GraphPaging.forEachPage(calls, READ_PROVISIONING_LOG,
                    () -> provisioning.get(c -> c.queryParameters.filter = filter),
                    next -> provisioning.withUrl(next).get(),
                    r -> r.getValue(), r -> r.getOdataNextLink(),
                    (ProvisioningObjectSummary s) -> GraphMapping.event(s),
                    events::addAll);
        } catch (CloudException e) {
            if (GraphCalls.noPremiumLicence(e)) {
                throw unlicensed(app, e);
            }
            throw e;
        }
        events.removeIf(e -> e.time() != null && e.time().isBefore(since));
        events.sort(Comparator.comparing(ProvisioningEvent::time, Comparator.nullsLast(Comparator.reverseOrder())));
        return events;
    }

    /** Without P1/P2 the job's own status is what Entra tells: say so, and give it. */
    private CloudException unlicensed(EnterpriseApp app, CloudException cause) {
        Optional<ProvisioningJob> job = findJob(app);
        String status = job.map(j -> String.valueOf(j.status())).orElse("-");
        String cycle = job.flatMap(j -> Optional.ofNullable(j.lastExecution()))
                .map(e -> e.state() + " " + e.ended()).orElse(Messages.english().get("entra.log.noCycle"));
        String quarantine = job.flatMap(j -> Optional.ofNullable(j.quarantine())).map(q -> "; " + q.reason())
                .orElse("");
        log.info("No provisioning log for app {} (no P1/P2 licence); job status {}", app.appId(), status);
        return new CloudException(CloudException.Problem.FORBIDDEN,
                Messages.english().get("entra.log.unlicensed", status, cycle, quarantine), cause.fix(), null, cause);
    }

    private com.microsoft.graph.serviceprincipals.item.synchronization.SynchronizationRequestBuilder sync(
            EnterpriseApp app) {
        return graph.servicePrincipals().byServicePrincipalId(app.servicePrincipalId()).synchronization();
    }

    private SynchronizationJobItemRequestBuilder job(EnterpriseApp app, String jobId) {
        return sync(app).jobs().bySynchronizationJobId(jobId);
    }
}
