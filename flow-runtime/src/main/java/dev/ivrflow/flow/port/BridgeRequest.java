package dev.ivrflow.flow.port;

import java.time.Duration;

/**
 * Connect the caller to {@code destination}: a phone number through {@code gateway} (the FreeSWITCH gateway the
 * environment bound), a SIP URI, or a local user, as {@code kind} says.
 */
public record BridgeRequest(Kind kind, String destination, String gateway, Duration ringTimeout,
                            String callerIdNumber, String callerIdName) {
    public enum Kind { NUMBER, SIP, USER }
}
