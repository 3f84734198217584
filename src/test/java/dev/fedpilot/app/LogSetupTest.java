package dev.fedpilot.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import dev.fedpilot.domain.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

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
    void exceptionTextCausesAndLiveSecretsAreRedactedInTheLogFile(@TempDir Path dir) throws IOException {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        LogSetup.configure(context, dir);
        try (Secret scim = Secret.of("scim-tok-Q7v9ZpL2"); Secret wiped = Secret.of("gone-token-8841")) {
            wiped.close();
            Exception cause = new IllegalStateException("POST /token body client_secret=cs-Very-Secret&"
                    + "refresh_token=rt-0.AbCd&grant_type=refresh_token");
            Exception e = new RuntimeException("SCIM said 401 for token scim-tok-Q7v9ZpL2; "
                    + "{\"clientSecret\":\"cs-json-1\"} aws_secret_access_key = wJalrXUtnFEMI/K7MDENG "
                    + "accessToken=ya29.a0Af X-Amz-Security-Token=IQoJb3JpZ2lu&x=1 Authorization: Bearer eyJhbGciOi.xx.yy",
                    cause);
            context.getLogger("dev.fedpilot.Test").warn("check failed", e);
            context.getLogger("dev.fedpilot.Test").warn("gone-token-8841 is no longer held");
        }
        context.stop();

        String log = Files.readString(dir.resolve("fedpilot.log"), StandardCharsets.UTF_8);
        assertTrue(log.contains("java.lang.RuntimeException: SCIM said 401 for token ***"), log);
        assertTrue(log.contains("Caused by: java.lang.IllegalStateException"), "the trace is kept: " + log);
        assertTrue(log.contains("\tat dev.fedpilot.app.LogSetupTest"), "the frames are kept: " + log);
        for (String secret : new String[]{"scim-tok-Q7v9ZpL2", "cs-Very-Secret", "rt-0.AbCd", "cs-json-1",
                "wJalrXUtnFEMI", "ya29.a0Af", "IQoJb3JpZ2lu", "eyJhbGciOi"}) {
            assertFalse(log.contains(secret), secret + " reached the log: " + log);
        }
        assertTrue(log.contains("gone-token-8841 is no longer held"), "a wiped secret leaves the registry: " + log);
    }

    @Test
    void theLogFileAndItsFolderAreOwnerOnly(@TempDir Path dir) throws IOException {
        Path logs = dir.resolve("logs");
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        LogSetup.configure(context, logs);
        context.getLogger("dev.fedpilot.Test").info("hello");
        context.stop();
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(logs)));
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(logs.resolve("fedpilot.log"))));
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
