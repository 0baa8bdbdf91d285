package dev.ivrflow.app.api;

import dev.ivrflow.app.designer.CalendarPreview;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

import java.time.OffsetDateTime;

/** The designer's "try a date" panel of the calendar node. */
@RestController
@RequestMapping("/api/calendar")
@Tag(name = "Designer", description = "What the designer's forms offer and preview")
public class CalendarPreviewController {
    private final CalendarPreview preview;

    public CalendarPreviewController(CalendarPreview preview) {
        this.preview = preview;
    }

    @PostMapping("/preview")
    @Operation(summary = "What a calendar node decides at an instant",
            description = "Body {\"settings\": <a calendar node's settings>, \"at\": \"2026-03-02T10:00:00+01:00\"}. "
                    + "Answers {decision: open|closed|holiday, exit: the exit the node takes (a named range's name wins "
                    + "over the weekly hours), reason, localTime: at in the calendar's time zone, timeZone}. A shared "
                    + "calendar (ref) resolves through the runtime's environment.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object"))))
    @ApiResponses({
            @ApiResponse(responseCode = "200", description = "the decision"),
            @ApiResponse(responseCode = "400", description = "bad body, settings or calendar: every problem with its "
                    + "JSON Pointer (/settings/..., /at)", content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class))),
            @ApiResponse(responseCode = "413", description = "the body is too large", content = @Content(mediaType =
                    "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))})
    public Mono<CalendarPreview.Result> preview(ServerHttpRequest request) {
        // Schema checks and the first use of a country's holiday data take CPU: off the event loop.
        return RequestBodies.read(request, RequestBodies.CALENDAR)
                .publishOn(Schedulers.boundedElastic())
                .map(this::decide);
    }

    private CalendarPreview.Result decide(byte[] bytes) {
        JsonBody body = JsonBody.parse(bytes, "settings", "at");
        JsonNode settings = body.object("settings", true, "a calendar node's settings, such as {\"calendar\": "
                + "{\"timeZone\": \"Europe/Paris\", \"weekly\": {\"mon\": [\"09:00-17:00\"]}}} or {\"ref\": \"name\"}");
        OffsetDateTime at = body.dateTime("at", true);
        CalendarPreview.Checked checked = settings == null ? null : preview.check(settings);
        if (checked != null) checked.errors().forEach(body::add);
        body.check();
        return preview.decide(checked.calendar(), at.toInstant());
    }
}
