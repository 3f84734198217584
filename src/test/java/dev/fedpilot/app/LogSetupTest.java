package dev.fedpilot.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The app's logging (set up in code): one file, messages redacted, wire loggers silent. */
class LogSetupTest {

    @Test
    void writesTheLogFileWithSecretsMaskedAndWireLoggingOff(@TempDir Path dir) throws IOException {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter()); // as logback's SLF4J provider does
        LogSetup.configure(context, dir);
        context.getLogger("dev.fedpilot.Test").info("calling Graph with Authorization: Bearer eyJ0eXAiOiJKV1Q.abc.def");
        context.getLogger("dev.fedpilot.Test").debug("below the root level");
        context.getLogger("org.apache.http.wire").error("http-outgoing-0 << {\"accessToken\":\"aoa-secret\"}");
        context.getLogger("software.amazon.awssdk.wire").error("raw body");
        context.stop();

        String log = Files.readString(dir.resolve("fedpilot.log"), StandardCharsets.UTF_8);
        assertTrue(log.contains("INFO  [") && log.contains("dev.fedpilot.Test - calling Graph with Authorization: Bearer ***"),
                log);
        assertFalse(log.contains("eyJ0eXAi"), log);
        assertFalse(log.contains("below the root level"), log);
        assertFalse(log.contains("aoa-secret") || log.contains("raw body"), "wire loggers write nothing: " + log);
        assertEquals(Level.OFF, LogSetup.LEVELS.get("org.apache.http.headers"));
    }

    @Test
    void theLogFolderIsTheOneAskedForElseTheLogsFolderBesideTheSettings() {
        String logDir = System.getProperty("fedpilot.log.dir");
        String home = System.getProperty("fedpilot.home");
        try {
            System.setProperty("fedpilot.log.dir", "/tmp/fp-logs");
            assertEquals(Path.of("/tmp/fp-logs"), LogSetup.logDirectory());
            System.clearProperty("fedpilot.log.dir");
            System.setProperty("fedpilot.home", "/tmp/fp-home");
            assertEquals(Path.of("/tmp/fp-home/logs"), LogSetup.logDirectory());
        } finally {
            restore("fedpilot.log.dir", logDir);
            restore("fedpilot.home", home);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
