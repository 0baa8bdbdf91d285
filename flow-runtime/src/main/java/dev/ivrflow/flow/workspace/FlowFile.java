package dev.ivrflow.flow.workspace;

import dev.ivrflow.flow.json.DocumentError;
import dev.ivrflow.flow.model.Flow;

import java.nio.file.Path;
import java.util.List;

/** A flow file read from disk: its flow, or the document errors that kept it from being read. */
public record FlowFile(Path path, Flow flow, List<DocumentError> errors) {
    public FlowFile {
        errors = List.copyOf(errors);
    }

    public boolean readable() {
        return flow != null;
    }
}
