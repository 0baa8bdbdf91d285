package dev.ivrflow.flow.port;

import java.util.List;
import java.util.concurrent.CompletionStage;

/** Classifies what a caller said into one of a closed set of labels. */
public interface IntentClassifier {

    CompletionStage<Classification> classify(String text, List<Label> labels, String context);

    record Label(String name, String description, List<String> examples) {
    }

    /** The chosen label (null when none fits), a confidence from 0 to 1, and who decided (e.g. "local", "llm"). */
    record Classification(String label, double confidence, String source) {
    }
}
