package dev.fedpilot.entra.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** /users, /groups, /groups/{id}/members with $select, $top, paging and the advanced-query rules. */
final class FakeDirectory {
    private static final Pattern SEARCH_TERM = Pattern.compile("\"([A-Za-z]+):([^\"]*)\"");

    private final GraphFake fake;
    final Map<String, ObjectNode> users = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    final Map<String, ObjectNode> groups = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    final Map<String, List<String>> members = new ConcurrentHashMap<>();

    FakeDirectory(GraphFake fake) {
        this.fake = fake;
    }

    String addUser(String upn, String displayName, String givenName, String surname, String mail) {
        String id = UUID.randomUUID().toString();
        ObjectNode user = fake.json.createObjectNode().put("@odata.type", "#microsoft.graph.user").put("id", id)
                .put("userPrincipalName", upn).put("displayName", displayName)
                .put("givenName", givenName).put("surname", surname).put("mail", mail).putNull("mobilePhone");
        user.putArray("otherMails");
        user.putArray("businessPhones");
        user.put("accountEnabled", true).put("jobTitle", "Engineer");
        users.put(id, user);
        return id;
    }

    String addGroup(String displayName, String description) {
        String id = UUID.randomUUID().toString();
        ObjectNode group = fake.json.createObjectNode().put("@odata.type", "#microsoft.graph.group").put("id", id)
                .put("displayName", displayName).put("description", description).put("securityEnabled", true)
                .put("mailEnabled", false);
        groups.put(id, group);
        members.put(id, new java.util.concurrent.CopyOnWriteArrayList<>());
        return id;
    }

    void addMember(String groupId, String memberId) {
        if (!groups.containsKey(groupId) || !users.containsKey(memberId) && !groups.containsKey(memberId)) {
            throw new IllegalArgumentException("unknown group or member");
        }
        members.get(groupId).add(memberId);
    }

    JsonNode principal(String id) {
        ObjectNode user = users.get(id);
        return user != null ? user : groups.get(id);
    }

    FakeResponse handle(RecordedRequest request) {
        FakeResponse memberWrite = memberReference(request);
        if (memberWrite != null) {
            return memberWrite;
        }
        if (!request.method().equals("GET")) {
            return FakeResponse.error(405, "Request_BadRequest", "Only reads are faked for users and groups.");
        }
        boolean isUsers = request.segment(0).equals("users");
        Map<String, ObjectNode> store = isUsers ? users : groups;
        if (request.segments().size() == 1) {
            FakeResponse refused = advancedQueryRule(request);
            if (refused != null) {
                return refused;
            }
            List<ObjectNode> all;
            synchronized (store) {
                all = new ArrayList<>(store.values());
            }
            String search = request.param("$search");
            if (search != null) {
                all.removeIf(item -> !matches(item, search));
            }
            return fake.page(request, all);
        }
        String id = request.segment(1);
        ObjectNode item = store.get(id);
        if (item == null) {
            return FakeResponse.notFound(id);
        }
        if (request.segments().size() == 2) {
            return fake.ok(fake.project(item, request.param("$select")));
        }
        if (!isUsers && request.segment(2).equals("members") && request.segments().size() == 3) {
            List<JsonNode> direct = members.get(id).stream().map(this::principal).toList();
            return fake.page(request, direct);
        }
        return FakeResponse.badRequest("Unsupported directory path " + request.path());
    }

    /** POST /groups/{id}/members/$ref and DELETE /groups/{id}/members/{memberId}/$ref, with Graph's answers. */
    private FakeResponse memberReference(RecordedRequest request) {
        List<String> seg = request.segments();
        if (!seg.get(0).equals("groups") || seg.size() < 4 || !seg.get(seg.size() - 1).equals("$ref")) {
            return null;
        }
        List<String> list = members.get(seg.get(1));
        if (list == null) {
            return FakeResponse.notFound(seg.get(1));
        }
        if (request.method().equals("POST") && seg.size() == 4) {
            String odataId = request.json().path("@odata.id").asText();
            String memberId = odataId.substring(odataId.lastIndexOf('/') + 1);
            if (principal(memberId) == null) {
                return FakeResponse.notFound(memberId);
            }
            if (list.contains(memberId)) {
                return FakeResponse.badRequest("One or more added object references already exist for the following modified properties: 'members'.");
            }
            list.add(memberId);
            return FakeResponse.noContent();
        }
        if (request.method().equals("DELETE") && seg.size() == 5) {
            return list.remove(seg.get(3)) ? FakeResponse.noContent() : FakeResponse.notFound(seg.get(3));
        }
        return FakeResponse.badRequest("Unsupported member reference " + request.path());
    }

    /** $search and $count are advanced queries: Graph refuses them without ConsistencyLevel: eventual. */
    private static FakeResponse advancedQueryRule(RecordedRequest request) {
        boolean eventual = "eventual".equalsIgnoreCase(request.header("ConsistencyLevel"));
        if (request.param("$search") != null && !eventual) {
            return FakeResponse.error(400, "Request_UnsupportedQuery", "Request with $search query parameter only "
                    + "works through MSGraph with a special request header: 'ConsistencyLevel: eventual'");
        }
        if ("true".equals(request.param("$count")) && !eventual) {
            return FakeResponse.error(400, "Request_BadRequest", "$count is not currently supported.");
        }
        return null;
    }

    /** {@code "displayName:ali" OR "mail:ali"}: any term whose property contains the text (case-insensitive). */
    private static boolean matches(JsonNode item, String search) {
        Matcher m = SEARCH_TERM.matcher(search);
        while (m.find()) {
            String value = item.path(m.group(1)).asText("").toLowerCase(Locale.ROOT);
            if (!m.group(2).isBlank() && value.contains(m.group(2).toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
