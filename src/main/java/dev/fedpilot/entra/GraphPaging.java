package dev.fedpilot.entra;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Follows {@code @odata.nextLink} until it is absent, handing each page over as it arrives. Next pages are
 * requested through the builder's {@code withUrl} with the same request configuration, because the SDK's
 * PageIterator drops request headers (ConsistencyLevel) after the first page.
 */
final class GraphPaging {

    /** Decides whether to fetch the next page; false stops early (e.g. a search limit was reached). */
    interface PageSink<T> {
        boolean accept(List<T> page);
    }

    private GraphPaging() {
    }

    static <R, T> void forEachPage(GraphCalls calls, GraphOperation op, Supplier<R> firstPage,
                                   Function<String, R> nextPage, Function<R, List<T>> items,
                                   Function<R, String> nextLink, PageSink<T> sink) {
        R page = calls.call(op, firstPage);
        while (page != null) {
            List<T> values = items.apply(page);
            boolean more = sink.accept(values == null ? List.of() : values.stream().filter(Objects::nonNull).toList());
            String next = nextLink.apply(page);
            if (!more || next == null || next.isBlank()) {
                return;
            }
            GraphCalls.checkInterrupted();
            page = calls.call(op, () -> nextPage.apply(next));
        }
    }

    static <R, S, T> void forEachPage(GraphCalls calls, GraphOperation op, Supplier<R> firstPage,
                                      Function<String, R> nextPage, Function<R, List<S>> items,
                                      Function<R, String> nextLink, Function<S, T> map, Consumer<List<T>> onPage) {
        forEachPage(calls, op, firstPage, nextPage, items, nextLink, (List<S> page) -> {
            onPage.accept(page.stream().map(map).filter(Objects::nonNull).toList());
            return true;
        });
    }
}
