package dev.fedpilot.port;

import dev.fedpilot.domain.ScimCheck;
import dev.fedpilot.domain.ScimEndpoint;
import dev.fedpilot.domain.Secret;

/** Checks a SCIM endpoint and bearer token with a read-only request; changes nothing there. */
public interface ScimProbe {

    ScimCheck check(ScimEndpoint endpoint, Secret token);
}
