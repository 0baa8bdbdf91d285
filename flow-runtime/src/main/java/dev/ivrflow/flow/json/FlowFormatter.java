package dev.ivrflow.flow.json;

import dev.ivrflow.flow.model.Flow;

import java.util.Arrays;

/**
 * {@code fmt} for flow files: rewrites a document in canonical form, or says what is wrong with it.
 * {@link #isCanonical} is {@code fmt --check}: true only for a valid document already byte-identical to its
 * canonical form.
 */
public final class FlowFormatter {
    private final FlowReader reader;
    private final FlowWriter writer = new FlowWriter();

    public FlowFormatter() {
        this(new FlowReader());
    }

    public FlowFormatter(FlowReader reader) {
        this.reader = reader;
    }

    public FormatResult format(byte[] input) {
        return switch (reader.read(input)) {
            case ReadResult.Valid<Flow>(var flow) -> new FormatResult.Formatted(writer.write(flow));
            case ReadResult.Invalid<Flow>(var errors) -> new FormatResult.Invalid(errors);
        };
    }

    public boolean isCanonical(byte[] input) {
        return format(input) instanceof FormatResult.Formatted(byte[] bytes) && Arrays.equals(bytes, input);
    }
}
