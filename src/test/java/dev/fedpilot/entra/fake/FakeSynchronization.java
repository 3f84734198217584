package dev.fedpilot.entra.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** /servicePrincipals/{id}/synchronization/... and /auditLogs/provisioning. */
final class FakeSynchronization {
    static final String TEMPLATE = "aWSSingleSignon";
    /** The USERGROUP outbound rule of the AWS IdC template's schema, as tenants show it today. */
    static final String ON_DEMAND_RULE = "03f7d90d-bf71-41b1-bda6-aaf0ddbee5d8";
    static final int MAX_ON_DEMAND_MEMBERS = 5;
    private static final Pattern SP_FILTER = Pattern.compile("servicePrincipal/id eq '([^']+)'");
    private static final Pattern SINCE_FILTER = Pattern.compile("activityDateTime (gt|lt|ge|le) (\\S+)");

    private final GraphFake fake;
    final Map<String, Map<String, ObjectNode>> jobs = new ConcurrentHashMap<>();
    final Map<String, Map<String, String>> secrets = new ConcurrentHashMap<>();
    private final Map<String, Deque<Instant>> onDemandCalls = new ConcurrentHashMap<>();
    private final List<ObjectNode> auditLog = new CopyOnWriteArrayList<>();
    volatile String expectedBaseAddress;
    volatile String expectedToken;
    volatile boolean echoSecrets;
    /** The rule id the job's schema names; a tenant may show another one (e.g. with a "#V2" suffix). */
    volatile String onDemandRuleId = ON_DEMAND_RULE;

    FakeSynchronization(GraphFake fake) {
        this.fake = fake;
    }

    FakeResponse handle(RecordedRequest request) {
        String spId = request.segment(1);
        if (!fake.apps.servicePrincipals.containsKey(spId) || fake.apps.stillHidden(spId)) {
            return FakeResponse.notFound(spId);
        }
        ObjectNode sp = fake.apps.servicePrincipals.get(spId);
        String area = request.segment(3) == null ? "" : request.segment(3);
        Map<String, ObjectNode> spJobs = jobs.computeIfAbsent(spId, k -> new LinkedHashMap<>());
        return switch (area + " " + request.method() + " " + request.segments().size()) {
            case "templates GET 4" -> templates(sp);
            case "jobs GET 4" -> list(spJobs.values());
            case "jobs POST 4" -> createJob(spJobs, request.json());
            case "secrets PUT 4" -> saveSecrets(spId, request.json());
            default -> area.equals("jobs") && request.segments().size() >= 5 ? job(sp, spJobs, request)
                    : FakeResponse.badRequest("Unsupported path " + request.path());
        };
    }

    private FakeResponse templates(ObjectNode sp) {
        ObjectNode body = fake.json.createObjectNode();
        body.putArray("value").addObject().put("id", TEMPLATE).put("factoryTag", TEMPLATE)
                .put("applicationId", sp.get("appId").asText()).put("default", true).put("discoverable", true)
                .put("description", "AWS IAM Identity Center provisioning");
        return fake.ok(body);
    }

    private FakeResponse list(java.util.Collection<ObjectNode> values) {
        ObjectNode body = fake.json.createObjectNode();
        ArrayNode array = body.putArray("value");
        values.forEach(array::add);
        return fake.ok(body);
    }

    private FakeResponse createJob(Map<String, ObjectNode> spJobs, JsonNode body) {
        if (!TEMPLATE.equals(body.path("templateId").asText())) {
            return FakeResponse.badRequest("The template '" + body.path("templateId").asText() + "' was not found.");
        }
        String id = TEMPLATE + "." + GraphFake.TENANT_ID.replace("-", "") + "." + UUID.randomUUID().toString().replace("-", "");
        ObjectNode job = fake.json.createObjectNode().put("id", id).put("templateId", TEMPLATE);
        job.putObject("schedule").putNull("expiration").put("interval", "PT40M").put("state", "Disabled");
        ObjectNode status = job.putObject("status").put("code", "NotConfigured").put("countSuccessiveCompleteFailures", 0)
                .put("escrowsPruned", false).putNull("lastExecution").putNull("quarantine")
                .put("steadyStateFirstAchievedTime", "0001-01-01T00:00:00Z");
        status.putArray("synchronizedEntryCountByType");
        spJobs.put(id, job);
        return FakeResponse.created(job);
    }

    private FakeResponse saveSecrets(String spId, JsonNode body) {
        Map<String, String> saved = new LinkedHashMap<>();
        body.path("value").forEach(pair -> saved.put(pair.path("key").asText(), pair.path("value").asText()));
        if (!saved.containsKey("BaseAddress") || !saved.containsKey("SecretToken")) {
            return FakeResponse.badRequest("BaseAddress and SecretToken are required"
                    + (echoSecrets ? "; got " + body : "."));
        }
        secrets.put(spId, saved);
        jobs.getOrDefault(spId, Map.of()).values().forEach(job -> {
            if (job.path("status").path("code").asText().equals("NotConfigured")) {
                ((ObjectNode) job.get("status")).put("code", "Paused");
            }
        });
        return FakeResponse.noContent();
    }

    private FakeResponse job(ObjectNode sp, Map<String, ObjectNode> spJobs, RecordedRequest request) {
        ObjectNode job = spJobs.get(request.segment(4));
        if (job == null) {
            return FakeResponse.notFound(request.segment(4));
        }
        String action = request.segments().size() == 6 ? request.segment(5) : "";
        String spId = sp.get("id").asText();
        return switch (action + " " + request.method()) {
            case " GET" -> fake.ok(job);
            case "schema GET" -> fake.ok(schema());
            case "validateCredentials POST" -> validate(request.json().path("credentials"));
            case "start POST" -> run(sp, job);
            case "pause POST" -> {
                ((ObjectNode) job.get("status")).put("code", "Paused");
                ((ObjectNode) job.get("schedule")).put("state", "Paused");
                yield FakeResponse.noContent();
            }
            case "restart POST" -> request.json().path("criteria").path("resetScope").isMissingNode()
                    ? FakeResponse.badRequest("criteria.resetScope is required.") : run(sp, job);
            case "provisionOnDemand POST" -> onDemand(spId, job, request.json());
            default -> FakeResponse.badRequest("Unsupported path " + request.path());
        };
    }

    private FakeResponse validate(JsonNode credentials) {
        Map<String, String> given = new LinkedHashMap<>();
        credentials.forEach(pair -> given.put(pair.path("key").asText(), pair.path("value").asText()));
        if (valid(given)) {
            return FakeResponse.noContent();
        }
        String message = "Failed to validate credentials. Error details: "
                + "SystemForCrossDomainIdentityManagementCredentialValidationUnavailable: "
                + "the SCIM endpoint answered 401 Unauthorized"
                + (echoSecrets ? " for token '" + given.get("SecretToken") + "'." : ".");
        return FakeResponse.error(400, "BadRequest", message);
    }

    private boolean valid(Map<String, String> credentials) {
        return expectedToken != null && expectedToken.equals(credentials.get("SecretToken"))
                && (expectedBaseAddress == null || expectedBaseAddress.equals(credentials.get("BaseAddress")));
    }

    /**
     * Start or restart: a cycle runs at once. synchronization-synchronizationjob-start.md: start is accepted in any
     * state (204); without valid saved credentials the job goes to quarantine instead of failing the call.
     */
    private FakeResponse run(ObjectNode sp, ObjectNode job) {
        ObjectNode status = (ObjectNode) job.get("status");
        Instant now = Instant.now();
        if (!valid(secrets.getOrDefault(sp.get("id").asText(), Map.of()))) {
            status.put("code", "Quarantine");
            ObjectNode quarantine = status.putObject("quarantine").put("currentBegan", now.toString())
                    .put("nextAttempt", now.plus(Duration.ofHours(6)).toString())
                    .put("reason", "EncounteredQuarantineException").put("seriesBegan", now.toString())
                    .put("seriesCount", 1);
            quarantine.putObject("error").put("code", "SystemForCrossDomainIdentityManagementInvalidCredentials")
                    .put("message", "The SCIM endpoint refused the saved credentials.").put("tenantActionable", true);
            return FakeResponse.noContent();
        }
        Set<String> users = new LinkedHashSet<>();
        Set<String> groups = new LinkedHashSet<>();
        for (JsonNode a : fake.apps.assignments.get(sp.get("id").asText())) {
            String principal = a.get("principalId").asText();
            if (a.get("principalType").asText().equals("Group")) {
                groups.add(principal);
                fake.directory.members.get(principal).stream()
                        .filter(fake.directory.users::containsKey).forEach(users::add);
            } else {
                users.add(principal);
            }
        }
        status.put("code", "Active").putNull("quarantine");
        ((ObjectNode) job.get("schedule")).put("state", "Active");
        status.putObject("lastExecution").put("timeBegan", now.toString()).put("timeEnded", now.toString())
                .put("state", "Succeeded").put("countExported", users.size() + groups.size()).put("countEscrowed", 0);
        ArrayNode counts = status.putArray("synchronizedEntryCountByType");
        counts.addObject().put("key", "User").put("value", users.size());
        counts.addObject().put("key", "Group").put("value", groups.size());
        users.forEach(u -> log(sp, job, fake.directory.users.get(u), "User", "success", now));
        groups.forEach(g -> log(sp, job, fake.directory.groups.get(g), "Group", "success", now));
        return FakeResponse.noContent();
    }

    private FakeResponse onDemand(String spId, ObjectNode job, JsonNode body) {
        Deque<Instant> calls = onDemandCalls.computeIfAbsent(spId, k -> new ArrayDeque<>());
        Instant now = Instant.now();
        synchronized (calls) {
            while (!calls.isEmpty() && calls.peekFirst().isBefore(now.minusSeconds(10))) {
                calls.removeFirst();
            }
            if (calls.size() >= 5) {
                long wait = Math.max(1, Duration.between(now, calls.peekFirst().plusSeconds(10)).toSeconds());
                return FakeResponse.error(429, "TooManyRequests", "Provision on demand allows 5 requests in 10 s.",
                        Map.of("Retry-After", String.valueOf(wait)));
            }
            calls.addLast(now);
        }
        // synchronization-synchronizationjob-provisionondemand.md: the ruleId comes from the job's schema
        JsonNode parameters = body.path("parameters").path(0);
        if (!onDemandRuleId.equals(parameters.path("ruleId").asText())) {
            return FakeResponse.badRequest("The rule '" + parameters.path("ruleId").asText() + "' does not exist.");
        }
        JsonNode subject = parameters.path("subjects").path(0);
        String id = subject.path("objectId").asText();
        String type = subject.path("objectTypeName").asText();
        JsonNode members = subject.path("links").path("members");
        // learn.microsoft.com/entra/identity/app-provisioning/provision-on-demand, "Known limitations": a group is
        // provisioned on demand with at most five of its members
        if (members.size() > MAX_ON_DEMAND_MEMBERS) {
            return FakeResponse.badRequest("On-demand provisioning of a group supports up to "
                    + MAX_ON_DEMAND_MEMBERS + " members at a time; the request names " + members.size() + ".");
        }
        JsonNode principal = fake.directory.principal(id);
        ObjectNode sp = fake.apps.servicePrincipals.get(spId);
        String result;
        String errorMessage = null;
        if (principal == null) {
            return FakeResponse.notFound(id);
        } else if (!valid(secrets.getOrDefault(spId, Map.of()))) {
            result = "Failure";
            errorMessage = "The SCIM endpoint refused the saved credentials.";
        } else if (!entitled(spId, id, type)) {
            result = "Skipped";
            errorMessage = "The " + type.toLowerCase() + " is not assigned to the application.";
        } else {
            result = "Success";
            log(sp, job, principal, type, "success", now);
            if (type.equals("Group")) {
                members.forEach(m -> {
                    JsonNode user = fake.directory.users.get(m.path("objectId").asText());
                    if (user != null && fake.directory.members.get(id).contains(user.get("id").asText())) {
                        log(sp, job, user, "User", "success", now);
                    }
                });
            }
        }
        ObjectNode key = fake.json.createObjectNode().put("result", result);
        ObjectNode details = key.putObject("details");
        if (errorMessage != null) {
            details.put("errorCode", result.equals("Skipped") ? "NotEffectivelyEntitled" : "InvalidCredentials")
                    .put("errorMessage", errorMessage);
        }
        // Example 1 (user): value carries the export's details; example 3 (group and members): value is "{}"
        ObjectNode value = fake.json.createObjectNode();
        if (type.equals("User")) {
            value.put("action", "Create").put("reportableIdentifier", principal.path("userPrincipalName").asText());
            value.putObject("sourceIdentity").put("id", id).put("type", "User")
                    .put("displayName", principal.path("displayName").asText());
            value.putObject("statusInfo").put("status", result);
        }
        ObjectNode answer = fake.json.createObjectNode()
                .put("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#microsoft.graph.stringKeyStringValuePair")
                .put("key", key.toString()).put("value", value.toString());
        return fake.ok(answer);
    }

    /** synchronization-synchronizationschema-get.md: directories and synchronizationRules (shortened). */
    private JsonNode schema() {
        ObjectNode schema = fake.json.createObjectNode().put("id", TEMPLATE).put("version", "Date:2024-01-01");
        ArrayNode directories = schema.putArray("directories");
        directories.addObject().put("id", "66e4a8cc-1b7b-435e-95f8-f06cea133828").put("name", "Azure Active Directory")
                .putArray("objects").addObject().put("name", "User");
        directories.addObject().put("id", "8ffa6169-f354-4751-9b77-9c00765be92d").put("name", "AWS IAM Identity Center")
                .putArray("objects").addObject().put("name", "urn:ietf:params:scim:schemas:core:2.0:User");
        ArrayNode rules = schema.putArray("synchronizationRules");
        ObjectNode rule = rules.addObject().put("id", onDemandRuleId).put("name", "USERGROUP_OUTBOUND_USERGROUP")
                .put("sourceDirectoryName", "Azure Active Directory")
                .put("targetDirectoryName", "AWS IAM Identity Center").put("editable", true).put("priority", 1);
        ArrayNode mappings = rule.putArray("objectMappings");
        mappings.addObject().put("name", "Provision Microsoft Entra ID Users").put("sourceObjectName", "User")
                .put("targetObjectName", "User").put("enabled", true);
        mappings.addObject().put("name", "Provision Microsoft Entra ID Groups").put("sourceObjectName", "Group")
                .put("targetObjectName", "Group").put("enabled", true);
        return schema;
    }

    private boolean entitled(String spId, String principalId, String type) {
        for (JsonNode a : fake.apps.assignments.get(spId)) {
            String assigned = a.get("principalId").asText();
            if (assigned.equals(principalId)) {
                return true;
            }
            if (type.equals("User") && a.get("principalType").asText().equals("Group")
                    && fake.directory.members.get(assigned).contains(principalId)) {
                return true;
            }
        }
        return false;
    }

    private void log(ObjectNode sp, ObjectNode job, JsonNode principal, String type, String status, Instant at) {
        ObjectNode entry = fake.json.createObjectNode().put("id", UUID.randomUUID().toString())
                .put("activityDateTime", at.toString()).put("jobId", job.get("id").asText())
                .put("cycleId", UUID.randomUUID().toString()).put("changeId", UUID.randomUUID().toString())
                .put("provisioningAction", "create");
        entry.putObject("servicePrincipal").put("id", sp.get("id").asText()).put("displayName", sp.get("displayName").asText());
        entry.putObject("sourceIdentity").put("id", principal.get("id").asText())
                .put("displayName", principal.path("displayName").asText()).put("identityType", type);
        entry.putObject("provisioningStatusInfo").put("status", status).putNull("errorInformation");
        auditLog.add(entry);
    }

    FakeResponse auditLog(RecordedRequest request) {
        if (!"provisioning".equals(request.segment(1)) || !request.method().equals("GET")) {
            return FakeResponse.badRequest("Unsupported path " + request.path());
        }
        // Authentication_RequestFromNonPremiumTenantOrB2CTenant: the audit logs need Entra ID P1/P2
        // (learn.microsoft.com/entra/identity/monitoring-health/concept-audit-logs, "license requirements")
        if (!fake.premiumLicence()) {
            return FakeResponse.error(403, "Authentication_RequestFromNonPremiumTenantOrB2CTenant",
                    "Neither tenant is B2C or tenant doesn't have premium license");
        }
        String filter = request.param("$filter") == null ? "" : request.param("$filter");
        Matcher sp = SP_FILTER.matcher(filter);
        Matcher since = SINCE_FILTER.matcher(filter);
        String spId = sp.find() ? sp.group(1) : null;
        boolean hasSince = since.find();
        // provisioningobjectsummary-list.md: $filter supports eq, contains, gt and lt only
        if (hasSince && !List.of("gt", "lt").contains(since.group(1))) {
            return FakeResponse.error(400, "Request_UnsupportedQuery", "Unsupported filter operator '"
                    + since.group(1) + "' for property 'activityDateTime'.");
        }
        Instant from = hasSince && since.group(1).equals("gt") ? Instant.parse(since.group(2)) : Instant.EPOCH;
        List<ObjectNode> entries = new ArrayList<>(auditLog);
        entries.removeIf(e -> spId != null && !e.path("servicePrincipal").path("id").asText().equals(spId)
                || !Instant.parse(e.get("activityDateTime").asText()).isAfter(from));
        entries.sort(Comparator.comparing((ObjectNode e) -> Instant.parse(e.get("activityDateTime").asText())).reversed());
        return fake.page(request, entries);
    }
}
