package dev.fedpilot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fedpilot.app.Services;
import dev.fedpilot.app.ServicesFactory;
import dev.fedpilot.saml.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Nothing but the command's own output on stdout; every failure, Errors included, one line on stderr. */
class CliOutputTest {
    @TempDir
    Path home;
    private final StringWriter err = new StringWriter();

    @Test
    void aStdoutThatCannotBeWrittenIsExitOneWithOneLine() {
        OutputStream closedPipe = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        int code = FedPilotCommand.run(new String[]{"metadata", "inspect", Corpus.path("aws-idc-sp.xml").toString(),
                "--json"}, new ServicesFactory(home), r -> 0, new PrintWriter(closedPipe), new PrintWriter(err));
        assertEquals(1, code);
        assertEquals(List.of("fedpilot: could not write to standard output (closed pipe or full disk)."),
                err.toString().lines().toList());
    }

    @Test
    void anErrorInACommandIsOneLineAndExitOne() {
        ServicesFactory overflowing = new ServicesFactory(home) {
            @Override
            public Services forCli(boolean sandbox) {
                return recurse(0);
            }

            private Services recurse(int depth) {
                return depth < 0 ? null : recurse(depth + 1);
            }
        };
        StringWriter out = new StringWriter();
        int code = FedPilotCommand.run(new String[]{"directory", "export", "--format", "csv", "--out",
                home.resolve("d.csv").toString(), "--sandbox"}, overflowing, r -> 0, new PrintWriter(out),
                new PrintWriter(err));
        assertEquals(1, code);
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("fedpilot: internal error (StackOverflowError)"), err.toString());
        assertFalse(err.toString().contains("\tat "), "no stack trace");
        assertEquals("", out.toString());
    }

    @Test
    void controlCharactersInEchoedArgumentsAreEscaped() {
        int code = FedPilotCommand.run(new String[]{"directory", "export", "--format", "x\u001b[2J\nfake line",
                "--out", "-", "--sandbox"}, new ServicesFactory(home), r -> 0, new PrintWriter(new StringWriter()),
                new PrintWriter(err));
        assertEquals(2, code);
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().contains("x\\u001b[2J\\nfake line"), err.toString());
        assertFalse(err.toString().contains("\u001b"), err.toString());
    }

    /**
     * The real entry point in its own JVM (logging is set up once per process): with a settings folder that cannot
     * be created, logback's complaint goes to stderr and stdout stays one JSON document.
     */
    @Test
    void jsonStaysJsonWhenTheSettingsFolderCannotBeWritten() throws Exception {
        Path blocker = Files.writeString(home.resolve("a-file"), "not a folder");
        Path unwritable = blocker.resolve("fedpilot"); // below a file: not even root can create it
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", mainClassPath(), "-Dfedpilot.home=" + unwritable, "dev.fedpilot.Main",
                "metadata", "inspect", Corpus.path("aws-idc-sp.xml").toString(), "--json"));
        Process process = new ProcessBuilder(command).redirectError(home.resolve("stderr.txt").toFile()).start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        String stderr = Files.readString(home.resolve("stderr.txt"));
        assertEquals(0, process.exitValue(), stderr);
        JsonNode json = new ObjectMapper().readTree(stdout);
        assertEquals(Corpus.IDC_ENTITY, json.get("entityId").asText(), stdout);
        assertTrue(stderr.contains("no log file"), "logback's status went to stderr: " + stderr);
        assertTrue(stderr.lines().count() <= 1, stderr);
    }

    /** The test class path without the test classes: their logback-test.xml would replace the app's logging. */
    private static String mainClassPath() {
        String full = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> entries = new ArrayList<>();
        for (String entry : full.split(File.pathSeparator)) {
            if (!entry.endsWith("test-classes") && !entry.endsWith("test-classes/")) {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}
