package dev.ivrflow.flow.sim;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A simulated call: who calls which number (with FreeSWITCH channel variables), when (the calendar sees this
 * instant), what the caller does, and how the world answers.
 */
public record SimCall(String callerNumber, String callerName, String calledNumber, Map<String, String> channelVariables,
                      Instant at, List<CallerStep> steps, SimWorld world) {

    public static final Instant DEFAULT_TIME = Instant.parse("2026-01-05T10:00:00Z");

    public SimCall {
        callerNumber = callerNumber == null ? "+15550100" : callerNumber;
        calledNumber = calledNumber == null ? "+15550199" : calledNumber;
        channelVariables = channelVariables == null ? Map.of() : Map.copyOf(channelVariables);
        at = at == null ? DEFAULT_TIME : at;
        steps = steps == null ? List.of() : List.copyOf(steps);
        world = world == null ? SimWorld.DEFAULT : world;
    }

    public static SimCall of(CallerStep... steps) {
        return new SimCall(null, null, null, null, null, List.of(steps), null);
    }

    public SimCall at(Instant instant) {
        return new SimCall(callerNumber, callerName, calledNumber, channelVariables, instant, steps, world);
    }

    public SimCall with(SimWorld newWorld) {
        return new SimCall(callerNumber, callerName, calledNumber, channelVariables, at, steps, newWorld);
    }
}
