package dev.ivrflow.flow.validate;

import dev.ivrflow.flow.model.ExitSpec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Exit names that come from the settings (menu options, intents, condition cases): each must be there, used
 * once, and differ from the node's fixed exits, or the runtime could not tell the branches apart.
 */
public final class ExitNameCheck {
    private ExitNameCheck() {
    }

    /**
     * One settings entry that names an exit.
     *
     * @param pointer relative to the settings, the field holding the name ("/options/2/exit")
     * @param what    how a message names the entry ("option 3")
     */
    public record NamedExit(String name, String pointer, String what) {
    }

    public static void check(NodeCheck<?> check, List<NamedExit> named, List<ExitSpec> allExits) {
        Map<String, Integer> declared = new HashMap<>();
        for (ExitSpec e : allExits) if (e != null && e.name() != null) declared.merge(e.name(), 1, Integer::sum);
        Map<String, Integer> fromEntries = new HashMap<>();
        for (NamedExit n : named) if (FieldChecks.present(n.name())) fromEntries.merge(n.name(), 1, Integer::sum);
        Map<String, NamedExit> firstUse = new HashMap<>();
        for (NamedExit n : named) {
            if (!FieldChecks.present(n.name())) {
                check.error(ValidationCodes.EXIT_NAME_MISSING, n.pointer(), n.what() + " has no exit name, so it cannot"
                        + " be connected. Give it a name.");
                continue;
            }
            boolean fixed = declared.getOrDefault(n.name(), 0) > fromEntries.get(n.name());
            NamedExit earlier = firstUse.putIfAbsent(n.name(), n);
            if (fixed) {
                check.report(Severity.ERROR, ValidationCodes.EXIT_NAME_DUPLICATE, n.pointer(), n.name(), n.what()
                        + " uses the exit name \"" + n.name() + "\", which this node already has as a fixed exit."
                        + " Rename it.");
            } else if (earlier != null) {
                check.report(Severity.ERROR, ValidationCodes.EXIT_NAME_DUPLICATE, n.pointer(), n.name(), n.what()
                        + " uses the exit name \"" + n.name() + "\", already used by " + earlier.what()
                        + ". Give each its own name.");
            }
        }
    }
}
