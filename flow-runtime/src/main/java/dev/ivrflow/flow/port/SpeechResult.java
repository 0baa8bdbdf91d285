package dev.ivrflow.flow.port;

import java.util.List;

/**
 * What the recogniser heard: a status and an n-best list, best first. Each hypothesis has the words, what they
 * mean (the grammar's semantic result), a confidence from 0 to 1, the input mode (speech or keys) and the grammar
 * that matched. {@code error} says why, for {@link Status#ERROR} (and, for other statuses, may note what was odd
 * about an answer that could still be read).
 */
public record SpeechResult(Status status, List<Hypothesis> hypotheses, String error) {
    public enum Status { RECOGNIZED, NO_MATCH, NO_INPUT, ERROR }

    public enum Mode { SPEECH, DTMF }

    /** One hypothesis: the words, what they mean (the grammar's tag), a confidence from 0 to 1, and how. */
    public record Hypothesis(String text, String interpretation, double confidence, Mode mode, String grammar) {
    }

    public SpeechResult {
        hypotheses = hypotheses == null ? List.of() : List.copyOf(hypotheses);
    }

    public static SpeechResult recognized(List<Hypothesis> hypotheses) {
        return new SpeechResult(Status.RECOGNIZED, hypotheses, null);
    }

    /** Heard but not matched; the hypotheses (possibly none) are what the recogniser thought it heard. */
    public static SpeechResult noMatch(List<Hypothesis> hypotheses) {
        return new SpeechResult(Status.NO_MATCH, hypotheses, null);
    }

    public static SpeechResult noInput() {
        return new SpeechResult(Status.NO_INPUT, List.of(), null);
    }

    public static SpeechResult error(String why) {
        return new SpeechResult(Status.ERROR, List.of(), why);
    }

    /** Keys pressed, as a recognised DTMF hypothesis. */
    public static SpeechResult keys(String digits) {
        return recognized(List.of(new Hypothesis(digits, digits, 1.0, Mode.DTMF, "dtmf")));
    }

    public Hypothesis best() {
        return hypotheses.isEmpty() ? null : hypotheses.getFirst();
    }
}
