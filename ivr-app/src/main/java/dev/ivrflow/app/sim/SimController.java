package dev.ivrflow.app.sim;

import dev.ivrflow.app.security.CurrentUser;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Duration;

/**
 * The designer's "call this flow" panel: simulated calls of a draft or a published version, run by the real
 * interpreter (the flow-runtime simulator in interactive mode) on a manual clock.
 *
 * <ul>
 *   <li>{@code POST /api/sim/calls} starts a call: 201 with the call (see {@link CallView}) once the flow first waits
 *       for the caller or ends; 404 for an unknown flow or version, 422 when it does not validate, 429 when too
 *       many calls are in progress.</li>
 *   <li>{@code GET /api/sim/calls/{id}/events}: the call's events as server-sent events, replayed from the start
 *       (or after {@code Last-Event-ID}) for late subscribers; the stream ends after {@code ended}.</li>
 *   <li>{@code POST /api/sim/calls/{id}/input}: one caller step ({@code digits}, {@code speech} or
 *       {@code silence}); 409 once the call has ended.</li>
 *   <li>{@code POST /api/sim/calls/{id}/hangup} and {@code GET /api/sim/calls/{id}}.</li>
 * </ul>
 * A call belongs to the user who started it: for anyone else it does not exist.
 */
@RestController
@RequestMapping("/api/sim/calls")
public class SimController {
    static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final SimCalls calls;

    public SimController(SimCalls calls) {
        this.calls = calls;
    }

    @PostMapping
    public Mono<ResponseEntity<CallView>> start(@RequestBody(required = false) String body) {
        return CurrentUser.name().flatMap(user -> calls.start(body, user))
                .map(view -> ResponseEntity.created(URI.create("/api/sim/calls/" + view.callId())).body(view));
    }

    @GetMapping("/{id}")
    public Mono<CallView> state(@PathVariable String id) {
        return CurrentUser.name().flatMap(user -> calls.state(id, user));
    }

    @PostMapping("/{id}/input")
    public Mono<CallView> input(@PathVariable String id, @RequestBody(required = false) String body) {
        return CurrentUser.name().flatMap(user -> calls.input(id, body, user));
    }

    @PostMapping("/{id}/hangup")
    public Mono<CallView> hangup(@PathVariable String id) {
        return CurrentUser.name().flatMap(user -> calls.hangup(id, user));
    }

    /**
     * The event stream. Each event has an {@code id} (its sequence number in the call), a name and JSON data. A
     * reconnecting EventSource sends {@code Last-Event-ID} and gets only what it missed; once the call has ended and
     * the client has everything, the answer is 204, which tells an EventSource to stop reconnecting.
     */
    @GetMapping(value = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Mono<ResponseEntity<Flux<ServerSentEvent<Object>>>> events(
            @PathVariable String id, @RequestHeader(value = "Last-Event-ID", required = false) String lastEventId) {
        return CurrentUser.name().map(user -> {
            InteractiveCall call = calls.call(id, user);
            long after = parse(lastEventId);
            if (call.ended() && after >= call.lastEventId()) return ResponseEntity.noContent().build();
            Flux<ServerSentEvent<Object>> events = call.events(after)
                    .map(e -> ServerSentEvent.builder((Object) e.data()).id(Long.toString(e.id())).event(e.name()).build());
            // A first comment sends the headers at once, so the client knows the stream is open.
            ServerSentEvent<Object> opening = ServerSentEvent.builder().comment("simulated call " + call.id()).build();
            Flux<ServerSentEvent<Object>> heartbeats = Flux.interval(HEARTBEAT)
                    .map(i -> ServerSentEvent.builder().comment("keep-alive").build())
                    .takeUntilOther(call.completion().then(Mono.just(true)));
            return ResponseEntity.ok()
                    .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                    .header("X-Accel-Buffering", "no")
                    .contentType(MediaType.TEXT_EVENT_STREAM)
                    .body(Flux.concat(Mono.just(opening), Flux.merge(events, heartbeats)));
        });
    }

    /** A Last-Event-ID that is not one of ours replays everything. */
    private static long parse(String lastEventId) {
        if (lastEventId == null) return 0;
        try {
            return Math.max(0, Long.parseLong(lastEventId.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
