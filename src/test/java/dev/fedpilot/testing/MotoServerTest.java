package dev.fedpilot.testing;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MotoServerTest {

    @Test
    void aMissingExecutableFailsWithInstallAdvice() {
        MotoServer moto = new MotoServer("/nonexistent/moto_server");

        IllegalStateException e = assertThrows(IllegalStateException.class, moto::start);

        assertTrue(e.getMessage().contains("pip install 'moto[server]'"), e.getMessage());
    }

    @Test
    void startsAnswersAndStopsWithItsChildren() throws Exception {
        MotoServer moto = new MotoServer();
        moto.start();
        URI endpoint = moto.endpoint();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest probe = HttpRequest.newBuilder(endpoint.resolve("/moto-api/data.json")).GET().build();
        assertEquals(200, http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode());
        moto.reset();

        moto.stop();

        assertThrows(java.io.IOException.class, () -> http.send(probe, HttpResponse.BodyHandlers.discarding()));
    }
}
