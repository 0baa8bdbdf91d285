package dev.ivrflow.flow.json;

import dev.ivrflow.flow.model.Environment;
import tools.jackson.databind.JsonNode;

import java.util.List;

/** Binds a schema-valid environment tree: a plain record, so Jackson does it all. */
final class EnvironmentBinder implements DocumentPipeline.Binder<Environment> {

    @Override
    public Environment bind(JsonNode root, List<DocumentError> errors) {
        return Binding.record(root, "", Environment.class, errors);
    }
}
