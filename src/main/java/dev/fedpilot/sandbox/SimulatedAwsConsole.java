package dev.fedpilot.sandbox;

import dev.fedpilot.domain.IdcInstance;
import dev.fedpilot.domain.ScimEndpoint;
import dev.fedpilot.domain.Secret;
import dev.fedpilot.port.AwsConsole;

import java.net.URI;
import java.util.Optional;

/** The sandbox's AWS console behind the {@link AwsConsole} port: pages point at the real console's shape. */
public final class SimulatedAwsConsole implements AwsConsole, AwsConsole.Simulated {
    private final SandboxAwsConsole console;

    public SimulatedAwsConsole(SandboxAwsConsole console) {
        this.console = console;
    }

    @Override
    public URI page(Task task, IdcInstance instance) {
        return console.consolePage(task.name().toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public Optional<Simulated> simulated() {
        return Optional.of(this);
    }

    @Override
    public String spMetadataXml() {
        return console.spMetadataXml();
    }

    @Override
    public ScimEndpoint scimEndpoint() {
        return console.scimEndpoint();
    }

    @Override
    public Secret generateScimToken() {
        return console.generateScimTokenMakingRoom();
    }

    @Override
    public void uploadIdpMetadata(String xml) {
        console.uploadIdpMetadata(xml);
    }

    @Override
    public boolean externalIdpConfigured() {
        return console.externalIdpConfigured();
    }
}
