package dev.fedpilot.scim;

import com.sun.net.httpserver.HttpServer;
import dev.fedpilot.domain.ScimEndpoint;
import dev.fedpilot.domain.Secret;
import dev.fedpilot.port.ScimProbe;
import dev.fedpilot.port.ScimProbeContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The HTTP probe against a small SCIM stand-in on loopback that checks the bearer token like AWS. */
class HttpScimProbeContractTest extends ScimProbeContract {
    private static final String TOKEN = "contract-token-0f1e2d3c4b5a";
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            boolean scimPath = exchange.getRequestURI().getPath().startsWith("/tenant-1/scim/v2/");
            boolean authorized = ("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"));
            int status = !authorized ? 401 : scimPath ? 200 : 404;
            byte[] body = (status == 200
                    ? "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig\"],\"patch\":{\"supported\":true}}"
                    : "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"status\":\"" + status + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/scim+json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    protected ScimProbe subject() {
        return new HttpScimProbe(HttpScimProbe.defaultClient(), Duration.ofSeconds(10));
    }

    @Override
    protected ScimEndpoint endpoint() {
        return ScimEndpoint.parse(base() + "/tenant-1/scim/v2");
    }

    @Override
    protected Secret validToken() {
        return Secret.of(TOKEN);
    }

    @Override
    protected ScimEndpoint wrongPath() {
        return ScimEndpoint.parse(base() + "/somewhere-else/scim/v2");
    }
}
