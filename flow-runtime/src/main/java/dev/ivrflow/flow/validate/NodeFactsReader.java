package dev.ivrflow.flow.validate;

import dev.ivrflow.flow.model.Environment;
import dev.ivrflow.flow.model.Node;
import dev.ivrflow.flow.model.NodeSettings;
import dev.ivrflow.flow.nodes.NodeKinds;
import dev.ivrflow.flow.nodes.NodeValidators;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Reads a node's facts, turning every way its settings can be unusable into a {@link NodeFacts.Problem}. */
final class NodeFactsReader {
    private final NodeValidators validators;
    private final Environment environment;

    NodeFactsReader(NodeValidators validators, Environment environment) {
        this.validators = validators;
        this.environment = environment;
    }

    NodeFacts read(Node node, int index, boolean primary) {
        if (node.type() == null) {
            return unusable(node, index, primary, ValidationCodes.NODE_TYPE_MISSING, "type",
                    "the node has no type. Delete it and drop a node of the right type from the palette.");
        }
        NodeSettings settings = node.settings();
        if (settings == null) {
            return unusable(node, index, primary, ValidationCodes.NODE_SETTINGS_MISSING, "settings",
                    "the node has no settings. Open it and fill in its form.");
        }
        Class<? extends NodeSettings> expected = NodeKinds.settingsClass(node.type());
        if (!expected.isInstance(settings)) {
            return unusable(node, index, primary, ValidationCodes.NODE_SETTINGS_MISMATCH, "settings",
                    "its settings are " + settings.getClass().getSimpleName() + " but a " + node.type().json()
                            + " node needs " + expected.getSimpleName() + ". Recreate the node from the palette.");
        }
        try {
            return readUsable(node, index, primary, settings);
        } catch (RuntimeException e) {
            return unusable(node, index, primary, ValidationCodes.NODE_SETTINGS_INVALID, "settings",
                    "its settings could not be read (" + e + "). Check every field of the node's form.");
        }
    }

    private static NodeFacts unusable(Node node, int index, boolean primary, String code, String field, String message) {
        return NodeFacts.unusable(node, index, primary, new NodeFacts.Problem(code, field, message));
    }

    private NodeFacts readUsable(Node node, int index, boolean primary, NodeSettings settings) {
        NodeValidator<NodeSettings> validator = validators.types().contains(node.type())
                ? validators.get(node.type()) : null;
        NodeExits exits = validator == null ? NodeExits.of(settings.exits()) : validator.exits(settings, environment);
        List<String> jumps = validator == null ? List.of() : nonNull(() -> validator.jumps(settings));
        Set<String> responses = validator == null ? Set.of() : nonNullSet(validator.responseExits(settings));
        Set<String> counted = validator == null ? Set.of() : nonNullSet(validator.countedExits(settings));
        return new NodeFacts(node, index, primary, settings, exits == null ? NodeExits.of(List.of()) : exits, jumps,
                nonNull(settings::allExpressions), nonNull(settings::prompts), nonNull(settings::allReferences),
                nonNull(settings::writes), settings.takesTime(), responses, counted, null);
    }

    private static Set<String> nonNullSet(Set<String> set) {
        if (set == null) return Set.of();
        return set.stream().filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
    }

    private static <T> List<T> nonNull(Supplier<List<T>> list) {
        List<T> l = list.get();
        return l == null ? List.of() : l.stream().filter(Objects::nonNull).toList();
    }
}
