package dev.fedpilot.cli;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code fedpilot scim check} run as its own process, as a user or a script runs it, against a SCIM server on
 * 127.0.0.1: the token comes from the environment or standard input, never from an argument.
 */
class ScimCommandTest {
    static final String TOKEN = "fp-CLI-token-7d1e0c9b8a7f6e5d4c3b2a19";
    static final String SCIM_BODY = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig\"]}";

    HttpServer server;
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    @TempDir
    Path home;

    record Run(int exitCode, String out, String err) {
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/t/scim/v2/", ex -> {
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            authorizations.add(auth);
            boolean accepted = ("Bearer " + TOKEN).equals(auth);
            byte[] body = (accepted ? SCIM_BODY : "{}").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(accepted ? 200 : 401, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/t/scim/v2";
    }

    Run fedpilot(String envToken, String stdin, String... args) throws Exception {
        // The test class path carries logback-test.xml, which logs to the console; the user's run logs to a file.
        Path quiet = home.resolve("logback-quiet.xml");
        java.nio.file.Files.writeString(quiet, "<configuration><root level=\"OFF\"/></configuration>");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + home, "-Dlogback.configurationFile=" + quiet, "-cp", System.getProperty("java.class.path"), "dev.fedpilot.Main"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove(ScimCommand.TOKEN_VARIABLE);
        pb.environment().put("HOME", home.toString());
        pb.environment().put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        if (envToken != null) {
            pb.environment().put(ScimCommand.TOKEN_VARIABLE, envToken);
        }
        Path out = home.resolve("out.txt");
        Path err = home.resolve("err.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        try (OutputStream in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the command finished");
        return new Run(p.exitValue(), java.nio.file.Files.readString(out), java.nio.file.Files.readString(err));
    }

    @Test
    void theTokenFromTheEnvironmentIsAcceptedExitZero() throws Exception {
        Run r = fedpilot(TOKEN, null, "scim", "check", "--endpoint", endpoint());
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertEquals("The SCIM endpoint accepted the token.", r.out().strip());
        assertEquals(List.of("Bearer " + TOKEN), authorizations);
        assertFalse(r.out().contains(TOKEN) || r.err().contains(TOKEN));
    }

    @Test
    void theTokenFromStandardInputIsUsedAndARefusedOneExitsOneWithTheReason() throws Exception {
        Run ok = fedpilot(null, TOKEN + "\n", "scim", "check", "--endpoint", endpoint());
        assertEquals(ExitCodes.OK, ok.exitCode(), ok.err());
        Run refused = fedpilot(null, "not-the-token\n", "scim", "check", "--endpoint", endpoint());
        assertEquals(ExitCodes.FAILED, refused.exitCode());
        assertEquals("", refused.out());
        assertEquals(1, refused.err().lines().count(), refused.err());
        assertTrue(refused.err().startsWith("fedpilot: AWS refused the token (HTTP 401)"), refused.err());
        assertFalse(refused.err().contains("not-the-token"));
        assertEquals(List.of("Bearer " + TOKEN, "Bearer not-the-token"), authorizations);
    }

    @Test
    void noTokenOrABadEndpointIsBadUsageAndNothingIsSent() throws Exception {
        Run none = fedpilot(null, "", "scim", "check", "--endpoint", endpoint());
        assertEquals(ExitCodes.BAD_INPUT, none.exitCode(), none.err());
        assertTrue(none.err().contains(ScimCommand.TOKEN_VARIABLE), none.err());
        assertEquals(1, none.err().lines().count(), none.err());
        assertEquals(List.of(), authorizations);
    }

    @Test
    void usageErrorsInProcess() {
        assertEquals(ExitCodes.BAD_INPUT, MetadataCommandTest.run("scim", "check").exitCode(), "--endpoint is required");
        MetadataCommandTest.Run bad = MetadataCommandTest.run("scim", "check", "--endpoint", "ftp://x");
        assertEquals(ExitCodes.BAD_INPUT, bad.exitCode());
        assertEquals("fedpilot: The SCIM endpoint must be an https URL.", bad.err().strip());
        MetadataCommandTest.Run tokenArgument = MetadataCommandTest.run("scim", "check", "--endpoint", endpoint(),
                "--token", TOKEN);
        assertEquals(ExitCodes.BAD_INPUT, tokenArgument.exitCode(), "there is no way to pass the token as an argument");
        assertEquals(List.of(), authorizations);
        assertTrue(MetadataCommandTest.run("--help").out().contains("scim"));
    }
}
