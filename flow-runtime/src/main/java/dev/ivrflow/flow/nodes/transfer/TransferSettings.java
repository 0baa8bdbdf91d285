package dev.ivrflow.flow.nodes.transfer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.ivrflow.flow.model.*;

import java.util.*;

/**
 * {@code transfer}. In {@code bridge} mode (the default) the call is connected to {@code to}: a phone number
 * through {@code gateway}, a SIP URI, or a local user, as {@code kind} says; when the other side hangs up the
 * flow goes on at {@code answered}. In {@code blind} mode the call leaves the flow for the dialplan extension
 * {@code to} (in {@code context}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"mode", "kind", "to", "gateway", "context", "timeoutSeconds", "callerIdNumber", "callerIdName"})
public record TransferSettings(String mode, String kind, String to, String gateway, String context,
                               Integer timeoutSeconds, String callerIdNumber, String callerIdName)
        implements NodeSettings {

    public boolean blind() {
        return "blind".equals(mode);
    }

    public String kindOrDefault() {
        return kind == null ? "number" : kind;
    }

    public int timeoutOrDefault() {
        return timeoutSeconds == null ? 30 : timeoutSeconds;
    }

    public String contextOrDefault() {
        return context == null ? "default" : context;
    }

    @Override
    public List<ExitSpec> exits() {
        if (blind()) return List.of(ExitSpec.required("failed", "the transfer could not be made"));
        return List.of(ExitSpec.required("answered", "the other side answered; taken after it hangs up"),
                ExitSpec.optional("busy", "failed", "the other side was busy"),
                ExitSpec.optional("noAnswer", "failed", "nobody answered in time"),
                ExitSpec.required("failed", "the call could not be connected"));
    }

    @Override
    public List<ExpressionRef> expressions() {
        List<ExpressionRef> out = new ArrayList<>();
        if (to != null) out.add(ExpressionRef.template("/to", to));
        if (callerIdNumber != null) out.add(ExpressionRef.template("/callerIdNumber", callerIdNumber));
        if (callerIdName != null) out.add(ExpressionRef.template("/callerIdName", callerIdName));
        return out;
    }

    @Override
    public List<SymbolRef> references() {
        return gateway == null ? List.of() : List.of(new SymbolRef("/gateway", SymbolKind.GATEWAY, gateway));
    }

    @Override
    public boolean takesTime() {
        return true;
    }
}
