package dev.ivrflow.flow.port;

import java.time.Duration;
import java.util.List;

/**
 * Speech to recognise: the grammars (SRGS built from phrases, a builtin, or a URI), the recogniser profile and
 * language, and the timeouts. With {@code digitsToo}, a key press also answers (menus accept either).
 */
public record SpeechRequest(List<GrammarSpec> grammars, String language, String profile, Duration noInputTimeout,
                            Duration recognitionTimeout, Duration speechCompleteTimeout, boolean bargeIn,
                            boolean digitsToo, int maxDigits) {

    /** One grammar: a builtin name, a URI, or phrases (each mapped to the interpretation it stands for). */
    public record GrammarSpec(String builtin, String uri, List<Phrase> phrases) {
        public static GrammarSpec builtin(String name) {
            return new GrammarSpec(name, null, null);
        }
    }

    public record Phrase(String text, String interpretation) {
    }
}
