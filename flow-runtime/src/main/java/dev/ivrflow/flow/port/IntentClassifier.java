package dev.ivrflow.flow.port;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Classifies what a caller said into one of a closed set of labels. An implementation answers only with a declared
 * label or none, and never fails the call: what goes wrong inside it comes back as a classification (a local answer,
 * or no label) whose {@link Classification#reason} says what happened.
 */
public interface IntentClassifier {

    CompletionStage<Classification> classify(String text, List<Label> labels, String context);

    record Label(String name, String description, List<String> examples) {
    }

    /**
     * The chosen label (null when none fits), a confidence from 0 to 1, who decided ({@link #LLM}, {@link #LOCAL},
     * {@link #CACHE} or {@link #FALLBACK_AFTER_ERROR}), and, when the answer is not the one asked for, why (the LLM
     * timed out, replied with an undeclared label, ...).
     */
    record Classification(String label, double confidence, String source, String reason) {
        /** The LLM answered. */
        public static final String LLM = "llm";
        /** The local classifier answered, because no LLM is configured. */
        public static final String LOCAL = "local";
        /** An earlier LLM answer to the same question. */
        public static final String CACHE = "cache";
        /** The LLM failed (timeout, error, bad reply) and the local classifier answered instead. */
        public static final String FALLBACK_AFTER_ERROR = "fallback-after-error";

        public Classification(String label, double confidence, String source) {
            this(label, confidence, source, null);
        }

        /** No label fits. */
        public static Classification none(String source, String reason) {
            return new Classification(null, 0, source, reason);
        }

        public Classification withSource(String newSource, String newReason) {
            return new Classification(label, confidence, newSource, newReason);
        }
    }
}
