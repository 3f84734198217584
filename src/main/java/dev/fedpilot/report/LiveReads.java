package dev.fedpilot.report;

import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.Finding;
import dev.fedpilot.report.SetupReport.Item;
import dev.fedpilot.report.SetupReport.Section;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;

/**
 * Calls into the clouds for one report and collects findings. A call that fails (not signed in, 403, throttled
 * for too long) becomes a finding instead of failing the report; cancellation still ends it.
 */
final class LiveReads {
    private static final Logger LOG = LoggerFactory.getLogger(LiveReads.class);
    private final Map<String, Item> findings = new LinkedHashMap<>();

    /** The result of {@code call}, or empty after recording why it could not be read. */
    <T> Optional<T> read(Section section, String what, Supplier<T> call) {
        checkCancelled();
        try {
            return Optional.ofNullable(call.get());
        } catch (CancellationException e) {
            throw e;
        } catch (CloudException e) {
            LOG.info("report: could not read {}: {}", what, e.problem());
            add(section, readFailure(what, e));
            return Optional.empty();
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("cancelled");
            }
            LOG.warn("report: could not read {}", what, e);
            add(section, Finding.warning("live-read-failed", "Could not read " + what + ": "
                    + Redaction.clean(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
                    "Refresh the report. If it keeps failing, the log has the details."));
            return Optional.empty();
        }
    }

    /** Like {@link #read} for calls without a result; true when the call succeeded. */
    boolean run(Section section, String what, Runnable call) {
        return read(section, what, () -> {
            call.run();
            return Boolean.TRUE;
        }).isPresent();
    }

    void add(Section section, Finding finding) {
        Item item = new Item(section, finding.severity(), finding.code(), Redaction.clean(finding.message()),
                Redaction.clean(finding.fix()));
        // the same pitfall of a user in two assigned groups is one finding
        findings.putIfAbsent(item.code() + "\n" + item.message(), item);
    }

    void addAll(Section section, List<Finding> list) {
        list.forEach(f -> add(section, f));
    }

    List<Item> findings() {
        return new ArrayList<>(findings.values());
    }

    static void checkCancelled() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("cancelled");
        }
    }

    private static Finding readFailure(String what, CloudException e) {
        String fix = e.fix().isBlank() ? switch (e.problem()) {
            case UNAUTHENTICATED -> "Sign in again, then refresh the report.";
            case FORBIDDEN -> "Sign in with an account that may read this, then refresh the report.";
            default -> "Refresh the report.";
        } : e.fix();
        return Finding.warning("live-read-failed", "Could not read " + what + ": " + e.getMessage()
                + " The report shows the saved values instead.", fix);
    }
}
