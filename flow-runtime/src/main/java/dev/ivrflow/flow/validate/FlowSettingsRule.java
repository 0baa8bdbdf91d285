package dev.ivrflow.flow.validate;

import dev.ivrflow.flow.model.Flow;

import static dev.ivrflow.flow.validate.Severity.ERROR;
import static dev.ivrflow.flow.validate.Severity.INFO;
import static dev.ivrflow.flow.validate.Severity.WARNING;

/** The flow's own fields: its id, default language, start, fallback and layout. */
final class FlowSettingsRule implements FlowRule {

    @Override
    public void check(FlowContext context, Issues issues) {
        Flow flow = context.flow;
        if (blank(flow.id())) {
            issues.flow(ERROR, ValidationCodes.FLOW_ID_MISSING, "/id", "The flow has no id. Give it one before saving.");
        }
        if (blank(flow.defaultLanguage())) {
            issues.flow(ERROR, ValidationCodes.LANGUAGE_DEFAULT_MISSING, "/defaultLanguage",
                    "The flow has no default language. Choose the language callers hear when theirs has no prompt,"
                            + " such as en-US.");
        }
        checkStart(context, issues, flow.start());
        checkFallback(context, issues, flow.fallback());
        for (String id : flow.layoutOrEmpty().keySet()) {
            if (!context.hasNode(id)) {
                issues.flow(WARNING, ValidationCodes.LAYOUT_UNKNOWN_NODE, DocumentPointers.entry("layout", id),
                        "The canvas has a position for node \"" + id + "\", which does not exist. It does no harm,"
                                + " but remove it from the layout to keep the file tidy.");
            }
        }
    }

    private static void checkStart(FlowContext context, Issues issues, String start) {
        if (blank(start)) {
            issues.flow(ERROR, ValidationCodes.START_MISSING, "/start",
                    "The flow has no start node. Choose the node every call begins at.");
        } else if (!context.hasNode(start)) {
            issues.flow(ERROR, ValidationCodes.START_MISSING, "/start", "The start node \"" + start
                    + "\" does not exist. Choose the node every call begins at.");
        }
    }

    private static void checkFallback(FlowContext context, Issues issues, String fallback) {
        if (blank(fallback)) {
            issues.flow(INFO, ValidationCodes.FALLBACK_MISSING, "/fallback", "The flow has no fallback node: when"
                    + " something fails and no error exit is connected, the call ends politely. Choose a fallback"
                    + " (for example a transfer to an operator) to keep such callers.");
        } else if (!context.hasNode(fallback)) {
            issues.flow(ERROR, ValidationCodes.FALLBACK_UNKNOWN, "/fallback", "The fallback node \"" + fallback
                    + "\" does not exist. Choose an existing node, or clear the fallback.");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
