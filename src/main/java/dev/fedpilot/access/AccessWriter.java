package dev.fedpilot.access;

import dev.fedpilot.domain.AccountAssignment;
import dev.fedpilot.domain.AsyncRequest;
import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.CloudException.Problem;
import dev.fedpilot.domain.IdcInstance;
import dev.fedpilot.port.AccessCenter;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Changes one grant and follows AWS's asynchronous answer to the end (SUCCEEDED or FAILED). Idempotent: assigning
 * what exists, or removing what is gone, is done, not an error; existence is checked first because an endpoint
 * that does not refuse duplicates (moto) would otherwise create a second copy.
 */
public final class AccessWriter {

    public enum Result { ASSIGNED, ALREADY_ASSIGNED, REMOVED, ALREADY_ABSENT, PROVISIONED }

    /** AWS usually finishes an assignment in a few seconds; start polling soon, then back off. */
    public static final Duration FIRST_POLL = Duration.ofMillis(500);
    public static final Duration MAX_POLL = Duration.ofSeconds(5);

    private final AccessCenter access;
    private final AccessCalls calls;

    public AccessWriter(AccessCenter access, AccessCalls calls) {
        this.access = access;
        this.calls = calls;
    }

    public Result assign(IdcInstance instance, AccountAssignment assignment) {
        if (exists(instance, assignment)) {
            return Result.ALREADY_ASSIGNED;
        }
        follow(instance, calls.call(() -> access.createAssignment(instance, assignment)));
        return Result.ASSIGNED;
    }

    public Result unassign(IdcInstance instance, AccountAssignment assignment) {
        if (!exists(instance, assignment)) {
            return Result.ALREADY_ABSENT;
        }
        AsyncRequest request;
        try {
            request = calls.call(() -> access.deleteAssignment(instance, assignment));
        } catch (CloudException e) {
            if (e.problem() == Problem.NOT_FOUND) {
                return Result.ALREADY_ABSENT;
            }
            throw e;
        }
        follow(instance, request);
        return Result.REMOVED;
    }

    /** Brings an outdated permission set up to date in one account. */
    public Result provision(IdcInstance instance, String permissionSetArn, String accountId) {
        follow(instance, calls.call(() -> access.provision(instance, permissionSetArn, accountId)));
        return Result.PROVISIONED;
    }

    boolean exists(IdcInstance instance, AccountAssignment assignment) {
        AtomicBoolean found = new AtomicBoolean();
        calls.run(() -> access.listAssignments(instance, assignment.accountId(), assignment.permissionSetArn(),
                page -> page.stream().filter(a -> a.principalType() == assignment.principalType()
                        && a.principalId().equals(assignment.principalId())).findAny().ifPresent(a -> found.set(true))));
        return found.get();
    }

    private AsyncRequest follow(IdcInstance instance, AsyncRequest started) {
        AsyncRequest request = started;
        Duration wait = FIRST_POLL;
        while (!request.done()) {
            try {
                calls.sleeper().sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("cancelled while waiting for " + request.requestId());
            }
            AsyncRequest current = request;
            request = calls.call(() -> access.status(instance, current));
            wait = wait.multipliedBy(2).compareTo(MAX_POLL) > 0 ? MAX_POLL : wait.multipliedBy(2);
        }
        if (request.status() == AsyncRequest.Status.FAILED) {
            throw new CloudException(Problem.UNEXPECTED, "AWS could not complete request " + request.requestId()
                    + ": " + (request.failureReason().isEmpty() ? "no reason given" : request.failureReason()) + ".",
                    "Check the permission set's policies exist in the account, then try again.");
        }
        return request;
    }
}
