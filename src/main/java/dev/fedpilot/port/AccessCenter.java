package dev.fedpilot.port;

import dev.fedpilot.domain.AccountAssignment;
import dev.fedpilot.domain.AsyncRequest;
import dev.fedpilot.domain.IdcInstance;
import dev.fedpilot.domain.Organization;
import dev.fedpilot.domain.PermissionSet;
import dev.fedpilot.domain.PrincipalType;

import java.util.List;
import java.util.function.Consumer;

/**
 * What FedPilot needs to see and change access to AWS accounts: IAM Identity Center permission sets and account
 * assignments (sso-admin) and the accounts of AWS Organizations. Every call is one request (or one listing, page
 * by page) and blocks; failures are {@link dev.fedpilot.domain.CloudException}s, throttling included, so the caller
 * decides how to pace and retry (see {@code access.AccessCalls}). Writes are asynchronous as in AWS: they answer an
 * {@link AsyncRequest} to follow with {@link #status}.
 */
public interface AccessCenter {

    /**
     * The accounts and OUs of the organization. Throws a FORBIDDEN CloudException when the caller is neither the
     * management account nor a delegated administrator (the caller then falls back to ids from sso-admin).
     */
    Organization organization();

    /** Permission set ARNs of the instance, page by page. */
    void listPermissionSets(IdcInstance instance, Consumer<List<String>> onPage);

    /** A permission set with its policies, boundary, session duration and relay state. */
    PermissionSet describePermissionSet(IdcInstance instance, String permissionSetArn);

    /** The permission sets provisioned to one account (ListPermissionSetsProvisionedToAccount). */
    List<String> permissionSetsProvisionedTo(IdcInstance instance, String accountId);

    /**
     * The accounts a permission set is provisioned to (ListAccountsForProvisionedPermissionSet); with
     * {@code outdatedOnly}, those where it changed since it was last provisioned.
     */
    List<String> accountsWithPermissionSet(IdcInstance instance, String permissionSetArn, boolean outdatedOnly);

    /** The assignments of one permission set in one account, page by page. */
    void listAssignments(IdcInstance instance, String accountId, String permissionSetArn,
                         Consumer<List<AccountAssignment>> onPage);

    /** Every assignment of one user or group, in every account (ListAccountAssignmentsForPrincipal). */
    void listAssignmentsForPrincipal(IdcInstance instance, PrincipalType type, String principalId,
                                     Consumer<List<AccountAssignment>> onPage);

    AsyncRequest createAssignment(IdcInstance instance, AccountAssignment assignment);

    /** A missing assignment is a NOT_FOUND CloudException. */
    AsyncRequest deleteAssignment(IdcInstance instance, AccountAssignment assignment);

    /** Brings the permission set in the account up to date (ProvisionPermissionSet). */
    AsyncRequest provision(IdcInstance instance, String permissionSetArn, String accountId);

    /** Where an asynchronous request stands now. */
    AsyncRequest status(IdcInstance instance, AsyncRequest request);
}
