package dev.fedpilot.app;

import dev.fedpilot.domain.AccountAssignment;
import dev.fedpilot.domain.AsyncRequest;
import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.IdcInstance;
import dev.fedpilot.domain.Organization;
import dev.fedpilot.domain.PermissionSet;
import dev.fedpilot.domain.PrincipalType;
import dev.fedpilot.port.AccessCenter;

import java.util.List;
import java.util.function.Consumer;

/** The access side where no AWS session provides it: every call says so instead of pretending to be empty. */
final class NoAccessCenter implements AccessCenter {

    private static CloudException notConnected() {
        return new CloudException(CloudException.Problem.UNAUTHENTICATED,
                "Account access (permission sets and assignments) is not connected in this session.",
                "Sign in to AWS, or pass --sandbox.");
    }

    @Override
    public Organization organization() {
        throw notConnected();
    }

    @Override
    public void listPermissionSets(IdcInstance instance, Consumer<List<String>> onPage) {
        throw notConnected();
    }

    @Override
    public PermissionSet describePermissionSet(IdcInstance instance, String permissionSetArn) {
        throw notConnected();
    }

    @Override
    public List<String> permissionSetsProvisionedTo(IdcInstance instance, String accountId) {
        throw notConnected();
    }

    @Override
    public List<String> accountsWithPermissionSet(IdcInstance instance, String permissionSetArn, boolean outdatedOnly) {
        throw notConnected();
    }

    @Override
    public void listAssignments(IdcInstance instance, String accountId, String permissionSetArn,
                                Consumer<List<AccountAssignment>> onPage) {
        throw notConnected();
    }

    @Override
    public void listAssignmentsForPrincipal(IdcInstance instance, PrincipalType type, String principalId,
                                            Consumer<List<AccountAssignment>> onPage) {
        throw notConnected();
    }

    @Override
    public AsyncRequest createAssignment(IdcInstance instance, AccountAssignment assignment) {
        throw notConnected();
    }

    @Override
    public AsyncRequest deleteAssignment(IdcInstance instance, AccountAssignment assignment) {
        throw notConnected();
    }

    @Override
    public AsyncRequest provision(IdcInstance instance, String permissionSetArn, String accountId) {
        throw notConnected();
    }

    @Override
    public AsyncRequest status(IdcInstance instance, AsyncRequest request) {
        throw notConnected();
    }
}
