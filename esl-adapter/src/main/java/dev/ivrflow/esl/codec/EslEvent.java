package dev.ivrflow.esl.codec;

import java.util.Objects;
import java.util.Optional;

/**
 * A FreeSWITCH event, the same whether it came as {@code text/event-plain} or {@code text/event-json}: its headers
 * with decoded values, in the order FreeSWITCH serialised them, and the nested body some events carry (the
 * result of a BACKGROUND_JOB, the payload of a CUSTOM event).
 */
public final class EslEvent {
    private final String name;
    private final EslHeaders headers;
    private final String body;

    public EslEvent(String name, EslHeaders headers, String body) {
        this.name = Objects.requireNonNull(name, "name");
        this.headers = Objects.requireNonNull(headers, "headers");
        this.body = body;
    }

    /** Event-Name, such as {@code CHANNEL_EXECUTE_COMPLETE}, {@code DTMF} or {@code CUSTOM}. */
    public String name() {
        return name;
    }

    public EslHeaders headers() {
        return headers;
    }

    public Optional<String> header(String headerName) {
        return headers.get(headerName);
    }

    public Optional<String> body() {
        return Optional.ofNullable(body);
    }

    /** A channel variable, which FreeSWITCH sends as the header {@code variable_<name>}. */
    public Optional<String> variable(String variableName) {
        return headers.get("variable_" + variableName);
    }

    /** The channel the event is about. */
    public Optional<String> uniqueId() {
        return headers.get("Unique-ID");
    }

    /** The Event-UUID a sendmsg was given, echoed on CHANNEL_EXECUTE and CHANNEL_EXECUTE_COMPLETE. */
    public Optional<String> applicationUuid() {
        return headers.get("Application-UUID");
    }

    public Optional<String> application() {
        return headers.get("Application");
    }

    /** {@code _none_} for most applications; {@code FILE PLAYED} or {@code PLAYBACK ERROR} for playback. */
    public Optional<String> applicationResponse() {
        return headers.get("Application-Response");
    }

    public Optional<String> dtmfDigit() {
        return headers.get("DTMF-Digit");
    }

    public Optional<String> hangupCause() {
        return headers.get("Hangup-Cause");
    }

    public Optional<String> jobUuid() {
        return headers.get("Job-UUID");
    }

    /** Event-Subclass of a CUSTOM event, such as {@code conference::maintenance}. */
    public Optional<String> subclass() {
        return headers.get("Event-Subclass");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EslEvent that && name.equals(that.name) && headers.equals(that.headers)
                && Objects.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, headers, body);
    }

    @Override
    public String toString() {
        return "EslEvent[" + name + ", " + headers.size() + " headers" + (body == null ? "" : ", body") + "]";
    }
}
