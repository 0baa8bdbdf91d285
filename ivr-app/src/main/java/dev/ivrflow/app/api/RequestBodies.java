package dev.ivrflow.app.api;

import dev.ivrflow.app.api.error.ApiException;
import dev.ivrflow.app.api.error.FieldError;
import dev.ivrflow.flow.json.DocumentLimits;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Request bodies read as bytes, with a size limit checked before anything is parsed: the declared
 * {@code Content-Length} first, then the bytes as they arrive (a chunked upload has no length). Too large is a
 * 413, empty a 400, both as problem+json. The flow endpoints parse the bytes themselves, so that every problem
 * comes back with the JSON Pointer the flow reader gives it.
 */
final class RequestBodies {
    /** A flow document: the flow reader's own limit. */
    static final int FLOW = DocumentLimits.DEFAULT.maxBytes();
    /** A small JSON request such as a publish comment. */
    static final int SMALL = 64 * 1024;
    /** A calendar preview: one calendar node's settings (long lists of dated exceptions included) and an instant. */
    static final int CALENDAR = 1024 * 1024;
    /** A zip of flow files, compressed. */
    static final int ARCHIVE = 50 * 1024 * 1024;

    private RequestBodies() {
    }

    static Mono<byte[]> read(ServerHttpRequest request, int limit) {
        long declared = request.getHeaders().getContentLength();
        if (declared > limit) return Mono.error(tooLarge(declared, limit));
        return DataBufferUtils.join(request.getBody(), limit)
                .map(buffer -> {
                    try {
                        byte[] bytes = new byte[buffer.readableByteCount()];
                        buffer.read(bytes);
                        return bytes;
                    } finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                .onErrorMap(DataBufferLimitException.class, e -> tooLarge(-1, limit))
                .filter(bytes -> bytes.length > 0)
                .switchIfEmpty(Mono.error(() -> ApiException.badRequest("", "the request body is empty", "a request body")));
    }

    private static ApiException tooLarge(long size, int limit) {
        String message = "the request body is larger than the limit of " + limit + " bytes ("
                + (limit / (1024 * 1024) > 0 ? limit / (1024 * 1024) + " MiB" : limit / 1024 + " KiB") + ")"
                + (size > 0 ? ": " + size + " bytes" : "");
        return new ApiException(HttpStatus.CONTENT_TOO_LARGE, message,
                List.of(new FieldError("", message, "at most " + limit + " bytes")));
    }
}
