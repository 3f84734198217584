package dev.fedpilot.entra;

import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.microsoft.graph.core.authentication.AzureIdentityAuthenticationProvider;
import com.microsoft.graph.core.requests.options.GraphClientOption;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.AuthenticationProvider;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import com.microsoft.kiota.http.middleware.RetryHandler;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Builds the Graph SDK client: for real use from an azure-identity credential, for tests from a base URL + token. */
public final class GraphClientFactory {
    public static final String GRAPH_HOST = "graph.microsoft.com";

    private GraphClientFactory() {
    }

    /** The client FedPilot uses against the real tenant, asking {@code scopes} (see {@link GraphScopes}). */
    public static GraphServiceClient forCredential(TokenCredential credential, List<String> scopes) {
        Objects.requireNonNull(credential, "credential");
        AuthenticationProvider auth = new AzureIdentityAuthenticationProvider(credential,
                new String[] {GRAPH_HOST}, scopes.toArray(String[]::new));
        return new GraphServiceClient(auth, httpClient(RetryPolicy.DEFAULT));
    }

    /**
     * A client whose tokens ask for {@code scopes} as they are at the time of each token request, so a scope
     * added later (incremental consent) is asked for by the next call. {@code baseUrl} is the national cloud's
     * Graph endpoint, e.g. {@code https://graph.microsoft.us/v1.0}; azure-identity allows http only for loopback.
     */
    public static GraphServiceClient forCredential(TokenCredential credential, DelegatedScopes scopes, String baseUrl) {
        return forCredential(credential, scopes, EntraCloud.GLOBAL.withGraphBaseUrl(baseUrl));
    }

    /** The client for {@code cloud}'s Graph endpoint, with scopes named after that cloud's Graph resource. */
    public static GraphServiceClient forCredential(TokenCredential credential, DelegatedScopes scopes, EntraCloud cloud) {
        Objects.requireNonNull(credential, "credential");
        AuthenticationProvider auth = new BaseBearerTokenAuthenticationProvider(new ScopedTokenProvider(credential,
                scopes, URI.create(cloud.graphBaseUrl()).getHost(), cloud.graphResource()));
        GraphServiceClient client = new GraphServiceClient(auth, httpClient(RetryPolicy.DEFAULT));
        client.getRequestAdapter().setBaseUrl(cloud.graphBaseUrl());
        return client;
    }

    /** The credential path against another Graph base URL; azure-identity allows http only for loopback hosts. */
    static GraphServiceClient forCredential(TokenCredential credential, List<String> scopes, String baseUrl) {
        AuthenticationProvider auth = new AzureIdentityAuthenticationProvider(credential,
                new String[] {URI.create(baseUrl).getHost()}, scopes.toArray(String[]::new));
        GraphServiceClient client = new GraphServiceClient(auth, httpClient(RetryPolicy.DEFAULT));
        client.getRequestAdapter().setBaseUrl(baseUrl);
        return client;
    }

    /**
     * A client that sends {@code accessToken} to {@code baseUrl} (e.g. {@code http://127.0.0.1:PORT/v1.0}).
     * The Azure token provider refuses plain http, so this uses a bearer provider whose allowed host is the
     * base URL's host.
     */
    public static GraphServiceClient forFixedToken(String baseUrl, String accessToken, RetryPolicy retry) {
        URI base = URI.create(baseUrl);
        AuthenticationProvider auth = new BaseBearerTokenAuthenticationProvider(
                new FixedTokenProvider(accessToken, base.getHost()));
        GraphServiceClient client = new GraphServiceClient(auth, httpClient(retry));
        client.getRequestAdapter().setBaseUrl(baseUrl);
        return client;
    }

    static OkHttpClient httpClient(RetryPolicy retry) {
        List<Interceptor> interceptors = new ArrayList<>(Arrays.asList(
                com.microsoft.graph.core.requests.GraphClientFactory.createDefaultGraphInterceptors(new GraphClientOption())));
        // the SDK's RetryHandler cannot be interrupted and waits up to 180 s: ours takes its place
        interceptors.removeIf(RetryHandler.class::isInstance);
        interceptors.add(0, new CreateOnce.Interceptor());
        interceptors.add(new ThrottleRetryInterceptor(retry));
        interceptors.add(new GrantedScopesHeader());
        return com.microsoft.graph.core.requests.GraphClientFactory.create(interceptors).build();
    }

    /** Asks the credential for the scopes wanted now; tokens go only to the Graph host. */
    private static final class ScopedTokenProvider implements AccessTokenProvider {
        private final TokenCredential credential;
        private final DelegatedScopes scopes;
        private final AllowedHostsValidator hosts;
        private final String resource;

        ScopedTokenProvider(TokenCredential credential, DelegatedScopes scopes, String host, String resource) {
            this.credential = credential;
            this.scopes = Objects.requireNonNull(scopes, "scopes");
            this.hosts = new AllowedHostsValidator(host);
            this.resource = resource;
        }

        @Override
        public String getAuthorizationToken(URI uri, Map<String, Object> additionalContext) {
            if (!hosts.isUrlHostValid(uri)) {
                return "";
            }
            if (!"https".equalsIgnoreCase(uri.getScheme()) && !isLoopback(uri.getHost())) {
                throw new IllegalArgumentException("Only https URLs carry Entra tokens");
            }
            return credential.getTokenSync(new TokenRequestContext().setScopes(scopes.current(resource))).getToken();
        }

        @Override
        public AllowedHostsValidator getAllowedHostsValidator() {
            return hosts;
        }

        private static boolean isLoopback(String host) {
            return "localhost".equalsIgnoreCase(host) || "127.0.0.1".equals(host) || "[::1]".equals(host)
                    || "::1".equals(host);
        }
    }

    private static final class FixedTokenProvider implements AccessTokenProvider {
        private final String token;
        private final AllowedHostsValidator hosts;

        FixedTokenProvider(String token, String host) {
            this.token = Objects.requireNonNull(token, "token");
            this.hosts = new AllowedHostsValidator(host);
        }

        @Override
        public String getAuthorizationToken(URI uri, Map<String, Object> additionalContext) {
            return hosts.isUrlHostValid(uri) ? token : "";
        }

        @Override
        public AllowedHostsValidator getAllowedHostsValidator() {
            return hosts;
        }

        @Override
        public String toString() {
            return "FixedTokenProvider[redacted]";
        }
    }
}
