package dev.fedpilot.scim;

import com.sun.net.httpserver.HttpServer;
import dev.fedpilot.domain.ScimCheck;
import dev.fedpilot.domain.ScimCheck.Outcome;
import dev.fedpilot.domain.ScimEndpoint;
import dev.fedpilot.domain.Secret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server on 127.0.0.1 that sends its headers and then trickles, or floods, the body: the check ends at its
 * deadline or its size limit with a clear failure (trust issue, item 6). The deadline here is 1 s, not 15 s.
 */
class HttpScimProbeDeadlineTest {
    static final String TOKEN = "fp-TEST-token-deadline-0123456789abcdef";
    static final Duration DEADLINE = Duration.ofSeconds(1);

    HttpServer server;
    ExecutorService executor;
    final AtomicLong flooded = new AtomicLong();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.createContext("/trickle/scim/v2/", ex -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream body = ex.getResponseBody()) {
                // One byte every 100 ms, for at most 30 s: far past the deadline, and it ends by itself.
                for (int i = 0; i < 300; i++) {
                    body.write('{');
                    body.flush();
                    Thread.sleep(100);
                }
            } catch (IOException | InterruptedException gone) {
                // the probe hung up: what it should do
            }
        });
        server.createContext("/flood/scim/v2/", ex -> {
            ex.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'x');
            try (OutputStream body = ex.getResponseBody()) {
                // At most 256 MB, far past the limit; a probe that kept reading would hold all of it.
                for (int i = 0; i < 4096; i++) {
                    body.write(chunk);
                    flooded.addAndGet(chunk.length);
                }
            } catch (IOException gone) {
                // the probe hung up
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    String base(String name) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + name + "/scim/v2";
    }

    ScimCheck check(String name) {
        HttpScimProbe probe = new HttpScimProbe(HttpScimProbe.defaultClient(), DEADLINE);
        try (Secret token = Secret.of(TOKEN)) {
            return probe.check(ScimEndpoint.parse(base(name)), token);
        }
    }

    @Test
    void aBodyThatTricklesEndsTheCheckAtTheDeadline() {
        long start = System.nanoTime();
        ScimCheck result = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> check("trickle"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(Outcome.UNREACHABLE, result.outcome(), result.message());
        assertTrue(result.message().contains("did not answer in full within 1 seconds"), result.message());
        assertTrue(took.compareTo(DEADLINE) >= 0, "waited the deadline: " + took);
        assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "but not much longer: " + took);
        assertTrue(!result.message().contains(TOKEN) && !result.fix().contains(TOKEN));
    }

    @Test
    void aBodyThatFloodsIsCutAtTheSizeLimit() {
        ScimCheck result = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> check("flood"));
        assertEquals(Outcome.UNEXPECTED, result.outcome(), result.message());
        assertTrue(result.message().contains("more than 1024 KB"), result.message());
        assertTrue(flooded.get() < 64L * 1024 * 1024, "the probe stopped reading long before the server stopped: "
                + flooded.get());
    }

    @Test
    void theDefaultsAreFifteenSecondsAndOneMegabyte() {
        assertEquals(Duration.ofSeconds(15), HttpScimProbe.DEADLINE);
        assertEquals(1024 * 1024, HttpScimProbe.MAX_BODY_BYTES);
    }
}
