package dev.ivrflow.flow.runtime;

import dev.ivrflow.flow.model.NodeSettings;
import dev.ivrflow.flow.model.NodeType;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/** The handler of each node type, registered by type. {@code HandlerRegistry} builds the standard set. */
public final class NodeHandlers {
    private final Map<NodeType, NodeHandler<?>> handlers;

    private NodeHandlers(Map<NodeType, NodeHandler<?>> handlers) {
        this.handlers = new EnumMap<>(handlers);
    }

    public static Builder builder() {
        return new Builder();
    }

    @SuppressWarnings("unchecked")
    public <S extends NodeSettings> NodeHandler<S> get(NodeType type) {
        NodeHandler<?> h = handlers.get(type);
        if (h == null) throw new IllegalStateException("no handler for node type " + type.json());
        return (NodeHandler<S>) h;
    }

    public Set<NodeType> types() {
        return handlers.keySet();
    }

    public static final class Builder {
        private final Map<NodeType, NodeHandler<?>> handlers = new EnumMap<>(NodeType.class);

        public Builder register(NodeType type, NodeHandler<?> handler) {
            if (handlers.putIfAbsent(type, handler) != null) {
                throw new IllegalStateException("two handlers for node type " + type.json());
            }
            return this;
        }

        public NodeHandlers build() {
            return new NodeHandlers(handlers);
        }
    }
}
