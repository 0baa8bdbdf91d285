package dev.ivrflow.flow.nodes.conference;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.ivrflow.flow.model.*;

import java.util.*;

/** {@code conference}: join a room (a template), with a symbolic conference profile and an optional PIN. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"room", "profile", "pin"})
public record ConferenceSettings(String room, String profile, String pin) implements NodeSettings {

    @Override
    public List<ExitSpec> exits() {
        return List.of(ExitSpec.required("next", "the caller left the conference"), ExitSpec.error());
    }

    @Override
    public List<ExpressionRef> expressions() {
        List<ExpressionRef> out = new ArrayList<>();
        if (room != null) out.add(ExpressionRef.template("/room", room));
        if (pin != null) out.add(ExpressionRef.template("/pin", pin));
        return out;
    }

    @Override
    public List<SymbolRef> references() {
        return profile == null ? List.of() : List.of(new SymbolRef("/profile", SymbolKind.CONFERENCE_PROFILE, profile));
    }

    @Override
    public boolean takesTime() {
        return true;
    }
}
