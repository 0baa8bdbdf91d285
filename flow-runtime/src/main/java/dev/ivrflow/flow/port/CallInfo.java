package dev.ivrflow.flow.port;

import java.util.Map;

/** What is known about a call when it arrives: the FreeSWITCH channel variables included. */
public record CallInfo(String uuid, String callerNumber, String callerName, String calledNumber,
                       Map<String, String> variables) {
    public CallInfo {
        variables = variables == null ? Map.of() : Map.copyOf(variables);
    }
}
