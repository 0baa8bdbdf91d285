package dev.ivrflow.flow.flowtest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.ivrflow.flow.sim.CallerStep;
import dev.ivrflow.flow.sim.SimCall;
import dev.ivrflow.flow.sim.SimWorld;

import java.util.List;
import java.util.Map;

/**
 * One simulated call and what it must do. {@code at} is an ISO date-time with an offset (the calendar sees it).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "at", "caller", "steps", "world", "expect"})
public record Scenario(String name, String at, Caller caller, List<CallerStep> steps, SimWorld world,
                       Expectation expect) {

    /**
     * The simulated call this scenario describes.
     *
     * @throws java.time.format.DateTimeParseException when {@code at} is not a date-time with an offset
     */
    public SimCall toSimCall() {
        java.time.Instant when = at == null ? null : java.time.OffsetDateTime.parse(at).toInstant();
        return new SimCall(caller == null ? null : caller.number(), caller == null ? null : caller.name(),
                caller == null ? null : caller.called(), caller == null ? null : caller.variables(), when, steps, world);
    }

    /** Who calls which number, with the channel variables FreeSWITCH would send. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"number", "name", "called", "variables"})
    public record Caller(String number, String name, String called, Map<String, String> variables) {
    }

    /**
     * What is expected; every field is optional. {@code path} and {@code heard} are exact lists; {@code actions} is
     * the exact list of channel actions, each an action name or an object with {@code action} and the detail
     * fields to check; {@code variables} are checked as a subset; {@code end} must occur in the end reason.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"path", "heard", "actions", "variables", "language", "end"})
    public record Expectation(List<String> path, List<String> heard, List<Object> actions,
                              Map<String, Object> variables, String language, String end) {
    }
}
