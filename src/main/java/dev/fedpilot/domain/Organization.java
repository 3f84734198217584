package dev.fedpilot.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The accounts FedPilot can grant access to, grouped by OU. When the caller may not read AWS Organizations (it is
 * neither the management account nor a delegated administrator), the accounts come from sso-admin alone: ids
 * only, no OUs, and {@link #note()} says so.
 *
 * @param units               the root first, then every OU; empty when only account ids are known
 * @param managementAccountId the organization's management account; null when unknown
 * @param note                why the picture is partial; null when it is complete
 */
public record Organization(List<OrganizationalUnit> units, List<AwsAccount> accounts, String managementAccountId,
                           String note) {

    public Organization {
        units = List.copyOf(units);
        accounts = accounts.stream().sorted(Comparator.comparing(AwsAccount::name, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(AwsAccount::id)).toList();
    }

    /** Accounts known by id only (from sso-admin), with the reason the organization could not be read. */
    public static Organization accountIdsOnly(List<String> accountIds, String note) {
        return new Organization(List.of(), accountIds.stream().distinct().map(id -> new AwsAccount(id, id, null))
                .toList(), null, note);
    }

    public boolean complete() {
        return note == null;
    }

    public Optional<AwsAccount> account(String id) {
        return accounts.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    public Optional<OrganizationalUnit> unit(String id) {
        return units.stream().filter(u -> u.id().equalsIgnoreCase(id)).findFirst();
    }

    /** The account's place, e.g. {@code Root/Workloads/Production}; empty when unknown. */
    public String path(String accountId) {
        return account(accountId).map(AwsAccount::parentId).map(this::unitPath).orElse("");
    }

    /** An OU's place from the root, e.g. {@code Root/Workloads}. */
    public String unitPath(String unitId) {
        Map<String, OrganizationalUnit> byId = byId();
        List<String> names = new ArrayList<>();
        for (OrganizationalUnit u = byId.get(unitId); u != null && names.size() <= byId.size();
             u = u.parentId() == null ? null : byId.get(u.parentId())) {
            names.add(0, u.name());
        }
        return String.join("/", names);
    }

    /**
     * Every account in the OU and in the OUs below it, as they are now. Identity Center assigns accounts, not
     * OUs, so an account that joins the OU later gets nothing from an assignment made with this list.
     */
    public List<AwsAccount> accountsUnder(String unitId) {
        Map<String, List<String>> children = new HashMap<>();
        units.forEach(u -> children.computeIfAbsent(u.parentId(), k -> new ArrayList<>()).add(u.id()));
        Map<String, Boolean> inside = new LinkedHashMap<>();
        Deque<String> todo = new ArrayDeque<>();
        unit(unitId).ifPresent(u -> todo.add(u.id()));
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (inside.putIfAbsent(next, true) == null) {
                todo.addAll(children.getOrDefault(next, List.of()));
            }
        }
        return accounts.stream().filter(a -> a.parentId() != null && inside.containsKey(a.parentId())).toList();
    }

    private Map<String, OrganizationalUnit> byId() {
        Map<String, OrganizationalUnit> byId = new HashMap<>();
        units.forEach(u -> byId.put(u.id(), u));
        return byId;
    }
}
