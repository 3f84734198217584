package dev.fedpilot.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real moto server ({@code moto_server}) on a free loopback port for one test class.
 * Register it with {@code @RegisterExtension static final MotoServer MOTO = new MotoServer();}: it starts before
 * all tests, resets all state before each test, and stops (with every child process) after all tests.
 * A missing {@code moto_server} fails the tests; it never skips them.
 */
public final class MotoServer implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    public static final String EXECUTABLE = "moto_server";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String executable;
    private Process process;
    private Path log;
    private URI endpoint;

    public MotoServer() {
        this(EXECUTABLE);
    }

    /** @param executable the moto_server command, on the PATH or as a path */
    public MotoServer(String executable) {
        this.executable = executable;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    /** Starts moto on a free port and waits until it answers. */
    public synchronized void start() throws IOException, InterruptedException {
        if (process != null) {
            return;
        }
        int port = freePort();
        Path target = Path.of("target");
        log = Files.isDirectory(target) ? Files.createTempFile(target, "moto-" + port + "-", ".log")
                : Files.createTempFile("moto-" + port + "-", ".log");
        ProcessBuilder builder = new ProcessBuilder(List.of(executable, "-H", "127.0.0.1", "-p", String.valueOf(port)))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start '" + executable + "' (" + e.getMessage() + "). The AWS "
                    + "adapter tests need moto: install it with `pip install 'moto[server]'` so that '" + EXECUTABLE
                    + "' is on the PATH.", e);
        }
        endpoint = URI.create("http://127.0.0.1:" + port);
        awaitReady();
    }

    /** The base URI for the SDK's endpointOverride. */
    public URI endpoint() {
        if (endpoint == null) {
            throw new IllegalStateException("moto is not started");
        }
        return endpoint;
    }

    /** Clears every moto backend (users, groups, memberships; the default IdC instance comes back). */
    public void reset() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint().resolve("/moto-api/reset"))
                    .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("moto reset answered HTTP " + response.statusCode());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("moto reset failed; log: " + log, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while resetting moto", e);
        }
    }

    /** Stops moto; under pyenv the shim execs Python under the same PID, which may itself have children. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        ProcessHandle handle = process.toHandle();
        List<ProcessHandle> children = handle.descendants().toList();
        children.forEach(ProcessHandle::destroy);
        handle.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        process = null;
        endpoint = null;
    }

    private void awaitReady() throws InterruptedException {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        HttpRequest probe = HttpRequest.newBuilder(endpoint.resolve("/moto-api/data.json"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("'" + executable + "' exited with code " + process.exitValue()
                        + " before answering. Output:\n" + logTail());
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet: moto takes a few seconds to import its backends
            }
            Thread.sleep(100);
        }
        stop();
        throw new IllegalStateException("'" + executable + "' did not answer within " + STARTUP_TIMEOUT.toSeconds()
                + " s. Output:\n" + logTail());
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
