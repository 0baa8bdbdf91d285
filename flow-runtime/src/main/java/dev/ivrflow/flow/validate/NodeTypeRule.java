package dev.ivrflow.flow.validate;

import dev.ivrflow.flow.model.NodeSettings;

import static dev.ivrflow.flow.validate.Severity.ERROR;

/** Runs each node's own validator (see {@code NodeValidators}) on its settings, and checks the ranges it declares. */
final class NodeTypeRule implements FlowRule {

    @Override
    public void check(FlowContext context, Issues issues) {
        for (NodeFacts n : context.nodes) {
            if (!n.usable() || !context.validators.types().contains(n.node().type())) continue;
            NodeValidator<NodeSettings> validator = context.validators.get(n.node().type());
            try {
                NodeCheck<NodeSettings> check = new NodeCheck<>(context, n, n.settings(), issues);
                validator.validate(check);
                for (FieldRange<NodeSettings> range : validator.ranges()) FieldChecks.inRange(check, range);
            } catch (RuntimeException e) {
                issues.node(ERROR, ValidationCodes.VALIDATOR_FAILED, n.node(), n.index(), null,
                        DocumentPointers.node(n.index()) + "/settings", "its settings could not be fully checked ("
                                + e + "). Check every field of the node's form; if they look right, report this.");
            }
        }
    }
}
