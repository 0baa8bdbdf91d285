package dev.ivrflow.flow.nodes.voicemail;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.ivrflow.flow.model.*;

import java.util.*;

/** {@code voicemail}: the caller leaves a message in {@code mailbox}, a symbolic name. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"mailbox", "skipGreeting"})
public record VoicemailSettings(String mailbox, Boolean skipGreeting) implements NodeSettings {

    @Override
    public List<ExitSpec> exits() {
        return List.of(ExitSpec.required("next", "after the message"), ExitSpec.error());
    }

    @Override
    public List<SymbolRef> references() {
        return mailbox == null ? List.of() : List.of(new SymbolRef("/mailbox", SymbolKind.MAILBOX, mailbox));
    }

    @Override
    public boolean takesTime() {
        return true;
    }
}
