package dev.ivrflow.flow.validate;

import dev.ivrflow.flow.model.Environment;
import dev.ivrflow.flow.model.Flow;
import dev.ivrflow.flow.model.Node;
import dev.ivrflow.flow.model.NodeSettings;
import dev.ivrflow.flow.model.VariableDecl;

import java.util.List;
import java.util.Map;

/**
 * What a {@link NodeValidator} sees of one node, and where it reports. Pointers passed in are relative to the
 * node's settings ("/options/2/digits"); messages are prefixed with the node's name, so they start with what is
 * wrong ("option 3 has no digits...") and end with what to do.
 */
public final class NodeCheck<S extends NodeSettings> {
    private final FlowContext context;
    private final NodeFacts facts;
    private final S settings;
    private final Issues issues;

    NodeCheck(FlowContext context, NodeFacts facts, S settings, Issues issues) {
        this.context = context;
        this.facts = facts;
        this.settings = settings;
        this.issues = issues;
    }

    public Node node() {
        return facts.node();
    }

    public int index() {
        return facts.index();
    }

    public S settings() {
        return settings;
    }

    public Flow flow() {
        return context.flow;
    }

    public Environment environment() {
        return context.options.environment();
    }

    public FlowCatalog catalog() {
        return context.options.catalog();
    }

    /** The exits the node can take here (see {@link NodeValidator#exits}). */
    public NodeExits exits() {
        return facts.exits();
    }

    public boolean hasNode(String nodeId) {
        return context.hasNode(nodeId);
    }

    public String defaultLanguage() {
        return context.defaultLanguage();
    }

    /** The flow's languages, default first. */
    public List<String> languages() {
        return context.languages();
    }

    public Map<String, VariableDecl> variables() {
        return context.variables();
    }

    /** The document pointer of a settings field. */
    public String pointer(String relative) {
        return DocumentPointers.settings(facts.index(), relative);
    }

    public void error(String code, String relativePointer, String message) {
        report(Severity.ERROR, code, relativePointer, null, message);
    }

    public void warning(String code, String relativePointer, String message) {
        report(Severity.WARNING, code, relativePointer, null, message);
    }

    public void info(String code, String relativePointer, String message) {
        report(Severity.INFO, code, relativePointer, null, message);
    }

    /** @param exit the exit the issue is about (a menu option's exit name), or null */
    public void report(Severity severity, String code, String relativePointer, String exit, String message) {
        issues.node(severity, code, facts.node(), facts.index(), exit, pointer(relativePointer), message);
    }
}
