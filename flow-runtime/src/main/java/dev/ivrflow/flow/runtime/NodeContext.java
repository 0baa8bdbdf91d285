package dev.ivrflow.flow.runtime;

import dev.ivrflow.flow.model.Environment;
import dev.ivrflow.flow.model.Node;
import dev.ivrflow.flow.model.NodeSettings;
import dev.ivrflow.flow.model.Prompt;
import dev.ivrflow.flow.model.SymbolKind;
import dev.ivrflow.flow.port.Audio;
import dev.ivrflow.flow.port.CallInfo;
import dev.ivrflow.flow.runtime.JournalEvent.Kind;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a handler sees of the call while its node runs. Helpers that cannot do their job (a template that fails,
 * an unbound name) throw {@link NodeFailure}, which the interpreter turns into the node's failure.
 */
public interface NodeContext<S extends NodeSettings> {

    Node node();

    S settings();

    CompiledFlow flow();

    CallPorts ports();

    CallInfo call();

    Instant now();

    String language();

    void setLanguage(String language);

    Object variable(String name);

    void setVariable(String name, Object value);

    /** Records this node's result, readable as {@code nodes.<id>} and {@code last} by later expressions. */
    void putResult(Map<String, Object> result);

    /** State kept per call for this node between visits (a loop's count). */
    Map<String, Object> nodeState();

    Object evaluate(String expression);

    /** Evaluates a value for a declared variable, converted to (and checked against) its declared type. */
    Object evaluateFor(String variable, String expression);

    boolean test(String expression);

    String render(String template);

    /** Renders a template whose placeholder values are escaped for where the text goes. */
    String render(String template, Escaping escaping);

    /** The audio for a prompt in the call's language: templates rendered, symbolic names resolved. */
    List<Audio> audio(Prompt prompt);

    /** A symbolic name's real target in this environment. */
    String resolve(SymbolKind kind, String name);

    Environment environment();

    /** Caps the call's length from now on (the session hangs up when it is reached). */
    void limitCallTo(Duration duration);

    void journal(Kind kind, Map<String, Object> detail);

    /** A timer that completes after {@code delay} on the injected clock. */
    java.util.concurrent.CompletionStage<Void> sleep(Duration delay);
}
