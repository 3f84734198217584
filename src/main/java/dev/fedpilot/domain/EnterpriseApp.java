package dev.fedpilot.domain;

/**
 * The Entra enterprise app for IAM Identity Center: the application object and its service principal.
 *
 * @param applicationObjectId the application's object id (PATCH /applications/{id})
 * @param appId               the application (client) id, used in the federation metadata URL
 * @param servicePrincipalId  the service principal's object id (SAML mode, sync jobs, assignments)
 */
public record EnterpriseApp(String applicationObjectId, String appId, String servicePrincipalId, String displayName) {
}
