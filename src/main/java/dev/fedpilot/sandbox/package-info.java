/**
 * The offline sandbox: in-memory {@link dev.fedpilot.port.EntraTenant}, {@link dev.fedpilot.port.IdentityCenter}
 * and {@link dev.fedpilot.port.ScimProbe} that behave like the real clouds (DOMAIN.md), built by
 * {@link dev.fedpilot.sandbox.SandboxWorld}. Choices where the real services leave room:
 * <ul>
 *   <li>Assigning a principal twice is a CONFLICT ("Permission being assigned already exists"), as in Graph.</li>
 *   <li>Instantiating twice makes a second app, as in Entra; callers adopt via findAwsIdcApps.</li>
 *   <li>addSigningCertificate hands out embedded certificates in turn (plain Java cannot issue X.509), so the
 *       result carries their subject and dates, not the requested display name and end date.</li>
 *   <li>SCIM tokens exist only after the Entra metadata was uploaded (AWS offers automatic provisioning only
 *       with an external IdP); expired tokens still count towards the limit of two until deleted.</li>
 *   <li>Provisioning matches existing AWS users by userName and groups by displayName and takes them over;
 *       cycles set SCIM-managed group members exactly, undoing manual edits in AWS.</li>
 *   <li>Refused by AWS: missing given/family/display name, more than one phone or email, and the characters of
 *       pitfall 9. Users leaving the scope are not deprovisioned.</li>
 *   <li>A quarantined job retries at nextAttempt (backoff doubling from the interval, at most 24 h); pause and
 *       start keep the quarantine, restart lifts it.</li>
 * </ul>
 */
package dev.fedpilot.sandbox;
