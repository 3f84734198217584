package dev.fedpilot.port;

import dev.fedpilot.domain.IdcInstance;
import dev.fedpilot.domain.ScimEndpoint;
import dev.fedpilot.domain.Secret;

import java.net.URI;
import java.util.Optional;

/**
 * The steps AWS allows only in its console (SP metadata download, identity source change, SCIM endpoint and
 * token). FedPilot opens the right page and explains what to click; the sandbox can also do them itself.
 */
public interface AwsConsole {

    /** The console-only tasks of the setup. */
    enum Task { DOWNLOAD_SP_METADATA, CHANGE_IDENTITY_SOURCE, ENABLE_PROVISIONING }

    /** The console page where the user does {@code task} for {@code instance}. */
    URI page(Task task, IdcInstance instance);

    /** The sandbox's simulated console, which can do the console steps for a rehearsal; empty for real AWS. */
    Optional<Simulated> simulated();

    /** What a person would do in the sandbox's AWS console. */
    interface Simulated {
        String spMetadataXml();

        ScimEndpoint scimEndpoint();

        /** Like "Generate token" in the console: AWS keeps at most two. */
        Secret generateScimToken();

        /** Uploads the IdP metadata and switches the identity source to the external IdP. */
        void uploadIdpMetadata(String xml);

        boolean externalIdpConfigured();
    }
}
