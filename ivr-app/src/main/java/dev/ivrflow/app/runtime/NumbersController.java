package dev.ivrflow.app.runtime;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ivrflow.app.api.error.ApiException;
import dev.ivrflow.app.api.error.FieldError;
import dev.ivrflow.app.flows.FlowIds;
import dev.ivrflow.app.flows.FlowStore;
import dev.ivrflow.app.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which numbers reach which flow. Reading is for viewers ({@code GET /api/numbers}, {@code GET
 * /api/flows/{flowId}/numbers}); changing a flow's numbers is editing the flow ({@code PUT} and {@code DELETE
 * /api/flows/{flowId}/numbers/{number}}, EDITOR, as every change under {@code /api/flows}). A route takes effect on
 * every instance at the next call; the call runs the flow's latest published version.
 */
@RestController
@Tag(name = "Numbers", description = "Which called numbers reach which flow")
public class NumbersController {
    private static final Logger log = LoggerFactory.getLogger(NumbersController.class);
    private static final int MAX_BODY = 16 * 1024;
    private static final Set<String> BODY_PROPERTIES = Set.of("flowId", "description", "replace");
    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /**
     * A number's route as the API shows it. {@code liveVersion} is the flow's latest published version, which new calls
     * run (absent: nothing published yet, calls are handed back to the dialplan); {@code previousFlowId} is the flow
     * the number reached before a PUT moved it.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NumberRoute(String number, String flowId, String description, Integer liveVersion, Instant updatedAt,
                              String updatedBy, String previousFlowId) {
    }

    /** The optional body of a PUT. */
    record RouteRequest(String flowId, String description, boolean replace) {
    }

    private final NumberRoutes routes;
    private final FlowStore flows;
    private final PublishWatcher published;
    private final Clock clock;

    public NumbersController(NumberRoutes routes, FlowStore flows, PublishWatcher published) {
        this.routes = routes;
        this.flows = flows;
        this.published = published;
        this.clock = Clock.systemUTC();
    }

    @GetMapping("/api/numbers")
    @Operation(summary = "List every number's route", description = "By number, with the flow's live version.")
    public Flux<NumberRoute> all() {
        return routes.all().concatMap(r -> view(r, null));
    }

    @GetMapping("/api/flows/{flowId}/numbers")
    @Operation(summary = "List the numbers that reach a flow")
    @ApiResponses({
            @ApiResponse(responseCode = "400", description = "not a flow id", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class))),
            @ApiResponse(responseCode = "404", description = "no such flow", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))})
    public Flux<NumberRoute> ofFlow(@PathVariable String flowId) {
        String id = flowId(flowId);
        return requireFlow(id).thenMany(routes.forFlow(id)).concatMap(r -> view(r, null));
    }

    @PutMapping("/api/flows/{flowId}/numbers/{number}")
    @Operation(summary = "Route a number to this flow",
            description = "The number as FreeSWITCH passes it (destination_number): an optional +, then 1 to 32 of "
                    + "0-9 * # (# percent-encoded as %23). A call matches a route exactly, else the longest route that "
                    + "is a prefix of the number. Optional body: {\"description\": \"...\" (at most 200 characters), "
                    + "\"flowId\": the same flow id as in the path, \"replace\": true to take a number another flow "
                    + "has}. Answers 201 for a new route, 200 for a changed one. The flow must exist; until it is "
                    + "published, calls to the number are handed back to the dialplan.")
    @ApiResponses({
            @ApiResponse(responseCode = "200", description = "the route was changed"),
            @ApiResponse(responseCode = "201", description = "the route was created"),
            @ApiResponse(responseCode = "400", description = "a bad number, flow id or body: every problem, body problems with their JSON Pointer", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class))),
            @ApiResponse(responseCode = "404", description = "no such flow", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class))),
            @ApiResponse(responseCode = "409", description = "the number reaches another flow, and the body does not say replace", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class))),
            @ApiResponse(responseCode = "413", description = "the body is too large", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))})
    public Mono<ResponseEntity<NumberRoute>> put(@PathVariable String flowId, @PathVariable String number,
                                                 ServerHttpRequest request) {
        List<FieldError> errors = new ArrayList<>();
        String id = check(errors, flowId);
        String n = checkNumber(errors, number);
        if (!errors.isEmpty()) return Mono.error(ApiException.badRequest(summary(errors), errors));
        return body(request).map(bytes -> parse(bytes, id)).defaultIfEmpty(new RouteRequest(null, null, false))
                .flatMap(body -> requireFlow(id).then(CurrentUser.name()).flatMap(user -> {
                    NumberRoutes.Route route = new NumberRoutes.Route(n, id, body.description(), clock.instant(), user);
                    return routes.put(route, body.replace())
                            .onErrorMap(NumberRoutes.NumberTakenException.class, e -> ApiException.conflict("number " + n
                                    + " reaches flow '" + e.owner().flowId() + "'; send {\"replace\": true} to route it to '"
                                    + id + "' instead"))
                            .flatMap(previous -> {
                                String moved = previous.map(NumberRoutes.Route::flowId).filter(f -> !f.equals(id)).orElse(null);
                                if (moved != null) log.info("number {} moved from flow '{}' to flow '{}' by {}", n, moved, id, user);
                                else log.info("number {} routed to flow '{}' by {}", n, id, user);
                                HttpStatus status = previous.isPresent() ? HttpStatus.OK : HttpStatus.CREATED;
                                return view(route, moved).map(v -> ResponseEntity.status(status).body(v));
                            });
                }));
    }

    @DeleteMapping("/api/flows/{flowId}/numbers/{number}")
    @Operation(summary = "Stop routing a number to this flow",
            description = "Calls to the number then match a shorter prefix route, or none (handed back to the dialplan).")
    @ApiResponses({
            @ApiResponse(responseCode = "204", description = "removed"),
            @ApiResponse(responseCode = "400", description = "a bad number or flow id", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class))),
            @ApiResponse(responseCode = "404", description = "the number does not reach this flow", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))})
    public Mono<ResponseEntity<Void>> delete(@PathVariable String flowId, @PathVariable String number) {
        List<FieldError> errors = new ArrayList<>();
        String id = check(errors, flowId);
        String n = checkNumber(errors, number);
        if (!errors.isEmpty()) return Mono.error(ApiException.badRequest(summary(errors), errors));
        return routes.delete(n, id).flatMap(removed -> {
            if (!removed) return Mono.error(ApiException.notFound("number " + n + " does not reach flow '" + id + "'"));
            return CurrentUser.name().doOnNext(user -> log.info("number {} no longer routed to flow '{}' (by {})", n, id, user))
                    .thenReturn(ResponseEntity.noContent().<Void>build());
        });
    }

    // ---- input

    private static String flowId(String flowId) {
        List<FieldError> errors = new ArrayList<>();
        String id = check(errors, flowId);
        if (!errors.isEmpty()) throw ApiException.badRequest(summary(errors), errors);
        return id;
    }

    /** Path parameters carry no pointer (they are not in the body): the message names them, as elsewhere in the API. */
    private static String check(List<FieldError> errors, String flowId) {
        if (!FlowIds.valid(flowId)) {
            errors.add(new FieldError(null, "path parameter 'flowId': '" + abbreviate(flowId) + "' is not a flow id "
                    + "(lower-case letters, digits and dashes, starting with a letter or digit, at most 64 characters)",
                    FlowIds.PATTERN));
        }
        return flowId;
    }

    private static String checkNumber(List<FieldError> errors, String number) {
        if (!NumberRoutes.validNumber(number)) {
            errors.add(new FieldError(null, "path parameter 'number': '" + abbreviate(number) + "' is not a number "
                    + "(an optional +, then 1 to 32 digits, * or #; # is written %23 in a URL)",
                    NumberRoutes.NUMBER_PATTERN));
        }
        return number;
    }

    private static String summary(List<FieldError> errors) {
        return errors.size() == 1 ? errors.getFirst().message() : errors.size() + " problems with the request";
    }

    private static Mono<byte[]> body(ServerHttpRequest request) {
        long declared = request.getHeaders().getContentLength();
        if (declared > MAX_BODY) return Mono.error(tooLarge());
        return DataBufferUtils.join(request.getBody(), MAX_BODY)
                .map(buffer -> {
                    try {
                        byte[] bytes = new byte[buffer.readableByteCount()];
                        buffer.read(bytes);
                        return bytes;
                    } finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                .onErrorMap(DataBufferLimitException.class, e -> tooLarge())
                .filter(bytes -> new String(bytes, StandardCharsets.UTF_8).strip().length() > 0);
    }

    private static ApiException tooLarge() {
        String message = "the request body is larger than " + MAX_BODY + " bytes";
        return new ApiException(HttpStatus.CONTENT_TOO_LARGE, message, List.of(new FieldError("", message, "at most " + MAX_BODY + " bytes")));
    }

    /** The optional PUT body, every problem reported at once with its JSON Pointer. */
    static RouteRequest parse(byte[] bytes, String pathFlowId) {
        JsonNode tree;
        try {
            tree = STRICT.readTree(bytes);
        } catch (JacksonException e) {
            String m = e.getOriginalMessage() == null ? "malformed JSON" : firstLine(e.getOriginalMessage());
            throw ApiException.badRequest("the request body is not JSON: " + m, List.of(new FieldError("", m, "a JSON object")));
        }
        if (tree == null || !tree.isObject()) {
            throw ApiException.badRequest("the request body must be a JSON object",
                    List.of(new FieldError("", "expected a JSON object", "a JSON object")));
        }
        List<FieldError> errors = new ArrayList<>();
        for (String name : tree.propertyNames()) {
            if (!BODY_PROPERTIES.contains(name)) {
                errors.add(new FieldError("/" + name.replace("~", "~0").replace("/", "~1"), "unknown property '" + name
                        + "' (allowed: description, flowId, replace)", "one of description, flowId, replace"));
            }
        }
        String flowId = null;
        JsonNode f = tree.get("flowId");
        if (f != null && !f.isNull()) {
            if (!f.isString()) {
                errors.add(new FieldError("/flowId", "expected a string", "\"" + pathFlowId + "\""));
            } else if (!f.asString().equals(pathFlowId)) {
                errors.add(new FieldError("/flowId", "'" + abbreviate(f.asString()) + "' is not the flow of the path ('"
                        + pathFlowId + "'); leave it out or repeat it", "\"" + pathFlowId + "\""));
            } else {
                flowId = f.asString();
            }
        }
        String description = null;
        JsonNode d = tree.get("description");
        if (d != null && !d.isNull()) {
            if (!d.isString()) {
                errors.add(new FieldError("/description", "expected a string", "a string of at most "
                        + NumberRoutes.MAX_DESCRIPTION + " characters"));
            } else if (d.asString().codePointCount(0, d.asString().length()) > NumberRoutes.MAX_DESCRIPTION) {
                errors.add(new FieldError("/description", "expected at most " + NumberRoutes.MAX_DESCRIPTION
                        + " characters", "a string of at most " + NumberRoutes.MAX_DESCRIPTION + " characters"));
            } else if (!d.asString().isBlank()) {
                description = d.asString().strip();
            }
        }
        boolean replace = false;
        JsonNode r = tree.get("replace");
        if (r != null && !r.isNull()) {
            if (!r.isBoolean()) errors.add(new FieldError("/replace", "expected true or false", "true or false"));
            else replace = r.booleanValue();
        }
        if (!errors.isEmpty()) {
            throw ApiException.badRequest("the request body is not valid: " + errors.size() + " problem"
                    + (errors.size() == 1 ? "" : "s"), errors);
        }
        return new RouteRequest(flowId, description, replace);
    }

    // ---- helpers

    private Mono<Void> requireFlow(String id) {
        return flows.findDraft(id).hasElement()
                .flatMap(draft -> draft ? Mono.just(true) : flows.latest(id).hasElement())
                .flatMap(exists -> exists ? Mono.<Void>empty()
                        : Mono.error(ApiException.notFound("there is no flow '" + id + "'")));
    }

    /** The route with its flow's latest published version: as this instance knows it, else from the database. */
    private Mono<NumberRoute> view(NumberRoutes.Route r, String previousFlowId) {
        Mono<Optional<Integer>> live = published.known(r.flowId()).map(v -> Mono.just(Optional.of(v)))
                .orElseGet(() -> flows.versionNumbers(r.flowId())
                        .map(numbers -> numbers.isEmpty() ? Optional.<Integer>empty() : Optional.of(numbers.getFirst())));
        return live.map(v -> new NumberRoute(r.number(), r.flowId(), r.description(), v.orElse(null), r.updatedAt(),
                r.updatedBy(), previousFlowId));
    }

    private static String abbreviate(String s) {
        if (s == null) return "";
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
