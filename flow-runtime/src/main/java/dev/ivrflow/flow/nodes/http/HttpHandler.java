package dev.ivrflow.flow.nodes.http;

import dev.ivrflow.flow.model.VariableDecl;
import dev.ivrflow.flow.port.HttpPort;
import dev.ivrflow.flow.runtime.Escaping;
import dev.ivrflow.flow.runtime.JournalEvent.Kind;
import dev.ivrflow.flow.runtime.NodeContext;
import dev.ivrflow.flow.runtime.NodeHandler;
import dev.ivrflow.flow.runtime.Step;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Calls the web API. The answer is untrusted input: a body that is too large or not the JSON the map expects
 * takes {@code error} with the reason (and the JSON Pointer that was missing) in the journal, never an exception.
 */
public final class HttpHandler implements NodeHandler<HttpSettings> {
    static final int MAX_BODY_CHARS = 1_000_000;
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @Override
    public Step enter(NodeContext<HttpSettings> ctx) {
        HttpSettings s = ctx.settings();
        Map<String, String> headers = new LinkedHashMap<>();
        s.headersOrEmpty().forEach((k, v) -> headers.put(k, ctx.render(v, Escaping.HEADER)));
        String body = s.body() == null ? null : ctx.render(s.body(), jsonBody(s) ? Escaping.JSON : Escaping.NONE);
        var request = new HttpPort.Request(s.methodOrDefault(), ctx.render(s.url(), Escaping.URL), headers, body,
                Duration.ofMillis(s.timeoutMsOrDefault()));
        return Step.await(ctx.ports().http().send(request), r -> outcome(ctx, s, r));
    }

    /** A body sent as JSON gets its placeholder values JSON-escaped, so a quote in a value cannot break it. */
    private static boolean jsonBody(HttpSettings s) {
        for (Map.Entry<String, String> h : s.headersOrEmpty().entrySet()) {
            if (h.getKey().equalsIgnoreCase("content-type")) return h.getValue().toLowerCase(Locale.ROOT).contains("json");
        }
        String body = s.body().strip();
        return body.startsWith("{") || body.startsWith("[");
    }

    private Step outcome(NodeContext<HttpSettings> ctx, HttpSettings s, HttpPort.Result r) {
        return switch (r) {
            case HttpPort.TimedOut t -> {
                ctx.putResult(Map.of("status", 0, "error", "timeout"));
                ctx.journal(Kind.INPUT, Map.of("http", "timeout"));
                yield Step.take("timeout");
            }
            case HttpPort.Failed f -> error(ctx, 0, f.reason());
            case HttpPort.Response resp -> response(ctx, s, resp);
        };
    }

    private Step response(NodeContext<HttpSettings> ctx, HttpSettings s, HttpPort.Response resp) {
        String text = resp.body() == null ? "" : resp.body();
        if (text.length() > MAX_BODY_CHARS) return error(ctx, resp.status(), "the body is larger than " + MAX_BODY_CHARS + " characters");
        if (resp.status() < 200 || resp.status() > 299) return error(ctx, resp.status(), "status " + resp.status());
        JsonNode json = null;
        if (!text.isBlank()) {
            try {
                json = JSON.readTree(text);
            } catch (JacksonException e) {
                if (!s.mapOrEmpty().isEmpty()) return error(ctx, resp.status(), "the body is not JSON: " + e.getOriginalMessage());
            }
        } else if (!s.mapOrEmpty().isEmpty()) {
            return error(ctx, resp.status(), "the body is empty, but fields are mapped from it");
        }
        Map<String, Object> values = new HashMap<>();
        for (Map.Entry<String, String> m : s.mapOrEmpty().entrySet()) {
            JsonNode field = json == null ? null : json.at(m.getValue());
            if (field == null || field.isMissingNode()) {
                return error(ctx, resp.status(), "the body has no field at " + m.getValue() + " (for variable " + m.getKey() + ")");
            }
            Object value = JSON.treeToValue(field, Object.class);
            VariableDecl decl = ctx.flow().flow().variablesOrEmpty().get(m.getKey());
            String problem = decl == null ? null : TypeCheck.problem(value, decl.type());
            if (problem != null) {
                return error(ctx, resp.status(), "the field at " + m.getValue() + " " + problem
                        + " (for variable " + m.getKey() + ", declared " + decl.type().json() + ")");
            }
            values.put(m.getKey(), TypeCheck.convert(value, decl == null ? null : decl.type()));
        }
        values.forEach(ctx::setVariable);
        Map<String, Object> result = new HashMap<>();
        result.put("status", resp.status());
        result.put("body", json == null ? text : JSON.treeToValue(json, Object.class));
        ctx.putResult(result);
        ctx.journal(Kind.INPUT, Map.of("http", resp.status()));
        return Step.take("ok");
    }

    private Step error(NodeContext<HttpSettings> ctx, int status, String reason) {
        ctx.putResult(Map.of("status", status, "error", reason));
        ctx.journal(Kind.INPUT, Map.of("http", status, "error", reason));
        return Step.take("error");
    }
}
