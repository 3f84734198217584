package dev.fedpilot.entra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.graph.models.AppRoleAssignment;
import com.microsoft.graph.models.DirectoryObject;
import com.microsoft.graph.models.Group;
import com.microsoft.graph.models.ProvisioningObjectSummary;
import com.microsoft.graph.models.StringKeyLongValuePair;
import com.microsoft.graph.models.StringKeyStringValuePair;
import com.microsoft.graph.models.SynchronizationJob;
import com.microsoft.graph.models.SynchronizationQuarantine;
import com.microsoft.graph.models.SynchronizationStatus;
import com.microsoft.graph.models.SynchronizationTaskExecution;
import com.microsoft.graph.models.User;
import com.microsoft.kiota.PeriodAndDuration;
import dev.fedpilot.domain.AppAssignment;
import dev.fedpilot.domain.DirectoryGroup;
import dev.fedpilot.domain.DirectoryUser;
import dev.fedpilot.domain.GroupMember;
import dev.fedpilot.domain.OnDemandRequest;
import dev.fedpilot.domain.PrincipalType;
import dev.fedpilot.domain.ProvisioningEvent;
import dev.fedpilot.domain.ProvisioningJob;
import dev.fedpilot.domain.ProvisioningOutcome;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Graph SDK models → domain records. Pure functions. */
final class GraphMapping {
    /** Only what {@link DirectoryUser} needs. */
    static final String[] USER_FIELDS = {"id", "userPrincipalName", "displayName", "givenName", "surname", "mail",
            "otherMails", "businessPhones", "mobilePhone"};
    static final String[] GROUP_FIELDS = {"id", "displayName", "description"};
    static final String[] MEMBER_FIELDS = {"id", "displayName"};

    private static final ObjectMapper JSON = new ObjectMapper();

    private GraphMapping() {
    }

    static DirectoryUser user(User u) {
        Set<String> emails = new LinkedHashSet<>();
        addIfPresent(emails, u.getMail());
        if (u.getOtherMails() != null) {
            u.getOtherMails().forEach(m -> addIfPresent(emails, m));
        }
        Set<String> phones = new LinkedHashSet<>();
        if (u.getBusinessPhones() != null) {
            u.getBusinessPhones().forEach(p -> addIfPresent(phones, p));
        }
        addIfPresent(phones, u.getMobilePhone());
        return new DirectoryUser(u.getId(), u.getUserPrincipalName(), u.getDisplayName(), u.getGivenName(),
                u.getSurname(), new ArrayList<>(emails), new ArrayList<>(phones), null);
    }

    static DirectoryGroup group(Group g) {
        return new DirectoryGroup(g.getId(), g.getDisplayName(), g.getDescription(), null);
    }

    /** Null for members provisioning ignores anyway (devices, contacts, service principals). */
    static GroupMember member(DirectoryObject o) {
        if (o instanceof User u) {
            return new GroupMember(u.getId(), PrincipalType.USER, u.getDisplayName());
        }
        if (o instanceof Group g) {
            return new GroupMember(g.getId(), PrincipalType.GROUP, g.getDisplayName());
        }
        return null;
    }

    /** Null for assignments to service principals, which are not provisioned. */
    static AppAssignment assignment(AppRoleAssignment a) {
        PrincipalType type = principalType(a.getPrincipalType());
        if (type == null) {
            return null;
        }
        return new AppAssignment(a.getId(), a.getPrincipalId() == null ? null : a.getPrincipalId().toString(), type,
                a.getPrincipalDisplayName());
    }

    static PrincipalType principalType(String graphType) {
        if (graphType == null) {
            return null;
        }
        return switch (graphType.toLowerCase(Locale.ROOT)) {
            case "user" -> PrincipalType.USER;
            case "group" -> PrincipalType.GROUP;
            default -> null;
        };
    }

    static String graphTypeName(PrincipalType type) {
        return type == PrincipalType.GROUP ? "Group" : "User";
    }

    static ProvisioningJob job(SynchronizationJob j) {
        SynchronizationStatus s = j.getStatus();
        ProvisioningJob.Status status = status(s);
        Duration interval = j.getSchedule() == null ? null : duration(j.getSchedule().getInterval());
        ProvisioningJob.LastExecution last = s == null ? null : lastExecution(s.getLastExecution());
        ProvisioningJob.Quarantine quarantine = status == ProvisioningJob.Status.QUARANTINE
                ? quarantine(s.getQuarantine()) : null;
        Map<String, Long> counts = new HashMap<>();
        if (s != null && s.getSynchronizedEntryCountByType() != null) {
            for (StringKeyLongValuePair pair : s.getSynchronizedEntryCountByType()) {
                if (pair.getKey() != null && pair.getValue() != null) {
                    counts.put(pair.getKey(), pair.getValue());
                }
            }
        }
        return new ProvisioningJob(j.getId(), j.getTemplateId(), status, interval, last, quarantine, counts);
    }

    private static ProvisioningJob.Status status(SynchronizationStatus s) {
        if (s == null || s.getCode() == null) {
            return ProvisioningJob.Status.NOT_CONFIGURED;
        }
        return switch (s.getCode()) {
            case Active -> ProvisioningJob.Status.ACTIVE;
            case Quarantine -> ProvisioningJob.Status.QUARANTINE;
            // NotRun: created and never started, which the user fixes like a pause: start it
            case Paused, NotRun -> ProvisioningJob.Status.PAUSED;
            case NotConfigured -> ProvisioningJob.Status.NOT_CONFIGURED;
        };
    }

    static Duration duration(PeriodAndDuration p) {
        if (p == null) {
            return null;
        }
        return Duration.ofDays(p.getPeriod().getDays()).plus(p.getDuration());
    }

    private static ProvisioningJob.LastExecution lastExecution(SynchronizationTaskExecution e) {
        if (e == null || e.getTimeBegan() == null) {
            return null;
        }
        String errorCode = e.getError() == null ? null : e.getError().getCode();
        String errorMessage = e.getError() == null ? null : e.getError().getMessage();
        return new ProvisioningJob.LastExecution(instant(e.getTimeBegan()), instant(e.getTimeEnded()),
                e.getState() == null ? null : e.getState().getValue(), zeroIfNull(e.getCountExported()),
                zeroIfNull(e.getCountEscrowed()), errorCode, errorMessage);
    }

    private static ProvisioningJob.Quarantine quarantine(SynchronizationQuarantine q) {
        if (q == null) {
            return new ProvisioningJob.Quarantine(null, null, null);
        }
        String detail = null;
        if (q.getError() != null) {
            detail = q.getError().getCode() == null ? q.getError().getMessage()
                    : q.getError().getMessage() == null ? q.getError().getCode()
                    : q.getError().getCode() + ": " + q.getError().getMessage();
        }
        return new ProvisioningJob.Quarantine(q.getReason() == null ? null : q.getReason().getValue(), detail,
                instant(q.getNextAttempt()));
    }

    /**
     * provisionOnDemand answers one key/value pair of JSON strings: key has the result, value the details
     * (empty for groups), so the request supplies the subject when the answer does not.
     */
    static ProvisioningOutcome onDemandOutcome(StringKeyStringValuePair pair, OnDemandRequest request) {
        JsonNode key = parse(pair == null ? null : pair.getKey());
        JsonNode value = parse(pair == null ? null : pair.getValue());
        String result = key.path("result").asText(value.path("statusInfo").path("status").asText(""));
        String message = firstText(key.path("details").path("errorMessage"),
                value.path("statusInfo").path("reason"), key.path("details").path("errorCode"));
        String name = firstText(value.path("sourceIdentity").path("displayName"), value.path("reportableIdentifier"));
        String id = firstText(value.path("sourceIdentity").path("id"));
        return new ProvisioningOutcome(id == null ? request.subjectId() : id, request.subjectType(), name,
                result(result), message);
    }

    static ProvisioningEvent event(ProvisioningObjectSummary s) {
        String id = s.getSourceIdentity() == null ? null : s.getSourceIdentity().getId();
        String name = s.getSourceIdentity() == null ? null : s.getSourceIdentity().getDisplayName();
        PrincipalType type = s.getSourceIdentity() == null ? null
                : principalType(s.getSourceIdentity().getIdentityType());
        String status = s.getProvisioningStatusInfo() == null || s.getProvisioningStatusInfo().getStatus() == null
                ? "" : s.getProvisioningStatusInfo().getStatus().getValue();
        String message = null;
        if (s.getProvisioningStatusInfo() != null && s.getProvisioningStatusInfo().getErrorInformation() != null) {
            var error = s.getProvisioningStatusInfo().getErrorInformation();
            message = error.getReason() != null ? error.getReason() : error.getErrorCode();
        }
        if (message == null && s.getProvisioningAction() != null) {
            message = s.getProvisioningAction().getValue();
        }
        return new ProvisioningEvent(instant(s.getActivityDateTime()),
                new ProvisioningOutcome(id, type == null ? PrincipalType.USER : type, name, result(status), message));
    }

    /** Graph's success/skipped/failure/warning; a warning still did the work. */
    static ProvisioningOutcome.Result result(String graphResult) {
        return switch (graphResult == null ? "" : graphResult.toLowerCase(Locale.ROOT)) {
            case "success", "warning" -> ProvisioningOutcome.Result.SUCCESS;
            case "skipped" -> ProvisioningOutcome.Result.SKIPPED;
            default -> ProvisioningOutcome.Result.FAILURE;
        };
    }

    static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private static long zeroIfNull(Long value) {
        return value == null ? 0 : value;
    }

    private static JsonNode parse(String json) {
        if (json == null || json.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static String firstText(JsonNode... nodes) {
        for (JsonNode n : nodes) {
            if (n != null && n.isValueNode() && !n.isNull() && !n.asText().isBlank()) {
                return n.asText();
            }
        }
        return null;
    }

    private static void addIfPresent(Set<String> target, String value) {
        if (value != null && !value.isBlank()) {
            target.add(value);
        }
    }

    static List<String> nonNull(List<String> values) {
        return values == null ? List.of() : values;
    }
}
