package dev.ivrflow.esl.outbound;

import dev.ivrflow.esl.channel.EslChannelSettings;
import dev.ivrflow.esl.codec.EslParserLimits;

import java.time.Duration;
import java.util.Objects;

/**
 * The outbound socket server's settings.
 *
 * @param bindAddress   where to listen; loopback by default, as FreeSWITCH usually runs on the same host
 * @param port          the port the dialplan's {@code socket} action connects to (8084 by default; 0 picks a free one)
 * @param replyTimeout  how long a command may wait for its {@code command/reply} or {@code api/response}; a reply
 *                      that never comes fails the node that sent it (error exit or fallback), never hangs the call
 * @param lingerTimeout after the flow hung up, how long to wait for FreeSWITCH's disconnect notice before closing
 *                      the socket anyway
 * @param answerCalls   send {@code answer} before the flow starts (turn off when the dialplan answers)
 * @param unrouted      what to do with a call no flow serves
 * @param channel       how the channel names FreeSWITCH things (profiles, timeouts of quick applications)
 * @param parserLimits  frame size limits for the decoder
 */
public record OutboundSettings(String bindAddress, int port, Duration replyTimeout, Duration lingerTimeout,
                               boolean answerCalls, UnroutedCallPolicy unrouted, EslChannelSettings channel,
                               EslParserLimits parserLimits) {

    public static final OutboundSettings DEFAULT = new OutboundSettings("127.0.0.1", 8084, Duration.ofSeconds(5),
            Duration.ofSeconds(10), true, UnroutedCallPolicy.RESUME_DIALPLAN, EslChannelSettings.DEFAULT,
            EslParserLimits.defaults());

    public OutboundSettings {
        Objects.requireNonNull(bindAddress, "bindAddress");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535, was " + port);
        }
        requirePositive(replyTimeout, "replyTimeout");
        requirePositive(lingerTimeout, "lingerTimeout");
        Objects.requireNonNull(unrouted, "unrouted");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(parserLimits, "parserLimits");
    }

    public OutboundSettings withPort(int newPort) {
        return new OutboundSettings(bindAddress, newPort, replyTimeout, lingerTimeout, answerCalls, unrouted, channel,
                parserLimits);
    }

    public OutboundSettings withBindAddress(String address) {
        return new OutboundSettings(address, port, replyTimeout, lingerTimeout, answerCalls, unrouted, channel,
                parserLimits);
    }

    public OutboundSettings withReplyTimeout(Duration timeout) {
        return new OutboundSettings(bindAddress, port, timeout, lingerTimeout, answerCalls, unrouted, channel,
                parserLimits);
    }

    public OutboundSettings withLingerTimeout(Duration timeout) {
        return new OutboundSettings(bindAddress, port, replyTimeout, timeout, answerCalls, unrouted, channel,
                parserLimits);
    }

    public OutboundSettings withAnswerCalls(boolean answer) {
        return new OutboundSettings(bindAddress, port, replyTimeout, lingerTimeout, answer, unrouted, channel,
                parserLimits);
    }

    public OutboundSettings withUnrouted(UnroutedCallPolicy policy) {
        return new OutboundSettings(bindAddress, port, replyTimeout, lingerTimeout, answerCalls, policy, channel,
                parserLimits);
    }

    public OutboundSettings withChannel(EslChannelSettings channelSettings) {
        return new OutboundSettings(bindAddress, port, replyTimeout, lingerTimeout, answerCalls, unrouted,
                channelSettings, parserLimits);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
    }
}
