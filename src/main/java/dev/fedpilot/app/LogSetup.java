package dev.fedpilot.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.pattern.DynamicConverter;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.util.FileSize;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusListener;
import dev.fedpilot.files.PrivateFolders;
import dev.fedpilot.store.JsonFileStateStore;

import java.io.IOException;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * FedPilot's logging, set up in code (found by logback through META-INF/services): a rolling file, never the
 * console, so that the command line's stderr stays one clean line per error; wire logging off, and every
 * message passed through {@link RedactingConverter}. Code instead of logback.xml because reading the XML cost
 * about half a second of CPU at every start. A {@code logback-test.xml} on the class path, or
 * {@code -Dlogback.configurationFile}, takes over.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {
    /** Loggers that would write headers and bodies (tokens) if turned on: off. */
    public static final Map<String, Level> LEVELS = Map.of(
            "software.amazon.awssdk.request", Level.WARN,
            "software.amazon.awssdk.wire", Level.OFF,
            "org.apache.http.wire", Level.OFF,
            "org.apache.http.headers", Level.OFF,
            "com.azure", Level.WARN,
            "com.microsoft", Level.WARN,
            "okhttp3", Level.WARN);
    static final String PATTERN = "%d{ISO8601} %-5level [%thread] %logger{36} - %redactedMsg%n%redactedEx";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || LogSetup.class.getResource("/logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        configure(context, logDirectory());
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Sets up {@code context} to write {@code directory/fedpilot.log}, kept to three 5 MB files. */
    @SuppressWarnings("unchecked")
    public static void configure(LoggerContext context, Path directory) {
        Map<String, Supplier<DynamicConverter<?>>> rules = (Map<String, Supplier<DynamicConverter<?>>>)
                context.getObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS);
        if (rules == null) {
            rules = new HashMap<>();
            context.putObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS, rules);
        }
        rules.put("redactedMsg", RedactingConverter::new);
        rules.put("redactedEx", RedactingConverter.Throwables::new);
        // with a listener of its own, logback does not print its status messages to standard output, which
        // belongs to the command's output (--json); errors become one line on stderr instead
        context.getStatusManager().add(new OneLineStatus());
        tighten(directory);

        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("FILE");
        file.setFile(directory.resolve("fedpilot.log").toString());
        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(directory.resolve("fedpilot.%i.log").toString());
        rolling.setMinIndex(1);
        rolling.setMaxIndex(3);
        rolling.start();
        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(FileSize.valueOf("5MB"));
        trigger.start();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        file.setRollingPolicy(rolling);
        file.setTriggeringPolicy(trigger);
        file.setEncoder(encoder);
        file.start();
        try {
            PrivateFolders.restrict(directory.resolve("fedpilot.log"));
        } catch (IOException e) {
            // the log keeps the umask's permissions; the folder around it is still owner-only
        }

        LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(level));
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(file);
    }

    /**
     * Makes the log folder owner-only and, when it is the default one inside the settings folder, that whole
     * folder too: at every start, so files left by older versions are closed as well.
     */
    private static void tighten(Path logs) {
        try {
            Path settings = JsonFileStateStore.defaultDirectory();
            if (logs.toAbsolutePath().startsWith(settings.toAbsolutePath())) {
                PrivateFolders.tighten(settings);
            }
            PrivateFolders.tighten(logs);
        } catch (IOException | RuntimeException e) {
            // a folder FedPilot may not write: the appender reports that once, below
        }
    }

    /** Logback's own errors (e.g. the log folder cannot be written), once, as one line on stderr. */
    static final class OneLineStatus implements StatusListener {
        private boolean told;

        @Override
        public synchronized void addStatusEvent(Status status) {
            if (status.getEffectiveLevel() >= Status.ERROR && !told) {
                told = true;
                Throwable cause = status.getThrowable();
                System.err.println("fedpilot: no log file (" + status.getMessage()
                        + (cause == null ? "" : ": " + cause.getMessage()) + ")");
            }
        }
    }

    /** {@code fedpilot.log.dir}, else the logs folder in FedPilot's config directory (where its settings are). */
    static Path logDirectory() {
        String dir = System.getProperty("fedpilot.log.dir");
        return dir != null && !dir.isBlank() ? Path.of(dir) : JsonFileStateStore.defaultDirectory().resolve("logs");
    }
}
