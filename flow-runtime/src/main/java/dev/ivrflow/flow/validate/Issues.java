package dev.ivrflow.flow.validate;

import dev.ivrflow.flow.model.Node;

import java.util.ArrayList;
import java.util.List;

/** Collects issues in the order the checks find them. Node messages are prefixed with the node's name. */
final class Issues {
    private final List<ValidationIssue> issues = new ArrayList<>();

    void flow(Severity severity, String code, String pointer, String message) {
        issues.add(new ValidationIssue(code, severity, null, null, message, pointer));
    }

    void node(Severity severity, String code, Node node, int index, String exit, String pointer, String message) {
        issues.add(new ValidationIssue(code, severity, node.id(), exit, NodeNames.describe(node, index) + ": " + message,
                pointer));
    }

    List<ValidationIssue> list() {
        return List.copyOf(issues);
    }
}
