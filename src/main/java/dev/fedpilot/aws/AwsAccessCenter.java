package dev.fedpilot.aws;

import dev.fedpilot.domain.AccountAssignment;
import dev.fedpilot.domain.AsyncRequest;
import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.CustomerPolicyReference;
import dev.fedpilot.domain.IdcInstance;
import dev.fedpilot.domain.Organization;
import dev.fedpilot.domain.PermissionSet;
import dev.fedpilot.domain.PermissionsBoundary;
import dev.fedpilot.domain.PrincipalType;
import dev.fedpilot.port.AccessCenter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.ssoadmin.model.AccountAssignmentOperationStatus;
import software.amazon.awssdk.services.ssoadmin.model.ListAccountAssignmentsForPrincipalResponse;
import software.amazon.awssdk.services.ssoadmin.model.ListAccountAssignmentsResponse;
import software.amazon.awssdk.services.ssoadmin.model.ListAccountsForProvisionedPermissionSetResponse;
import software.amazon.awssdk.services.ssoadmin.model.ListCustomerManagedPolicyReferencesInPermissionSetResponse;
import software.amazon.awssdk.services.ssoadmin.model.ListManagedPoliciesInPermissionSetResponse;
import software.amazon.awssdk.services.ssoadmin.model.ListPermissionSetsProvisionedToAccountResponse;
import software.amazon.awssdk.services.ssoadmin.model.ListPermissionSetsResponse;
import software.amazon.awssdk.services.ssoadmin.model.PermissionSetProvisioningStatus;
import software.amazon.awssdk.services.ssoadmin.model.ProvisionTargetType;
import software.amazon.awssdk.services.ssoadmin.model.ProvisioningStatus;
import software.amazon.awssdk.services.ssoadmin.model.StatusValues;
import software.amazon.awssdk.services.ssoadmin.model.TargetType;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * {@link AccessCenter} over AWS SDK v2: sso-admin for permission sets and account assignments, Organizations for
 * accounts and OUs. Every request goes through {@link AwsCalls} (throttling waits, cancellation, error mapping);
 * pacing and the batch's limits live in the access feature, so this class is one request per method.
 */
public final class AwsAccessCenter implements AccessCenter {
    private static final Logger LOG = LoggerFactory.getLogger(AwsAccessCenter.class);
    private static final int PAGE_SIZE = 100;

    private final SsoAdminClient ssoAdmin;
    private final AwsCalls calls;
    private final AwsOrganizations organizations;
    /** moto answers GetPermissionsBoundaryForPermissionSet with a bare HTTP 500; then boundaries are not shown. */
    private volatile boolean boundaryLookupAvailable = true;

    public AwsAccessCenter(SsoAdminClient ssoAdmin, OrganizationsClient organizations, AwsCallPolicy policy) {
        this.ssoAdmin = Objects.requireNonNull(ssoAdmin);
        this.calls = new AwsCalls(Objects.requireNonNull(policy));
        this.organizations = new AwsOrganizations(Objects.requireNonNull(organizations), calls);
    }

    @Override
    public Organization organization() {
        return organizations.read();
    }

    @Override
    public void listPermissionSets(IdcInstance instance, Consumer<List<String>> onPage) {
        AwsPages.pages(calls, "sso:ListPermissionSets", token -> ssoAdmin.listPermissionSets(r -> r
                        .instanceArn(instance.instanceArn()).maxResults(PAGE_SIZE).nextToken(token)),
                ListPermissionSetsResponse::permissionSets, ListPermissionSetsResponse::nextToken, onPage);
    }

    @Override
    public PermissionSet describePermissionSet(IdcInstance instance, String arn) {
        var described = calls.call("sso:DescribePermissionSet", () -> ssoAdmin.describePermissionSet(r -> r
                .instanceArn(instance.instanceArn()).permissionSetArn(arn)).permissionSet());
        List<String> managed = new ArrayList<>();
        AwsPages.pages(calls, "sso:ListManagedPoliciesInPermissionSet", token -> ssoAdmin
                        .listManagedPoliciesInPermissionSet(r -> r.instanceArn(instance.instanceArn())
                                .permissionSetArn(arn).maxResults(PAGE_SIZE).nextToken(token)),
                ListManagedPoliciesInPermissionSetResponse::attachedManagedPolicies,
                ListManagedPoliciesInPermissionSetResponse::nextToken,
                page -> page.forEach(p -> managed.add(p.arn())));
        List<CustomerPolicyReference> customer = new ArrayList<>();
        AwsPages.pages(calls, "sso:ListCustomerManagedPolicyReferencesInPermissionSet", token -> ssoAdmin
                        .listCustomerManagedPolicyReferencesInPermissionSet(r -> r.instanceArn(instance.instanceArn())
                                .permissionSetArn(arn).maxResults(PAGE_SIZE).nextToken(token)),
                ListCustomerManagedPolicyReferencesInPermissionSetResponse::customerManagedPolicyReferences,
                ListCustomerManagedPolicyReferencesInPermissionSetResponse::nextToken,
                page -> page.forEach(p -> customer.add(new CustomerPolicyReference(p.name(), p.path()))));
        String inline = calls.call("sso:GetInlinePolicyForPermissionSet", () -> ssoAdmin
                .getInlinePolicyForPermissionSet(r -> r.instanceArn(instance.instanceArn()).permissionSetArn(arn))
                .inlinePolicy());
        return new PermissionSet(arn, described.name(), described.description(),
                duration(described.sessionDuration()), described.relayState(), managed, customer, inline,
                boundary(instance, arn));
    }

    private PermissionsBoundary boundary(IdcInstance instance, String arn) {
        if (!boundaryLookupAvailable) {
            return null;
        }
        try {
            var boundary = calls.call("sso:GetPermissionsBoundaryForPermissionSet", () -> ssoAdmin
                    .getPermissionsBoundaryForPermissionSet(r -> r.instanceArn(instance.instanceArn())
                            .permissionSetArn(arn)).permissionsBoundary());
            if (boundary == null) {
                return null;
            }
            if (boundary.managedPolicyArn() != null) {
                return PermissionsBoundary.managed(boundary.managedPolicyArn());
            }
            var ref = boundary.customerManagedPolicyReference();
            return ref == null ? null : PermissionsBoundary.customer(new CustomerPolicyReference(ref.name(), ref.path()));
        } catch (CloudException e) {
            if (e.problem() == CloudException.Problem.NOT_FOUND) {
                return null;
            }
            if (e.getCause() instanceof SdkServiceException service && service.statusCode() >= 500
                    && AwsErrors.errorCode(service).isEmpty()) {
                LOG.info("GetPermissionsBoundaryForPermissionSet is not available at this endpoint; boundaries "
                        + "are not shown");
                boundaryLookupAvailable = false;
                return null;
            }
            throw e;
        }
    }

    @Override
    public List<String> permissionSetsProvisionedTo(IdcInstance instance, String accountId) {
        List<String> arns = new ArrayList<>();
        AwsPages.pages(calls, "sso:ListPermissionSetsProvisionedToAccount", token -> ssoAdmin
                        .listPermissionSetsProvisionedToAccount(r -> r.instanceArn(instance.instanceArn())
                                .accountId(accountId).maxResults(PAGE_SIZE).nextToken(token)),
                ListPermissionSetsProvisionedToAccountResponse::permissionSets,
                ListPermissionSetsProvisionedToAccountResponse::nextToken, arns::addAll);
        return arns;
    }

    @Override
    public List<String> accountsWithPermissionSet(IdcInstance instance, String arn, boolean outdatedOnly) {
        List<String> ids = new ArrayList<>();
        AwsPages.pages(calls, "sso:ListAccountsForProvisionedPermissionSet", token -> ssoAdmin
                        .listAccountsForProvisionedPermissionSet(r -> {
                            r.instanceArn(instance.instanceArn()).permissionSetArn(arn).maxResults(PAGE_SIZE)
                                    .nextToken(token);
                            if (outdatedOnly) {
                                r.provisioningStatus(ProvisioningStatus.LATEST_PERMISSION_SET_NOT_PROVISIONED);
                            }
                        }),
                ListAccountsForProvisionedPermissionSetResponse::accountIds,
                ListAccountsForProvisionedPermissionSetResponse::nextToken, ids::addAll);
        return ids;
    }

    @Override
    public void listAssignments(IdcInstance instance, String accountId, String arn,
                                Consumer<List<AccountAssignment>> onPage) {
        AwsPages.pages(calls, "sso:ListAccountAssignments", token -> ssoAdmin.listAccountAssignments(r -> r
                        .instanceArn(instance.instanceArn()).accountId(accountId).permissionSetArn(arn)
                        .maxResults(PAGE_SIZE).nextToken(token)),
                response -> response.accountAssignments().stream().map(a -> new AccountAssignment(a.accountId(),
                        a.permissionSetArn(), principalType(a.principalTypeAsString()), a.principalId())).toList(),
                ListAccountAssignmentsResponse::nextToken, onPage);
    }

    @Override
    public void listAssignmentsForPrincipal(IdcInstance instance, PrincipalType type, String principalId,
                                            Consumer<List<AccountAssignment>> onPage) {
        AwsPages.pages(calls, "sso:ListAccountAssignmentsForPrincipal", token -> ssoAdmin
                        .listAccountAssignmentsForPrincipal(r -> r.instanceArn(instance.instanceArn())
                                .principalType(type.name()).principalId(principalId).maxResults(PAGE_SIZE)
                                .nextToken(token)),
                response -> response.accountAssignments().stream().map(a -> new AccountAssignment(a.accountId(),
                        a.permissionSetArn(), principalType(a.principalTypeAsString()), a.principalId())).toList(),
                ListAccountAssignmentsForPrincipalResponse::nextToken, onPage);
    }

    @Override
    public AsyncRequest createAssignment(IdcInstance instance, AccountAssignment a) {
        return assignmentStatus(AsyncRequest.Kind.CREATE_ASSIGNMENT, calls.call("sso:CreateAccountAssignment",
                () -> ssoAdmin.createAccountAssignment(r -> r.instanceArn(instance.instanceArn())
                        .targetId(a.accountId()).targetType(TargetType.AWS_ACCOUNT)
                        .permissionSetArn(a.permissionSetArn()).principalType(a.principalType().name())
                        .principalId(a.principalId())).accountAssignmentCreationStatus()));
    }

    @Override
    public AsyncRequest deleteAssignment(IdcInstance instance, AccountAssignment a) {
        return assignmentStatus(AsyncRequest.Kind.DELETE_ASSIGNMENT, calls.call("sso:DeleteAccountAssignment",
                () -> ssoAdmin.deleteAccountAssignment(r -> r.instanceArn(instance.instanceArn())
                        .targetId(a.accountId()).targetType(TargetType.AWS_ACCOUNT)
                        .permissionSetArn(a.permissionSetArn()).principalType(a.principalType().name())
                        .principalId(a.principalId())).accountAssignmentDeletionStatus()));
    }

    @Override
    public AsyncRequest provision(IdcInstance instance, String arn, String accountId) {
        return provisioningStatus(calls.call("sso:ProvisionPermissionSet", () -> ssoAdmin.provisionPermissionSet(r -> r
                .instanceArn(instance.instanceArn()).permissionSetArn(arn).targetId(accountId)
                .targetType(ProvisionTargetType.AWS_ACCOUNT)).permissionSetProvisioningStatus()));
    }

    @Override
    public AsyncRequest status(IdcInstance instance, AsyncRequest request) {
        String id = request.requestId();
        String arn = instance.instanceArn();
        return switch (request.kind()) {
            case CREATE_ASSIGNMENT -> assignmentStatus(request.kind(), calls.call(
                    "sso:DescribeAccountAssignmentCreationStatus", () -> ssoAdmin
                            .describeAccountAssignmentCreationStatus(r -> r.instanceArn(arn)
                                    .accountAssignmentCreationRequestId(id)).accountAssignmentCreationStatus()));
            case DELETE_ASSIGNMENT -> assignmentStatus(request.kind(), calls.call(
                    "sso:DescribeAccountAssignmentDeletionStatus", () -> ssoAdmin
                            .describeAccountAssignmentDeletionStatus(r -> r.instanceArn(arn)
                                    .accountAssignmentDeletionRequestId(id)).accountAssignmentDeletionStatus()));
            case PROVISION -> provisioningStatus(calls.call("sso:DescribePermissionSetProvisioningStatus",
                    () -> ssoAdmin.describePermissionSetProvisioningStatus(r -> r.instanceArn(arn)
                            .provisionPermissionSetRequestId(id)).permissionSetProvisioningStatus()));
        };
    }

    private static AsyncRequest assignmentStatus(AsyncRequest.Kind kind, AccountAssignmentOperationStatus s) {
        return new AsyncRequest(kind, s.requestId(), status(s.status()), s.failureReason());
    }

    private static AsyncRequest provisioningStatus(PermissionSetProvisioningStatus s) {
        return new AsyncRequest(AsyncRequest.Kind.PROVISION, s.requestId(), status(s.status()), s.failureReason());
    }

    private static AsyncRequest.Status status(StatusValues value) {
        if (value == StatusValues.SUCCEEDED) {
            return AsyncRequest.Status.SUCCEEDED;
        }
        return value == StatusValues.FAILED ? AsyncRequest.Status.FAILED : AsyncRequest.Status.IN_PROGRESS;
    }

    private static PrincipalType principalType(String value) {
        return "GROUP".equals(value) ? PrincipalType.GROUP : PrincipalType.USER;
    }

    private static Duration duration(String iso) {
        if (iso == null || iso.isBlank()) {
            return null;
        }
        try {
            return Duration.parse(iso);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
