package dev.fedpilot.entra;

import com.microsoft.kiota.RequestOption;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.BufferedSink;

import java.io.IOException;

/**
 * Marks a POST that creates an object (instantiate, appRoleAssignedTo): after a 5xx the object may exist
 * anyway, so it must not be re-sent blindly; the caller looks the object up first. The mark makes the request
 * body one-shot, which both OkHttp's own retry and {@link ThrottleRetryInterceptor} leave alone.
 */
final class CreateOnce implements RequestOption {
    static final CreateOnce OPTION = new CreateOnce();

    private CreateOnce() {
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends RequestOption> Class<T> getType() {
        return (Class<T>) CreateOnce.class;
    }

    /** Sits before the retrying interceptors and turns marked bodies one-shot. */
    static final class Interceptor implements okhttp3.Interceptor {
        @Override
        public okhttp3.Response intercept(Chain chain) throws IOException {
            Request request = chain.request();
            if (request.tag(CreateOnce.class) == null || request.body() == null) {
                return chain.proceed(request);
            }
            return chain.proceed(request.newBuilder().method(request.method(), new OneShot(request.body())).build());
        }
    }

    private static final class OneShot extends RequestBody {
        private final RequestBody body;

        OneShot(RequestBody body) {
            this.body = body;
        }

        @Override
        public MediaType contentType() {
            return body.contentType();
        }

        @Override
        public long contentLength() throws IOException {
            return body.contentLength();
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            body.writeTo(sink);
        }

        @Override
        public boolean isOneShot() {
            return true;
        }
    }
}
