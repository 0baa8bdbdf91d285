package dev.ivrflow.flow.sim;

import dev.ivrflow.flow.port.HttpPort;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/** Answers HTTP requests with the scripted replies, in order; with none left, the request fails. */
public final class ScriptedHttp implements HttpPort {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private final Deque<SimWorld.HttpReply> replies;
    private final Consumer<SimAction> record;

    public ScriptedHttp(List<SimWorld.HttpReply> replies, Consumer<SimAction> record) {
        this.replies = new ArrayDeque<>(replies == null ? List.of() : replies);
        this.record = record;
    }

    @Override
    public CompletionStage<Result> send(Request request) {
        record.accept(new SimAction("http", Map.of("method", request.method(), "url", request.url())));
        SimWorld.HttpReply reply = replies.poll();
        Result r;
        if (reply == null) {
            r = new Failed("no scripted HTTP reply for " + request.method() + " " + request.url());
        } else if (Boolean.TRUE.equals(reply.timeout())) {
            r = new TimedOut();
        } else {
            String body = reply.body() instanceof String s ? s : reply.body() == null ? "" : JSON.writeValueAsString(reply.body());
            r = new Response(reply.status() == null ? 200 : reply.status(),
                    reply.headers() == null ? Map.of() : reply.headers(), body);
        }
        return CompletableFuture.completedFuture(r);
    }
}
