package dev.ivrflow.flow.json;

import dev.ivrflow.flow.model.Flow;
import dev.ivrflow.flow.schema.FlowSchema;

import java.nio.file.Path;

/**
 * Reads a flow document ({@code "schema": "ivr-flow/1"}). Bad input gives every error at once, each with a
 * JSON Pointer and what was expected; it never throws. A valid result has passed the schema, so node types,
 * ids and settings shapes are right; graph and expression checks are the validator's job.
 */
public final class FlowReader {
    private final DocumentPipeline<Flow> pipeline;

    public FlowReader() {
        this(DocumentLimits.DEFAULT);
    }

    public FlowReader(DocumentLimits limits) {
        pipeline = new DocumentPipeline<>(FlowSchema.compiled(), new FlowBinder(), limits);
    }

    public ReadResult<Flow> read(byte[] json) {
        return pipeline.read(json);
    }

    public ReadResult<Flow> read(String json) {
        return pipeline.read(json);
    }

    public ReadResult<Flow> read(Path file) {
        return pipeline.read(file);
    }
}
