package dev.ivrflow.flow.nodes.queue;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.ivrflow.flow.model.*;

import java.util.*;

/**
 * {@code queue}: put the caller in a call-center queue (mod_callcenter) for at most {@code maxWaitSeconds},
 * optionally announcing the position and estimated wait every {@code announceEverySeconds}, optionally
 * offering a callback on {@code callbackDigit}, and optionally letting the caller leave the queue with
 * {@code exitDigit} (the {@code abandoned} exit: the caller is still on the line, for example to leave a message).
 * A caller who hangs up while waiting simply ends the call.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"queue", "maxWaitSeconds", "announcePosition", "announceEstimatedWait", "announceEverySeconds",
        "offerCallback", "callbackDigit", "exitDigit"})
public record QueueSettings(String queue, Integer maxWaitSeconds, Boolean announcePosition,
                            Boolean announceEstimatedWait, Integer announceEverySeconds, Boolean offerCallback,
                            String callbackDigit, String exitDigit) implements NodeSettings {

    /** Settings written in code without an exit key. */
    public QueueSettings(String queue, Integer maxWaitSeconds, Boolean announcePosition, Boolean announceEstimatedWait,
                         Integer announceEverySeconds, Boolean offerCallback, String callbackDigit) {
        this(queue, maxWaitSeconds, announcePosition, announceEstimatedWait, announceEverySeconds, offerCallback,
                callbackDigit, null);
    }

    public int maxWaitOrDefault() {
        return maxWaitSeconds == null ? 300 : maxWaitSeconds;
    }

    public int announceEveryOrDefault() {
        return announceEverySeconds == null ? 60 : announceEverySeconds;
    }

    public boolean callbackOffered() {
        return Boolean.TRUE.equals(offerCallback);
    }

    public String callbackDigitOrDefault() {
        return callbackDigit == null ? "1" : callbackDigit;
    }

    @Override
    public List<ExitSpec> exits() {
        List<ExitSpec> out = new ArrayList<>(List.of(
                ExitSpec.required("answered", "an agent answered; taken after the agent hangs up"),
                ExitSpec.required("timeout", "nobody answered within the maximum wait"),
                ExitSpec.optional("noAgents", "timeout", "no agent is logged in"),
                ExitSpec.optional("full", "timeout", "the queue is full")));
        if (exitDigit != null) {
            out.add(ExitSpec.optional("abandoned", "timeout", "the caller left the queue with the exit key"));
        }
        if (callbackOffered()) out.add(ExitSpec.required("callback", "the caller asked to be called back"));
        out.add(ExitSpec.error());
        return out;
    }

    @Override
    public List<SymbolRef> references() {
        return queue == null ? List.of() : List.of(new SymbolRef("/queue", SymbolKind.QUEUE, queue));
    }

    @Override
    public boolean takesTime() {
        return true;
    }
}
