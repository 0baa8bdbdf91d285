package dev.ivrflow.flow.port;

import java.util.List;

/** What the recogniser heard: a status and an n-best list, best first. */
public record SpeechResult(Status status, List<Hypothesis> hypotheses, String error) {
    public enum Status { RECOGNIZED, NO_MATCH, NO_INPUT, ERROR }

    public enum Mode { SPEECH, DTMF }

    /** One hypothesis: the words, what they mean (the grammar's tag), a confidence from 0 to 1, and how. */
    public record Hypothesis(String text, String interpretation, double confidence, Mode mode, String grammar) {
    }

    public SpeechResult {
        hypotheses = hypotheses == null ? List.of() : List.copyOf(hypotheses);
    }

    public static SpeechResult noInput() {
        return new SpeechResult(Status.NO_INPUT, List.of(), null);
    }

    public static SpeechResult error(String why) {
        return new SpeechResult(Status.ERROR, List.of(), why);
    }

    public Hypothesis best() {
        return hypotheses.isEmpty() ? null : hypotheses.getFirst();
    }
}
