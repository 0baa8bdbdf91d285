package dev.ivrflow.flow.validate;

import dev.ivrflow.flow.model.Flow;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The published flows a subflow node may call. The application backs it with its flow store; the CLI with the
 * folder being imported.
 */
public interface FlowCatalog {

    /** Subflows are not checked at all: for validating a single document with nothing around it. */
    FlowCatalog UNCHECKED = new FlowCatalog() {
        @Override
        public boolean exists(String flowId, Integer version) {
            return true;
        }

        @Override
        public boolean checks() {
            return false;
        }
    };

    /** True when that version of the flow is published; a null version asks whether any version is. */
    boolean exists(String flowId, Integer version);

    /** The flow itself when the catalog holds it, so a subflow's inputs and outputs can be checked too. */
    default Optional<Flow> find(String flowId, Integer version) {
        return Optional.empty();
    }

    /** False for {@link #UNCHECKED}: then no subflow is reported as unknown. */
    default boolean checks() {
        return true;
    }

    /** One published version of a flow. */
    record Published(Flow flow, int version) {
    }

    /** A catalog of exactly these published versions. */
    static FlowCatalog of(Collection<Published> published) {
        Map<String, Map<Integer, Flow>> byId = new TreeMap<>();
        for (Published p : published) byId.computeIfAbsent(p.flow().id(), id -> new TreeMap<>()).put(p.version(), p.flow());
        return new FlowCatalog() {
            @Override
            public boolean exists(String flowId, Integer version) {
                Map<Integer, Flow> versions = flowId == null ? null : byId.get(flowId);
                return versions != null && (version == null || versions.containsKey(version));
            }

            @Override
            public Optional<Flow> find(String flowId, Integer version) {
                Map<Integer, Flow> versions = flowId == null || version == null ? null : byId.get(flowId);
                return versions == null ? Optional.empty() : Optional.ofNullable(versions.get(version));
            }
        };
    }
}
