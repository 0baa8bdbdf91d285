package dev.ivrflow.flow.json;

import dev.ivrflow.flow.model.Flow;

import java.nio.charset.StandardCharsets;

/**
 * Writes a flow in canonical form (see {@link CanonicalJson}): the same flow always gives the same bytes, so
 * saving an unchanged flow leaves an empty {@code git diff}. Key order is the records' {@code @JsonPropertyOrder},
 * maps are sorted by key in the model, and the layout comes last.
 */
public final class FlowWriter {

    public byte[] write(Flow flow) {
        return writeString(flow).getBytes(StandardCharsets.UTF_8);
    }

    public String writeString(Flow flow) {
        return CanonicalJson.print(RecordMapper.MAPPER.valueToTree(flow));
    }
}
