package dev.ivrflow.esl.outbound;

import dev.ivrflow.flow.port.CallInfo;

import java.util.Optional;

/**
 * Chooses what a new call runs, from what FreeSWITCH said about it (called number, caller, channel variables such
 * as {@code ivr_flow} set by the dialplan). Empty means no flow serves this call; an exception means routing
 * failed. Either way the call is not dropped silently: see {@link UnroutedCallPolicy}.
 *
 * <p>Called on the call's own serial executor, never on a socket thread, so it may look things up; it should
 * still answer within a second or two, since the caller hears ringing meanwhile.
 */
@FunctionalInterface
public interface CallRouter {
    Optional<CallStart> route(CallInfo call);
}
