package dev.fedpilot.entra.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/** What the fake answers. */
record FakeResponse(int status, Map<String, String> headers, String body, String contentType) {

    static FakeResponse json(int status, JsonNode body) {
        return new FakeResponse(status, Map.of(), body.toString(), "application/json");
    }

    static FakeResponse ok(JsonNode body) {
        return json(200, body);
    }

    static FakeResponse created(JsonNode body) {
        return json(201, body);
    }

    static FakeResponse noContent() {
        return new FakeResponse(204, Map.of(), "", null);
    }

    static FakeResponse xml(String body) {
        return new FakeResponse(200, Map.of(), body, "application/xml");
    }

    /** Graph's error body: {"error":{"code":…,"message":…,"innerError":{…}}}. */
    static FakeResponse error(int status, String code, String message) {
        return error(status, code, message, Map.of());
    }

    static FakeResponse error(int status, String code, String message, Map<String, String> headers) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode error = body.putObject("error");
        error.put("code", code);
        error.put("message", message);
        error.putObject("innerError").put("request-id", java.util.UUID.randomUUID().toString())
                .put("date", java.time.Instant.now().toString());
        return new FakeResponse(status, headers, body.toString(), "application/json");
    }

    static FakeResponse notFound(String id) {
        return error(404, "Request_ResourceNotFound", "Resource '" + id
                + "' does not exist or one of its queried reference-property objects are not present.");
    }

    static FakeResponse badRequest(String message) {
        return error(400, "Request_BadRequest", message);
    }
}
