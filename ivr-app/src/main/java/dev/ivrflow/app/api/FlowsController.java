package dev.ivrflow.app.api;

import dev.ivrflow.app.flows.AuditEntry;
import dev.ivrflow.app.flows.FlowDiff;
import dev.ivrflow.app.flows.FlowService;
import dev.ivrflow.app.flows.FlowSummary;
import dev.ivrflow.app.flows.PublishResult;
import dev.ivrflow.app.flows.RollbackResult;
import dev.ivrflow.app.flows.SaveResult;
import dev.ivrflow.app.flows.ValidationResult;
import dev.ivrflow.app.flows.VersionSummary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Flows: drafts (work in progress, may be invalid, saved with optimistic locking on their revision), validation,
 * publishing immutable versions, version history, semantic diffs, rollbacks, and export of one flow.
 *
 * <p>Concurrency: {@code GET /api/flows/{id}} answers the canonical JSON with {@code ETag: "<revision>"}; a
 * {@code PUT} must send it back as {@code If-Match} (missing: 428; stale: 409 with {@code currentRevision}).
 * Publish, rollback and delete take an optional {@code If-Match} to act only on the revision the user saw.
 */
@RestController
@RequestMapping("/api/flows")
@Tag(name = "Flows", description = "Drafts, validation, publishing, versions, diffs and rollbacks")
public class FlowsController {
    static final String FLOW_BODY = "A flow document (\"schema\": \"ivr-flow/1\"; its JSON Schema is GET /api/schema), at "
            + "most 5 MiB. Anything that reads as a flow document is saved, valid or not; anything else is a 400 "
            + "listing every problem with its JSON Pointer.";

    private final FlowService flows;

    public FlowsController(FlowService flows) {
        this.flows = flows;
    }

    @GetMapping
    @Operation(summary = "List the flows", description = "Every draft with its revision, last save and latest published version.")
    public Flux<FlowSummary> list() {
        return flows.list();
    }

    @PostMapping
    @Operation(summary = "Create a flow", description = "Saves a new draft from a flow document whose id is new (409 if "
            + "it exists). Answers 201 with Location, ETag and the validation result.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = FLOW_BODY,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object"))))
    @ApiResponses({
            @ApiResponse(responseCode = "201", description = "created; Location and ETag"),
            @ApiResponse(responseCode = "400", description = "not a flow document: every problem with its JSON Pointer", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class))),
            @ApiResponse(responseCode = "409", description = "a flow with this id exists", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class))),
            @ApiResponse(responseCode = "413", description = "the body is too large", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))})
    public Mono<ResponseEntity<SaveResult>> create(ServerHttpRequest request) {
        return RequestBodies.read(request, RequestBodies.FLOW)
                .flatMap(body -> Caller.name().flatMap(user -> flows.create(body, user)))
                .map(saved -> ResponseEntity.created(URI.create("/api/flows/" + saved.id()))
                        .eTag(Params.etag(saved.revision())).body(saved));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a draft", description = "The draft's canonical JSON, with its revision as the ETag.")
    @ApiResponses({
            @ApiResponse(responseCode = "200", description = "the canonical JSON; ETag is the revision", content = @Content(mediaType = "application/json", schema = @Schema(type = "object", description = "a flow document in canonical form"))),
            @ApiResponse(responseCode = "404", description = "no such flow or version", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))})
    public Mono<ResponseEntity<byte[]>> get(@PathVariable String id) {
        return flows.draft(Params.flowId(id)).map(d -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .eTag(Params.etag(d.revision())).body(d.json().getBytes(StandardCharsets.UTF_8)));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Save a draft", description = "Replaces the draft's content. Requires If-Match with the ETag of "
            + "the revision the change is based on: missing is a 428, stale a 409 with currentRevision. The body's id "
            + "must be the path's id (400 at /id). Saving the content the draft already has is a no-op (status "
            + "'unchanged') that succeeds whatever the revision.",
            parameters = @Parameter(name = HttpHeaders.IF_MATCH, in = ParameterIn.HEADER, required = true,
                    description = "the draft's ETag, e.g. \"3\""),
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = FLOW_BODY,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object"))))
    @ApiResponses({
            @ApiResponse(responseCode = "200", description = "saved (or unchanged); ETag is the new revision"),
            @ApiResponse(responseCode = "400", description = "not a flow document: every problem with its JSON Pointer", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class))),
            @ApiResponse(responseCode = "404", description = "no such flow or version", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class))),
            @ApiResponse(responseCode = "409", description = "stale revision: currentRevision says the current one", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class))),
            @ApiResponse(responseCode = "413", description = "the body is too large", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class))),
            @ApiResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))})
    public Mono<ResponseEntity<SaveResult>> save(@PathVariable String id, ServerHttpRequest request,
                                                 @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        String flowId = Params.flowId(id);
        long revision = Params.ifMatch(ifMatch, true);
        return RequestBodies.read(request, RequestBodies.FLOW)
                .flatMap(body -> Caller.name().flatMap(user -> flows.update(flowId, body, revision, user)))
                .map(saved -> ResponseEntity.ok().eTag(Params.etag(saved.revision())).body(saved));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a draft", description = "Deletes the draft (only at the If-Match revision when given). "
            + "Published versions stay: they are immutable, and calls or other flows may be using them.")
    @ApiResponses({
            @ApiResponse(responseCode = "204", description = "deleted"),
            @ApiResponse(responseCode = "404", description = "no such flow or version", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class))),
            @ApiResponse(responseCode = "409", description = "stale revision", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))})
    public Mono<ResponseEntity<Void>> delete(@PathVariable String id,
                                             @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        String flowId = Params.flowId(id);
        Long revision = Params.ifMatch(ifMatch, false);
        return Caller.name().flatMap(user -> flows.delete(flowId, revision, user))
                .then(Mono.just(ResponseEntity.noContent().build()));
    }

    @PostMapping("/{id}/validate")
    @Operation(summary = "Validate the stored draft", description = "Every issue with code, severity, node, exit, "
            + "message and JSON Pointer; subflows are checked against the published versions. valid means no errors.")
    public Mono<ValidationResult> validate(@PathVariable String id) {
        return flows.validateDraft(Params.flowId(id));
    }

    @GetMapping("/{id}/validation")
    @Operation(summary = "Validate the stored draft (read-only form)", description = "The same as POST "
            + "/api/flows/{id}/validate, for clients that may only read.")
    public Mono<ValidationResult> validation(@PathVariable String id) {
        return flows.validateDraft(Params.flowId(id));
    }

    @PostMapping("/{id}/publish")
    @Operation(summary = "Publish the draft", description = "Body {\"comment\": \"why\"} (required, at most 500 "
            + "characters). Refused with 422 and the validation errors when the draft has any (warnings are fine). "
            + "With If-Match, publishes only if the draft is still at that revision (409 otherwise). Answers 201 with "
            + "the new immutable version; the publish is audited with who, when and the comment.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = PublishRequest.class))))
    @ApiResponses({
            @ApiResponse(responseCode = "201", description = "published; Location is the new version"),
            @ApiResponse(responseCode = "400", description = "bad body: every problem with its JSON Pointer", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class))),
            @ApiResponse(responseCode = "404", description = "no such flow or version", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class))),
            @ApiResponse(responseCode = "409", description = "stale revision", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class))),
            @ApiResponse(responseCode = "422", description = "the draft has validation errors: errors and issues list them", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class))),
            @ApiResponse(responseCode = "413", description = "the body is too large", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))})
    public Mono<ResponseEntity<PublishResult>> publish(@PathVariable String id, ServerHttpRequest request,
                                                       @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        String flowId = Params.flowId(id);
        Long revision = Params.ifMatch(ifMatch, false);
        return RequestBodies.read(request, RequestBodies.SMALL)
                .map(PublishRequest::parse)
                .flatMap(body -> Caller.name().flatMap(user -> flows.publish(flowId, body.comment(), revision, user)))
                .map(p -> ResponseEntity.created(URI.create("/api/flows/" + flowId + "/versions/" + p.version().version())).body(p));
    }

    @GetMapping("/{id}/versions")
    @Operation(summary = "List the published versions", description = "Newest first, without their content.")
    public Flux<VersionSummary> versions(@PathVariable String id) {
        return flows.versions(Params.flowId(id));
    }

    @GetMapping("/{id}/versions/{version}")
    @Operation(summary = "Get a published version", description = "Its canonical JSON, byte for byte as published.")
    @ApiResponses({
            @ApiResponse(responseCode = "200", description = "the canonical JSON as published", content = @Content(mediaType = "application/json", schema = @Schema(type = "object", description = "a flow document in canonical form"))),
            @ApiResponse(responseCode = "404", description = "no such flow or version", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))})
    public Mono<ResponseEntity<byte[]>> version(@PathVariable String id, @PathVariable String version) {
        String flowId = Params.flowId(id);
        int number = Params.version(version, "path parameter 'version'");
        return flows.version(flowId, number).map(v -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header("X-Flow-Version", String.valueOf(v.version())).body(v.json().getBytes(StandardCharsets.UTF_8)));
    }

    @GetMapping("/{id}/diff")
    @Operation(summary = "Compare two versions", description = "A semantic diff: flow-level changes, nodes added, "
            + "removed and changed (rewired exits; settings as JSON Pointers with old and new values), and layout "
            + "moves apart. from and to are a version number, 'latest' or 'draft' (defaults: latest to draft).")
    public Mono<DiffResponse> diff(@PathVariable String id,
                                   @RequestParam(defaultValue = "latest") String from,
                                   @RequestParam(defaultValue = "draft") String to) {
        String flowId = Params.flowId(id);
        String f = Params.ref(from, "from");
        String t = Params.ref(to, "to");
        return flows.diff(flowId, f, t).map(d -> new DiffResponse(flowId, f, t, d));
    }

    /** A diff with what was compared: {@code from} and {@code to} as asked (a number, latest or draft). */
    public record DiffResponse(String flowId, String from, String to, FlowDiff.Result diff) {
    }

    @PostMapping("/{id}/rollback")
    @Operation(summary = "Roll back to an old version", description = "Body {\"version\": 3, \"comment\": \"why\"}. "
            + "Publishes version 3's content again as a new version (audited as a rollback) and sets the draft to it, "
            + "so the next publish does not undo the rollback. If the draft has unpublished changes, they are only "
            + "discarded with If-Match naming the draft's revision (409 otherwise); they are kept in the audit log.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = RollbackRequest.class))))
    @ApiResponses({
            @ApiResponse(responseCode = "201", description = "rolled back; Location is the new version, ETag the draft's revision"),
            @ApiResponse(responseCode = "400", description = "bad body: every problem with its JSON Pointer", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class))),
            @ApiResponse(responseCode = "404", description = "no such flow or version", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class))),
            @ApiResponse(responseCode = "409", description = "stale revision, unpublished draft changes not confirmed, or the version is already live", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class))),
            @ApiResponse(responseCode = "422", description = "that version has validation errors under today's rules", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class))),
            @ApiResponse(responseCode = "413", description = "the body is too large", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))})
    public Mono<ResponseEntity<RollbackResult>> rollback(@PathVariable String id, ServerHttpRequest request,
                                                         @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        String flowId = Params.flowId(id);
        Long revision = Params.ifMatch(ifMatch, false);
        return RequestBodies.read(request, RequestBodies.SMALL)
                .map(RollbackRequest::parse)
                .flatMap(body -> Caller.name().flatMap(user -> flows.rollback(flowId, body.version(), body.comment(), revision, user)))
                .map(r -> ResponseEntity.created(URI.create("/api/flows/" + flowId + "/versions/" + r.version().version()))
                        .eTag(Params.etag(r.draft().revision())).body(r));
    }

    @GetMapping("/{id}/export")
    @Operation(summary = "Export a flow", description = "The draft's (or, with ?version=N, a published version's) "
            + "canonical JSON as a download named <id>.flow.json: importing it gives the same bytes back.")
    @ApiResponses({
            @ApiResponse(responseCode = "200", description = "the canonical JSON as an attachment <id>.flow.json", content = @Content(mediaType = "application/json", schema = @Schema(type = "object", description = "a flow document in canonical form"))),
            @ApiResponse(responseCode = "404", description = "no such flow or version", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))})
    public Mono<ResponseEntity<byte[]>> export(@PathVariable String id, @RequestParam(required = false) String version) {
        String flowId = Params.flowId(id);
        Mono<String> json = version == null ? flows.draft(flowId).map(d -> d.json())
                : flows.version(flowId, Params.version(version, "query parameter 'version'")).map(v -> v.json());
        return json.map(j -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(flowId + ".flow.json").build().toString())
                .body(j.getBytes(StandardCharsets.UTF_8)));
    }

    @GetMapping("/{id}/audit")
    @Operation(summary = "The flow's audit log", description = "Publishes, rollbacks and deletes: who, when, what and why; newest first.")
    public Flux<AuditEntry> audit(@PathVariable String id) {
        return flows.audit(Params.flowId(id));
    }

    /** {@code {"comment": "..."}}: why this version is published. */
    @Schema(description = "Why this version is published")
    public record PublishRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = FlowService.MAX_COMMENT) String comment) {
        static PublishRequest parse(byte[] bytes) {
            JsonBody body = JsonBody.parse(bytes, "comment");
            String comment = body.string("comment", true, FlowService.MAX_COMMENT);
            body.check();
            return new PublishRequest(comment);
        }
    }

    /** {@code {"version": 3, "comment": "..."}}: which version to make live again, and why. */
    public record RollbackRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1") Integer version,
                                  @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = FlowService.MAX_COMMENT) String comment) {
        static RollbackRequest parse(byte[] bytes) {
            JsonBody body = JsonBody.parse(bytes, "version", "comment");
            Integer version = body.positiveInt("version", true);
            String comment = body.string("comment", true, FlowService.MAX_COMMENT);
            body.check();
            return new RollbackRequest(version, comment);
        }
    }
}
