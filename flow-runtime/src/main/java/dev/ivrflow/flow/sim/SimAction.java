package dev.ivrflow.flow.sim;

import java.util.Map;

/** One thing the flow asked the channel to do, as the simulator saw it ({@code play}, {@code bridge}, ...). */
public record SimAction(String action, Map<String, Object> detail) {
    public SimAction {
        detail = detail == null ? Map.of() : Map.copyOf(detail);
    }
}
