package dev.fedpilot.entra;

import okhttp3.Interceptor;
import okhttp3.Response;

import java.io.IOException;
import java.util.Set;

/**
 * Graph's 403 body rarely names the missing scope, so on a 403 this copies the {@code scp} claim of the token the
 * request carried onto the response (never the token), where {@link GraphCalls} compares it with what the
 * operation needs: scope missing → offer consent; scope present → the directory role is what is missing.
 */
final class GrantedScopesHeader implements Interceptor {
    static final String HEADER = "X-FedPilot-Granted-Scopes";

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        if (response.code() != 403) {
            return response;
        }
        String authorization = chain.request().header("Authorization");
        String token = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7) : null;
        return GraphScopes.granted(token)
                .map(scopes -> response.newBuilder().header(HEADER, String.join(" ", scopes)).build())
                .orElse(response);
    }

    static Set<String> parse(String header) {
        return header == null || header.isBlank() ? Set.of() : Set.of(header.strip().split("\\s+"));
    }
}
