package dev.fedpilot.entra;

import com.microsoft.graph.models.DirectoryObject;
import com.microsoft.graph.models.Group;
import com.microsoft.graph.models.User;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.BaseRequestConfiguration;
import dev.fedpilot.domain.DirectoryGroup;
import dev.fedpilot.domain.DirectoryUser;
import dev.fedpilot.domain.GroupMember;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import static dev.fedpilot.entra.GraphOperation.ADD_MEMBER;
import static dev.fedpilot.entra.GraphOperation.LIST_GROUPS;
import static dev.fedpilot.entra.GraphOperation.LIST_MEMBERS;
import static dev.fedpilot.entra.GraphOperation.LIST_USERS;
import static dev.fedpilot.entra.GraphOperation.READ_GROUP;
import static dev.fedpilot.entra.GraphOperation.READ_USER;
import static dev.fedpilot.entra.GraphOperation.REMOVE_MEMBER;
import static dev.fedpilot.entra.GraphOperation.SEARCH_GROUPS;
import static dev.fedpilot.entra.GraphOperation.SEARCH_USERS;

/** Users, groups and members: only the fields the domain needs, 999 a page, every nextLink followed. */
final class DirectoryOperations {
    static final int PAGE_SIZE = 999;

    private final GraphServiceClient graph;
    private final GraphCalls calls;

    DirectoryOperations(GraphServiceClient graph, GraphCalls calls) {
        this.graph = graph;
        this.calls = calls;
    }

    void listUsers(Consumer<List<DirectoryUser>> onPage) {
        var users = graph.users();
        GraphPaging.forEachPage(calls, LIST_USERS,
                () -> users.get(c -> {
                    c.queryParameters.select = GraphMapping.USER_FIELDS;
                    c.queryParameters.top = PAGE_SIZE;
                }),
                next -> users.withUrl(next).get(),
                r -> r.getValue(), r -> r.getOdataNextLink(), GraphMapping::user, onPage);
    }

    void listGroups(Consumer<List<DirectoryGroup>> onPage) {
        var groups = graph.groups();
        GraphPaging.forEachPage(calls, LIST_GROUPS,
                () -> groups.get(c -> {
                    c.queryParameters.select = GraphMapping.GROUP_FIELDS;
                    c.queryParameters.top = PAGE_SIZE;
                }),
                next -> groups.withUrl(next).get(),
                r -> r.getValue(), r -> r.getOdataNextLink(), GraphMapping::group, onPage);
    }

    void listGroupMembers(String groupId, Consumer<List<GroupMember>> onPage) {
        var members = graph.groups().byGroupId(groupId).members();
        GraphPaging.forEachPage(calls, LIST_MEMBERS,
                () -> members.get(c -> {
                    c.queryParameters.select = GraphMapping.MEMBER_FIELDS;
                    c.queryParameters.top = PAGE_SIZE;
                }),
                next -> members.withUrl(next).get(),
                r -> r.getValue(), r -> r.getOdataNextLink(), (DirectoryObject o) -> GraphMapping.member(o), onPage);
    }

    /** $search is an advanced query: ConsistencyLevel: eventual and $count=true on every page. */
    List<DirectoryUser> searchUsers(String text, int limit) {
        String search = searchExpression(text, "displayName", "userPrincipalName", "mail");
        if (search == null || limit <= 0) {
            return List.of();
        }
        var users = graph.users();
        List<DirectoryUser> found = new ArrayList<>();
        GraphPaging.forEachPage(calls, SEARCH_USERS,
                () -> users.get(c -> {
                    eventual(c);
                    c.queryParameters.search = search;
                    c.queryParameters.count = true;
                    c.queryParameters.select = GraphMapping.USER_FIELDS;
                    c.queryParameters.top = Math.min(limit, PAGE_SIZE);
                }),
                next -> users.withUrl(withCount(next)).get(DirectoryOperations::eventual),
                r -> r.getValue(), r -> r.getOdataNextLink(),
                (List<User> page) -> collect(found, page.stream().map(GraphMapping::user).toList(), limit));
        return List.copyOf(found);
    }

    List<DirectoryGroup> searchGroups(String text, int limit) {
        String search = searchExpression(text, "displayName", "description");
        if (search == null || limit <= 0) {
            return List.of();
        }
        var groups = graph.groups();
        List<DirectoryGroup> found = new ArrayList<>();
        GraphPaging.forEachPage(calls, SEARCH_GROUPS,
                () -> groups.get(c -> {
                    eventual(c);
                    c.queryParameters.search = search;
                    c.queryParameters.count = true;
                    c.queryParameters.select = GraphMapping.GROUP_FIELDS;
                    c.queryParameters.top = Math.min(limit, PAGE_SIZE);
                }),
                next -> groups.withUrl(withCount(next)).get(DirectoryOperations::eventual),
                r -> r.getValue(), r -> r.getOdataNextLink(),
                (List<Group> page) -> collect(found, page.stream().map(GraphMapping::group).toList(), limit));
        return List.copyOf(found);
    }

    Optional<DirectoryUser> user(String id) {
        return calls.find(READ_USER, () -> graph.users().byUserId(id)
                .get(c -> c.queryParameters.select = GraphMapping.USER_FIELDS)).map(GraphMapping::user);
    }

    Optional<DirectoryGroup> group(String id) {
        return calls.find(READ_GROUP, () -> graph.groups().byGroupId(id)
                .get(c -> c.queryParameters.select = GraphMapping.GROUP_FIELDS)).map(GraphMapping::group);
    }

    /** POST /groups/{id}/members/$ref; Graph answers 400 "already exist" for a member: that is done, not a failure. */
    void addMember(String groupId, String userId) {
        com.microsoft.graph.models.ReferenceCreate body = new com.microsoft.graph.models.ReferenceCreate();
        body.setOdataId(graph.getRequestAdapter().getBaseUrl() + "/directoryObjects/" + userId);
        try {
            calls.run(ADD_MEMBER, () -> graph.groups().byGroupId(groupId).members().ref().post(body));
        } catch (dev.fedpilot.domain.CloudException e) {
            if (!(e.problem() == dev.fedpilot.domain.CloudException.Problem.INVALID_INPUT
                    || e.problem() == dev.fedpilot.domain.CloudException.Problem.CONFLICT)
                    || !e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("already exist")) {
                throw e;
            }
        }
    }

    /** DELETE /groups/{id}/members/{userId}/$ref; a 404 means the user is not a member any more. */
    void removeMember(String groupId, String userId) {
        try {
            calls.run(REMOVE_MEMBER, () -> graph.groups().byGroupId(groupId).members().byDirectoryObjectId(userId).ref().delete());
        } catch (dev.fedpilot.domain.CloudException e) {
            if (e.problem() != dev.fedpilot.domain.CloudException.Problem.NOT_FOUND) {
                throw e;
            }
        }
    }

    private static void eventual(BaseRequestConfiguration c) {
        c.headers.add("ConsistencyLevel", "eventual");
    }

    /** Graph's nextLink normally repeats $count=true; an advanced query without it is refused, so make sure. */
    static String withCount(String nextLink) {
        String lower = nextLink.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("$count=true") || lower.contains("%24count=true")) {
            return nextLink;
        }
        return nextLink + (nextLink.contains("?") ? "&" : "?") + "%24count=true";
    }

    private static <T> boolean collect(List<T> found, List<T> page, int limit) {
        for (T item : page) {
            if (found.size() >= limit) {
                break;
            }
            found.add(item);
        }
        return found.size() < limit;
    }

    /** {@code "displayName:text" OR "mail:text"}; Graph's $search takes no quotes or backslashes inside a term. */
    static String searchExpression(String text, String... properties) {
        if (text == null) {
            return null;
        }
        String term = text.replace("\"", " ").replace("\\", " ").strip();
        if (term.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (String property : properties) {
            parts.add("\"" + property + ":" + term + "\"");
        }
        return String.join(" OR ", parts);
    }
}
