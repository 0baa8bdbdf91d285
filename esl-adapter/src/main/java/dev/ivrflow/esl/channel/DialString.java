package dev.ivrflow.esl.channel;

import dev.ivrflow.flow.port.BridgeRequest;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code bridge} argument for a {@link BridgeRequest}: per-leg variables in braces, then one endpoint.
 * <ul>
 *   <li>NUMBER: {@code sofia/gateway/<gateway>/<number>}; without a gateway, {@code loopback/<number>} (the number
 *       is routed by the dialplan, which knows the carriers).</li>
 *   <li>SIP: {@code sofia/<profile>/<uri without sip:>}, through the configured profile ({@code external}).</li>
 *   <li>USER: {@code user/<extension>[@<domain>]}, a registered directory user.</li>
 * </ul>
 * Destinations must match strict patterns: a comma would ring a second destination, a {@code |} would add a
 * failover, braces or brackets would set variables. The ring time is {@code originate_timeout} of this leg only;
 * caller ID goes in {@code origination_caller_id_*}, so nothing leaks into the caller's own channel.
 */
final class DialString {
    private DialString() {
    }

    static String of(BridgeRequest request, String sipProfile) {
        List<String> vars = new ArrayList<>();
        long seconds = request.ringTimeout() == null ? 30 : Math.max(1, request.ringTimeout().toSeconds());
        vars.add("originate_timeout=" + seconds);
        if (request.callerIdNumber() != null && !request.callerIdNumber().isBlank()) {
            vars.add("origination_caller_id_number="
                    + FsArgs.require("caller ID number", request.callerIdNumber().strip(), FsArgs.PHONE_NUMBER));
        }
        String name = callerName(request.callerIdName());
        if (!name.isEmpty()) {
            vars.add("origination_caller_id_name='" + name + "'");
        }
        return "{" + String.join(",", vars) + "}" + endpoint(request, sipProfile);
    }

    private static String endpoint(BridgeRequest request, String sipProfile) {
        String destination = request.destination() == null ? "" : request.destination().strip();
        return switch (request.kind()) {
            case NUMBER -> {
                String number = FsArgs.require("number", destination, FsArgs.PHONE_NUMBER);
                yield request.gateway() == null ? "loopback/" + number
                        : "sofia/gateway/" + FsArgs.require("gateway", request.gateway(), FsArgs.NAME) + "/" + number;
            }
            case SIP -> {
                String uri = FsArgs.require("SIP URI", destination, FsArgs.SIP_URI);
                yield "sofia/" + sipProfile + "/" + (uri.regionMatches(true, 0, "sip:", 0, 4) ? uri.substring(4) : uri);
            }
            case USER -> "user/" + FsArgs.require("user", destination, FsArgs.USER);
        };
    }

    /**
     * A display name keeps letters, digits, spaces and {@code . _ & -}; anything else (a quote, a comma, a brace)
     * becomes a space, since a caller's name with an apostrophe should not fail their transfer.
     */
    static String callerName(String name) {
        if (name == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        name.codePoints().limit(64).forEach(c -> {
            boolean keep = Character.isLetterOrDigit(c) || c == ' ' || c == '.' || c == '_' || c == '&' || c == '-';
            out.appendCodePoint(keep ? c : ' ');
        });
        return out.toString().replaceAll(" {2,}", " ").strip();
    }
}
