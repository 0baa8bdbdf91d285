package dev.ivrflow.esl.outbound;

import dev.ivrflow.esl.codec.EslHeaders;
import dev.ivrflow.flow.port.CallInfo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the call out of the reply to {@code connect}: one long header block of channel data (captures 04, 20),
 * already percent-decoded by the codec. Caller and called come from the caller profile ({@code Caller-*}), else
 * the channel's ({@code Channel-*}); every {@code variable_<name>} becomes {@code variables[name]}, so dialplan
 * variables ({@code ivr_flow}, {@code ivr_language}), originate variables and SIP headers ({@code sip_h_*}) reach the
 * flow as {@code call.vars.<name>}.
 */
final class ChannelData {
    private static final String VARIABLE_PREFIX = "variable_";

    private ChannelData() {
    }

    /** The call, or empty when the reply names no channel (then this is not a call we can serve). */
    static Optional<CallInfo> callInfo(EslHeaders headers) {
        Optional<String> uuid = first(headers, "Unique-ID", "Channel-Unique-ID", "Caller-Unique-ID");
        if (uuid.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> variables = new LinkedHashMap<>();
        for (EslHeaders.Header h : headers) {
            if (h.name().startsWith(VARIABLE_PREFIX) && h.name().length() > VARIABLE_PREFIX.length()) {
                variables.put(h.name().substring(VARIABLE_PREFIX.length()), h.value());
            }
        }
        return Optional.of(new CallInfo(uuid.get(),
                first(headers, "Caller-Caller-ID-Number", "Channel-Caller-ID-Number").orElse(""),
                first(headers, "Caller-Caller-ID-Name", "Channel-Caller-ID-Name").orElse(null),
                first(headers, "Caller-Destination-Number", "Channel-Destination-Number").orElse(""),
                variables));
    }

    private static Optional<String> first(EslHeaders headers, String... names) {
        for (String name : names) {
            Optional<String> value = headers.get(name).filter(v -> !v.isEmpty());
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }
}
