package dev.ivrflow.app.api;

import dev.ivrflow.app.api.error.ApiException;
import dev.ivrflow.app.api.error.FieldError;
import dev.ivrflow.app.flows.FlowService;
import dev.ivrflow.app.flows.ImportReport;
import dev.ivrflow.app.flows.SaveResult;
import dev.ivrflow.app.flows.ValidationResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.List;

/**
 * Flow documents in and out as canonical JSON, as developers keep them in git: validate a document, import one
 * document or a zip of {@code <id>.flow.json} files, export every flow as a zip. An export imported again gives
 * byte-identical documents (and changes nothing: every flow reports {@code unchanged}).
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Import and export", description = "Validate documents, import and export flows as canonical JSON")
public class DocumentsController {
    private static final MediaType ZIP = MediaType.parseMediaType("application/zip");

    private final FlowService flows;

    public DocumentsController(FlowService flows) {
        this.flows = flows;
    }

    @PostMapping("/validate")
    @Operation(summary = "Validate a flow document", description = "Validates the body without saving it (subflows "
            + "against the published versions). A body that is not a flow document is a 400 with JSON Pointers.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = FlowsController.FLOW_BODY,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object"))))
    @ApiResponses({
            @ApiResponse(responseCode = "200", description = "the validation result"),
            @ApiResponse(responseCode = "400", description = "not a flow document: every problem with its JSON Pointer", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class))),
            @ApiResponse(responseCode = "413", description = "the body is too large", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))})
    public Mono<ValidationResult> validate(ServerHttpRequest request) {
        return RequestBodies.read(request, RequestBodies.FLOW).flatMap(flows::validateDocument);
    }

    @PostMapping("/import")
    @Operation(summary = "Import a flow document", description = "Creates the draft (201) or replaces its content "
            + "(200; no revision check, the import is the new truth); importing the content the draft already has "
            + "changes nothing (status 'unchanged').",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = FlowsController.FLOW_BODY,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object"))))
    @ApiResponses({
            @ApiResponse(responseCode = "200", description = "updated or unchanged"),
            @ApiResponse(responseCode = "201", description = "created"),
            @ApiResponse(responseCode = "400", description = "not a flow document: every problem with its JSON Pointer", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class))),
            @ApiResponse(responseCode = "413", description = "the body is too large", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))})
    public Mono<ResponseEntity<SaveResult>> importOne(ServerHttpRequest request) {
        return RequestBodies.read(request, RequestBodies.FLOW)
                .flatMap(body -> Caller.name().flatMap(user -> flows.importOne(body, user)))
                .map(saved -> (saved.status() == SaveResult.Status.CREATED
                        ? ResponseEntity.created(URI.create("/api/flows/" + saved.id())) : ResponseEntity.ok())
                        .eTag(Params.etag(saved.revision())).body(saved));
    }

    @PostMapping("/import/zip")
    @Operation(summary = "Import a zip of flow files", description = "A zip (at most 50 MiB; 1,000 entries; 5 MiB per "
            + "file and 64 MiB in all uncompressed; no path traversal) of <id>.flow.json files, in any folder; other "
            + "files are skipped. Every file is read first: if any is not a valid flow document, or is not named after "
            + "its id, the answer is a 400 listing every problem with a pointer that starts with the file "
            + "(/main-line.flow.json/nodes/3/id) and nothing is imported. With ?publish=true&comment=... (PUBLISHER "
            + "role), every flow that differs from its latest version is also published, subflows first; if any has "
            + "validation errors the answer is a 422 and nothing is imported.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary"))))
    @ApiResponses({
            @ApiResponse(responseCode = "200", description = "what was done with each flow file"),
            @ApiResponse(responseCode = "400", description = "a bad archive or document: every problem with the file and JSON Pointer; nothing imported", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class))),
            @ApiResponse(responseCode = "403", description = "publish=true without the PUBLISHER role", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class))),
            @ApiResponse(responseCode = "413", description = "the body is too large", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class))),
            @ApiResponse(responseCode = "422", description = "publish=true and a flow has validation errors; nothing imported", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))})
    public Mono<ImportReport> importZip(ServerHttpRequest request,
                                        @RequestParam(required = false) String publish,
                                        @RequestParam(required = false) String comment) {
        boolean publishToo = Params.flag(publish, "publish");
        String why = publishToo ? publishComment(comment) : null;
        Mono<Void> allowed = publishToo ? Caller.hasAnyRole("PUBLISHER", "ADMIN").flatMap(ok -> ok ? Mono.<Void>empty()
                : Mono.error(new ApiException(HttpStatus.FORBIDDEN, "publishing needs the PUBLISHER role; import "
                + "without publish=true, or ask a publisher", List.of()))) : Mono.empty();
        return allowed.then(RequestBodies.read(request, RequestBodies.ARCHIVE))
                .flatMap(zip -> Caller.name().flatMap(user -> flows.importZip(zip, publishToo, why, user)));
    }

    @GetMapping("/export")
    @Operation(summary = "Export every flow as a zip", description = "<id>.flow.json for every draft, or with "
            + "?published=true the latest published version of every published flow; canonical bytes, entries sorted, "
            + "the same flows always give the same zip.")
    @ApiResponses({
            @ApiResponse(responseCode = "200", description = "a zip of <id>.flow.json files", content = @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary"))),
            @ApiResponse(responseCode = "400", description = "a bad parameter", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))})
    public Mono<ResponseEntity<byte[]>> export(@RequestParam(required = false) String published) {
        boolean versions = Params.flag(published, "published");
        return flows.exportZip(versions).map(zip -> ResponseEntity.ok().contentType(ZIP)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(versions ? "flows-published.zip" : "flows.zip").build().toString())
                .body(zip));
    }

    private static String publishComment(String comment) {
        String message = null;
        if (comment == null || comment.isBlank()) message = "query parameter 'comment' is required with publish=true";
        else if (comment.codePointCount(0, comment.length()) > FlowService.MAX_COMMENT) {
            message = "query parameter 'comment': expected at most " + FlowService.MAX_COMMENT + " characters";
        }
        if (message != null) {
            throw ApiException.badRequest(message, List.of(new FieldError(null, message,
                    "why these versions are published, at most " + FlowService.MAX_COMMENT + " characters")));
        }
        return comment;
    }
}
