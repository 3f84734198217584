/**
 * The AWS adapter: {@link dev.fedpilot.port.IdentityCenter} over AWS SDK v2 (sso-admin, identitystore, sts).
 *
 * <p>Retries: the SDK retries network failures and 5xx answers only ({@link dev.fedpilot.aws.AwsClientFactory});
 * throttling goes to {@link dev.fedpilot.aws.AwsCalls}, which waits as long as identitystore's
 * {@code RetryAfterSeconds} says (or backs off) for a bounded number of attempts.
 *
 * <p>Memberships: {@code addMember} and {@code removeMember} first look the membership up with
 * {@code GetGroupMembershipId}. Where that call answers a bare HTTP 500 without an AWS error code (moto 5.2.1 does
 * not implement it), the adapter remembers that and finds the membership by listing the group's memberships.
 * {@code addMember} checks before it creates because moto accepts a duplicate membership where AWS answers
 * {@code ConflictException}; a conflict is still read as "already a member" after a second look.
 */
package dev.fedpilot.aws;
