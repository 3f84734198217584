package dev.fedpilot.aws;

import dev.fedpilot.domain.AwsAccount;
import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.CloudException.Problem;
import dev.fedpilot.domain.Organization;
import dev.fedpilot.domain.OrganizationalUnit;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.ListAccountsForParentResponse;
import software.amazon.awssdk.services.organizations.model.ListOrganizationalUnitsForParentResponse;
import software.amazon.awssdk.services.organizations.model.ListRootsResponse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads the organization tree: the roots, then OUs and accounts parent by parent. Only the management account and
 * a delegated administrator may; everyone else gets a FORBIDDEN CloudException naming the refused action.
 */
final class AwsOrganizations {
    /** Codes AWS answers when this caller cannot read the organization at all. */
    private static final Set<String> NOT_READABLE = Set.of("AWSOrganizationsNotInUseException",
            "AccessDeniedException", "AccessDeniedForDependencyException");

    private final OrganizationsClient client;
    private final AwsCalls calls;

    AwsOrganizations(OrganizationsClient client, AwsCalls calls) {
        this.client = client;
        this.calls = calls;
    }

    Organization read() {
        try {
            String management = calls.call("organizations:DescribeOrganization",
                    () -> client.describeOrganization(r -> { }).organization().masterAccountId());
            List<OrganizationalUnit> units = new ArrayList<>();
            List<AwsAccount> accounts = new ArrayList<>();
            Deque<String> parents = new ArrayDeque<>();
            pages("organizations:ListRoots", token -> client.listRoots(r -> r.nextToken(token)),
                    ListRootsResponse::roots, ListRootsResponse::nextToken, page -> page.forEach(root -> {
                        units.add(new OrganizationalUnit(root.id(), root.name(), null));
                        parents.add(root.id());
                    }));
            while (!parents.isEmpty()) {
                String parent = parents.pop();
                pages("organizations:ListOrganizationalUnitsForParent",
                        token -> client.listOrganizationalUnitsForParent(r -> r.parentId(parent).nextToken(token)),
                        ListOrganizationalUnitsForParentResponse::organizationalUnits,
                        ListOrganizationalUnitsForParentResponse::nextToken, page -> page.forEach(ou -> {
                            units.add(new OrganizationalUnit(ou.id(), ou.name(), parent));
                            parents.add(ou.id());
                        }));
                pages("organizations:ListAccountsForParent",
                        token -> client.listAccountsForParent(r -> r.parentId(parent).nextToken(token)),
                        ListAccountsForParentResponse::accounts, ListAccountsForParentResponse::nextToken,
                        page -> page.forEach(a -> accounts.add(new AwsAccount(a.id(), a.name(), parent))));
            }
            return new Organization(units, accounts, management, null);
        } catch (CloudException e) {
            throw notReadable(e);
        }
    }

    private static CloudException notReadable(CloudException e) {
        if (e.getCause() instanceof software.amazon.awssdk.core.exception.SdkException sdk
                && NOT_READABLE.contains(AwsErrors.errorCode(sdk)) && e.problem() != Problem.FORBIDDEN) {
            return new CloudException(Problem.FORBIDDEN, e.getMessage(), "Sign in to the organization's management "
                    + "account or a delegated administrator to see account names and OUs.", null, e.getCause());
        }
        return e;
    }

    private <R, T> void pages(String action, Function<String, R> fetch, Function<R, List<T>> items,
                              Function<R, String> next, Consumer<List<T>> onPage) {
        AwsPages.pages(calls, action, fetch, items, next, onPage);
    }
}
