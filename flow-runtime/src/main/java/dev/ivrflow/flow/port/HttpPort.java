package dev.ivrflow.flow.port;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** Outgoing HTTP for the {@code http} node. Failures are values: the stage always completes normally. */
public interface HttpPort {

    CompletionStage<Result> send(Request request);

    record Request(String method, String url, Map<String, String> headers, String body, Duration timeout) {
    }

    sealed interface Result {
    }

    record Response(int status, Map<String, String> headers, String body) implements Result {
    }

    record TimedOut() implements Result {
    }

    record Failed(String reason) implements Result {
    }
}
