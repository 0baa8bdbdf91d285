package dev.ivrflow.flow.model;

import java.util.List;

/**
 * The typed settings of one node type. Each node type has one record implementing this, in its own package
 * under {@code dev.ivrflow.flow.nodes}. The exits a node can take depend on its settings (one per menu
 * option, intent, condition case or calendar range), so the settings name them.
 */
public interface NodeSettings {
    List<ExitSpec> exits();
}
