package dev.ivrflow.flow.json;

import dev.ivrflow.flow.model.Environment;
import dev.ivrflow.flow.schema.EnvironmentSchema;

import java.nio.file.Path;

/** Reads an environment's bindings document, with the same error reporting as {@link FlowReader}. */
public final class EnvironmentReader {
    private final DocumentPipeline<Environment> pipeline;

    public EnvironmentReader() {
        this(DocumentLimits.DEFAULT);
    }

    public EnvironmentReader(DocumentLimits limits) {
        pipeline = new DocumentPipeline<>(EnvironmentSchema.compiled(), new EnvironmentBinder(), limits);
    }

    public ReadResult<Environment> read(byte[] json) {
        return pipeline.read(json);
    }

    public ReadResult<Environment> read(String json) {
        return pipeline.read(json);
    }

    public ReadResult<Environment> read(Path file) {
        return pipeline.read(file);
    }
}
