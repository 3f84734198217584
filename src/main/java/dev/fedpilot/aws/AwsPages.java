package dev.fedpilot.aws;

import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.CloudException.Problem;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/** Page after page of one AWS listing, each page through {@link AwsCalls}, handed on as it arrives. */
final class AwsPages {
    private AwsPages() {
    }

    static <R, T> void pages(AwsCalls calls, String action, Function<String, R> fetch, Function<R, List<T>> items,
                             Function<R, String> next, Consumer<List<T>> onPage) {
        String token = null;
        do {
            AwsCalls.checkInterrupted(action);
            String current = token;
            R response = calls.call(action, () -> fetch.apply(current));
            List<T> page = items.apply(response);
            if (!page.isEmpty()) {
                onPage.accept(page);
            }
            String following = next.apply(response);
            if (following != null && following.equals(current)) {
                throw new CloudException(Problem.UNEXPECTED, "AWS returned the same page twice for " + action + ".",
                        "Try again; if it keeps happening, see the log.");
            }
            token = following == null || following.isEmpty() ? null : following;
        } while (token != null);
    }
}
