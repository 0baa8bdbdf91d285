package dev.ivrflow.app.calls;

import com.mongodb.MongoException;
import dev.ivrflow.app.api.error.ApiException;
import dev.ivrflow.app.config.IvrProperties;
import dev.ivrflow.app.journal.JournalEntry;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Calls: live on this instance, one call's journey, search, and per-node statistics of a flow version. Read-only
 * (a viewer may use all of it). Bad parameters are 400 problem+json with a pointer such as {@code /query/from};
 * an unreachable database is 503.
 */
@RestController
@RequestMapping("/api")
public class CallsController {
    private final LiveCallFeed live;
    private final CallQueries queries;
    private final int dwellSample;

    CallsController(LiveCallFeed live, CallQueries queries, IvrProperties properties) {
        this.live = live;
        this.queries = queries;
        this.dwellSample = properties.journal().dwellSample();
    }

    @GetMapping(path = "/calls/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Object>> live() {
        return live.stream();
    }

    @GetMapping("/calls/{callId}")
    Mono<CallJourney> journey(@PathVariable String callId) {
        String id = CallParams.callId(callId);
        return queries.journey(id).map(found -> {
            var journey = found.orElseThrow(() -> ApiException.notFound("no call '" + id + "' in the journal"));
            List<JournalEntry> events = journey.events();
            boolean truncated = events.size() > CallQueries.MAX_JOURNEY_EVENTS;
            if (truncated) events = events.subList(0, CallQueries.MAX_JOURNEY_EVENTS);
            CallSummary s = journey.summary();
            String flowId = s != null && s.flowId() != null ? s.flowId() : events.isEmpty() ? null : events.getFirst().flowId();
            Integer version = s != null && s.flowVersion() != null ? s.flowVersion()
                    : events.isEmpty() ? null : events.getFirst().flowVersion();
            return new CallJourney(id, flowId, version, live.find(id).isPresent(), s, events, truncated);
        }).onErrorMap(MongoException.class, CallsController::unavailable);
    }

    @GetMapping("/calls")
    Mono<CallPage> search(@RequestParam(required = false) String caller, @RequestParam(required = false) String called,
                          @RequestParam(required = false) String flowId, @RequestParam(required = false) String from,
                          @RequestParam(required = false) String to, @RequestParam(required = false) String limit,
                          @RequestParam(required = false) String cursor) {
        CallSearch q = CallParams.search(caller, called, flowId, from, to, limit, cursor);
        return queries.search(q).map(found -> {
            if (found.size() <= q.limit()) return new CallPage(found, null);
            List<CallSummary> page = found.subList(0, q.limit());
            CallSummary last = page.getLast();
            return new CallPage(page, new CallCursor(last.startedAt(), last.callId()).encode());
        }).onErrorMap(MongoException.class, CallsController::unavailable);
    }

    @GetMapping("/flows/{flowId}/versions/{version}/stats")
    Mono<FlowStats> stats(@PathVariable String flowId, @PathVariable String version,
                          @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        CallParams.StatsRequest r = CallParams.stats(flowId, version, from, to);
        return queries.flowEvents(r.flowId(), r.version(), r.from(), r.to())
                .collect(() -> new NodeStatsCollector(dwellSample), NodeStatsCollector::accept)
                .map(c -> c.result(r.flowId(), r.version(), r.from(), r.to()))
                .onErrorMap(MongoException.class, CallsController::unavailable);
    }

    private static ApiException unavailable(MongoException e) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE,
                "the journal's database is unreachable or too slow right now; try again shortly", List.of());
    }
}
