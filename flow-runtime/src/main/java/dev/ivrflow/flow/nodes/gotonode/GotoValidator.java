package dev.ivrflow.flow.nodes.gotonode;

import dev.ivrflow.flow.validate.NodeCheck;
import dev.ivrflow.flow.validate.NodeValidator;
import dev.ivrflow.flow.validate.ValidationCodes;

import java.util.List;

/** A goto goes somewhere: to a node of this flow, or back to the calling flow. Its target is a graph edge. */
public final class GotoValidator implements NodeValidator<GotoSettings> {

    @Override
    public void validate(NodeCheck<GotoSettings> check) {
        GotoSettings s = check.settings();
        boolean hasTarget = s.target() != null && !s.target().isBlank();
        if (s.returns()) {
            if (hasTarget) {
                check.warning(ValidationCodes.SETTING_INVALID, "/target", "it returns to the calling flow, so its"
                        + " target \"" + s.target() + "\" is ignored. Clear the target, or turn off return to parent.");
            }
        } else if (!hasTarget) {
            check.error(ValidationCodes.GOTO_TARGET_MISSING, "/target", "it has no target. Choose the node to jump to,"
                    + " or turn on return to parent.");
        } else if (!check.hasNode(s.target())) {
            check.error(ValidationCodes.GOTO_TARGET_UNKNOWN, "/target", "its target \"" + s.target() + "\" does not"
                    + " exist. Choose an existing node.");
        }
    }

    @Override
    public List<String> jumps(GotoSettings settings) {
        return settings.returns() || settings.target() == null ? List.of() : List.of(settings.target());
    }
}
