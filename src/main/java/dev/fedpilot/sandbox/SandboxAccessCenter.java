package dev.fedpilot.sandbox;

import dev.fedpilot.domain.AccountAssignment;
import dev.fedpilot.domain.AsyncRequest;
import dev.fedpilot.domain.IdcInstance;
import dev.fedpilot.domain.Organization;
import dev.fedpilot.domain.PermissionSet;
import dev.fedpilot.domain.PrincipalType;
import dev.fedpilot.port.AccessCenter;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The sandbox's sso-admin and Organizations behind {@link AccessCenter}: every request (every page) counts against
 * the sso-admin rate (default 20 per second) or the Organizations rate, with ThrottlingException beyond it.
 */
final class SandboxAccessCenter implements AccessCenter {
    /** sso-admin MaxResults for assignments and permission sets. */
    static final int PAGE_SIZE = 100;

    private final SandboxOrganization org;
    private final SandboxRateLimit ssoAdmin;
    private final SandboxRateLimit organizations;
    private final CallGate gate;
    private final Supplier<IdcInstance> expectedInstance;

    SandboxAccessCenter(SandboxOrganization org, SandboxRateLimit ssoAdmin, SandboxRateLimit organizations,
                        CallGate gate, Supplier<IdcInstance> expectedInstance) {
        this.org = org;
        this.ssoAdmin = ssoAdmin;
        this.organizations = organizations;
        this.gate = gate;
        this.expectedInstance = expectedInstance;
    }

    @Override
    public Organization organization() {
        gate.enter("ListAccounts");
        gate.limited(() -> organizations.request("ListAccounts"));
        Organization organization = org.organization();
        // ListRoots, ListOrganizationalUnitsForParent per OU, ListAccounts pages: each a request
        for (int i = 1; i < organization.units().size() + Math.max(1, organization.accounts().size() / 20); i++) {
            gate.limited(organizations::page);
        }
        return organization;
    }

    @Override
    public void listPermissionSets(IdcInstance instance, Consumer<List<String>> onPage) {
        pages("ListPermissionSets", instance, org.permissionSetArns(), onPage);
    }

    @Override
    public PermissionSet describePermissionSet(IdcInstance instance, String permissionSetArn) {
        sso("DescribePermissionSet", instance);
        return org.requireSet(permissionSetArn);
    }

    @Override
    public List<String> permissionSetsProvisionedTo(IdcInstance instance, String accountId) {
        sso("ListPermissionSetsProvisionedToAccount", instance);
        return org.provisionedTo(accountId);
    }

    @Override
    public List<String> accountsWithPermissionSet(IdcInstance instance, String permissionSetArn, boolean outdatedOnly) {
        sso("ListAccountsForProvisionedPermissionSet", instance);
        return org.accountsWith(permissionSetArn, outdatedOnly);
    }

    @Override
    public void listAssignments(IdcInstance instance, String accountId, String permissionSetArn,
                                Consumer<List<AccountAssignment>> onPage) {
        pages("ListAccountAssignments", instance, org.assignments(accountId, permissionSetArn), onPage);
    }

    @Override
    public void listAssignmentsForPrincipal(IdcInstance instance, PrincipalType type, String principalId,
                                            Consumer<List<AccountAssignment>> onPage) {
        pages("ListAccountAssignmentsForPrincipal", instance, org.assignmentsOf(type, principalId), onPage);
    }

    @Override
    public AsyncRequest createAssignment(IdcInstance instance, AccountAssignment assignment) {
        sso("CreateAccountAssignment", instance);
        return org.create(assignment);
    }

    @Override
    public AsyncRequest deleteAssignment(IdcInstance instance, AccountAssignment assignment) {
        sso("DeleteAccountAssignment", instance);
        return org.delete(assignment);
    }

    @Override
    public AsyncRequest provision(IdcInstance instance, String permissionSetArn, String accountId) {
        sso("ProvisionPermissionSet", instance);
        return org.provision(permissionSetArn, accountId);
    }

    @Override
    public AsyncRequest status(IdcInstance instance, AsyncRequest request) {
        sso(switch (request.kind()) {
            case CREATE_ASSIGNMENT -> "DescribeAccountAssignmentCreationStatus";
            case DELETE_ASSIGNMENT -> "DescribeAccountAssignmentDeletionStatus";
            case PROVISION -> "DescribePermissionSetProvisioningStatus";
        }, instance);
        return org.status(request);
    }

    long ssoAdminRequests() {
        return ssoAdmin.requests();
    }

    long organizationsRequests() {
        return organizations.requests();
    }

    private void sso(String operation, IdcInstance instance) {
        gate.enter(operation);
        if (instance == null || !expectedInstance.get().instanceArn().equals(instance.instanceArn())) {
            throw dev.fedpilot.domain.CloudException.notFound("ResourceNotFoundException: instance "
                    + (instance == null ? "(none)" : instance.instanceArn()) + " does not exist.");
        }
        gate.limited(() -> ssoAdmin.request(operation));
    }

    private <T> void pages(String operation, IdcInstance instance, List<T> all, Consumer<List<T>> onPage) {
        sso(operation, instance);
        for (int offset = 0; offset < all.size(); offset += PAGE_SIZE) {
            if (offset > 0) {
                CallGate.checkInterrupt();
                gate.limited(ssoAdmin::page);
            }
            onPage.accept(all.subList(offset, Math.min(all.size(), offset + PAGE_SIZE)));
        }
    }
}
