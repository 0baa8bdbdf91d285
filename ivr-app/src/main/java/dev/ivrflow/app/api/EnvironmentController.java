package dev.ivrflow.app.api;

import dev.ivrflow.app.designer.SymbolNames;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.Map;

/** The symbolic names the designer offers in its pickers (queues, gateways, prompts...). */
@RestController
@RequestMapping("/api/environment")
@Tag(name = "Designer", description = "What the designer's forms offer and preview")
public class EnvironmentController {
    private final SymbolNames names;

    public EnvironmentController(SymbolNames names) {
        this.names = names;
    }

    /** The answer: every kind, keyed as the flow schema's {@code x-widget} hints name them ({@code symbol:queue}). */
    public record EnvironmentView(Map<String, SymbolNames.KindNames> kinds) {
    }

    @GetMapping
    @Operation(summary = "Symbolic names per kind", description = "For each kind (queue, gateway, prompt, calendar, "
            + "profile, mailbox, conferenceProfile): declared says whether the runtime's environment file "
            + "(ivr.runtime.environment) binds names of this kind (then only those resolve in a call); names are its "
            + "names plus those the stored drafts use (the " + SymbolNames.MAX_DRAFTS + " most recently saved), sorted "
            + "and unique.")
    public Mono<EnvironmentView> environment() {
        return names.names().map(EnvironmentView::new);
    }
}
