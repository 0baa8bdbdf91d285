package dev.ivrflow.flow.sim;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Map;

/**
 * How the world outside the caller answers in a simulation, each list used in order: bridge outcomes
 * ({@code answered}, {@code busy}, {@code noAnswer}, {@code failed}), queue outcomes ({@code answered},
 * {@code timeout}, {@code noAgents}, {@code full}, {@code abandoned} (the exit key), {@code callback}, or
 * {@code hangup}: the caller hangs up while waiting), HTTP replies, the
 * length of recordings, and whether the speech recogniser is down. Unset lists answer {@code answered}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"bridge", "queue", "http", "recordSeconds", "speechFails"})
public record SimWorld(List<String> bridge, List<String> queue, List<HttpReply> http, Integer recordSeconds,
                      Boolean speechFails) {

    public static final SimWorld DEFAULT = new SimWorld(null, null, null, null, null);

    /** A scripted HTTP answer: a status and a body (any JSON, or a string sent as is), or a timeout. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"status", "body", "timeout", "headers"})
    public record HttpReply(Integer status, Object body, Boolean timeout, Map<String, String> headers) {
    }
}
