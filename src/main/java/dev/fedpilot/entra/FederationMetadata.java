package dev.fedpilot.entra;

import dev.fedpilot.text.Messages;
import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.CloudException.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CancellationException;

/** The IdP metadata Entra publishes per app, which AWS needs; a public URL, no Graph token. */
final class FederationMetadata {
    private static final Logger log = LoggerFactory.getLogger(FederationMetadata.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI loginBase;
    private final HttpClient http;

    FederationMetadata(URI loginBase) {
        String base = loginBase.toString();
        this.loginBase = URI.create(base.endsWith("/") ? base : base + "/");
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    URI url(String tenantId, String appId) {
        return loginBase.resolve(URLEncoder.encode(tenantId, StandardCharsets.UTF_8)
                + "/federationmetadata/2007-06/federationmetadata.xml?appid="
                + URLEncoder.encode(appId, StandardCharsets.UTF_8));
    }

    String download(URI url) {
        GraphCalls.checkInterrupted();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT).header("Accept", "application/xml").GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while downloading the federation metadata");
        } catch (IOException e) {
            log.warn("Federation metadata download from {} failed: {}", url, e.toString());
            throw new CloudException(Problem.UNAVAILABLE,
                    Messages.english().get("entra.error.unavailable", Messages.english().get("entra.op.read_app"), e.getMessage()),
                    Messages.english().get("entra.fix.unavailable"), null, e);
        }
        if (response.statusCode() != 200) {
            log.warn("Federation metadata download from {} answered {}", url, response.statusCode());
            Problem problem = response.statusCode() == 404 || response.statusCode() == 400 ? Problem.NOT_FOUND
                    : response.statusCode() >= 500 ? Problem.UNAVAILABLE : Problem.UNEXPECTED;
            throw new CloudException(problem,
                    Messages.english().get("entra.error.metadataDownload", String.valueOf(response.statusCode())),
                    Messages.english().get("entra.fix.metadataDownload"));
        }
        return response.body();
    }
}
