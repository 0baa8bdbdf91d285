package dev.ivrflow.flow.nodes.subflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.ivrflow.flow.model.*;

import java.util.*;

/**
 * {@code subflow}: run another flow, pinned to a published {@code version}. {@code inputs} set the child's
 * variables from expressions evaluated here; on return, {@code outputs} copy child variables (values) into
 * this flow's variables (keys).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"flow", "version", "inputs", "outputs"})
public record SubflowSettings(String flow, Integer version, Map<String, String> inputs, Map<String, String> outputs)
        implements NodeSettings {

    public SubflowSettings {
        inputs = inputs == null ? null : Collections.unmodifiableMap(new TreeMap<>(inputs));
        outputs = outputs == null ? null : Collections.unmodifiableMap(new TreeMap<>(outputs));
    }

    public Map<String, String> inputsOrEmpty() {
        return inputs == null ? Map.of() : inputs;
    }

    public Map<String, String> outputsOrEmpty() {
        return outputs == null ? Map.of() : outputs;
    }

    @Override
    public List<ExitSpec> exits() {
        return List.of(ExitSpec.required("next", "the subflow returned"), ExitSpec.error());
    }

    @Override
    public List<ExpressionRef> expressions() {
        List<ExpressionRef> out = new ArrayList<>();
        inputsOrEmpty().forEach((k, v) -> out.add(ExpressionRef.expression(Pointers.join("/inputs", k), v)));
        return out;
    }

    @Override
    public List<VariableRef> writes() {
        List<VariableRef> out = new ArrayList<>();
        outputsOrEmpty().keySet().forEach(k -> out.add(new VariableRef(Pointers.join("/outputs", k), k)));
        return out;
    }
}
