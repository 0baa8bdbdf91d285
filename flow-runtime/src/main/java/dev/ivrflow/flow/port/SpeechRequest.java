package dev.ivrflow.flow.port;

import java.time.Duration;
import java.util.List;

/**
 * Speech to recognise: the grammars (SRGS built from phrases, a builtin, or a URI), the recogniser profile and
 * language, and the timeouts. With {@code digitsToo}, a key press also answers (menus accept either); {@code dtmf}
 * then lists the key sequences the caller may press, each with the interpretation it stands for (a menu's option
 * digits), so a grammar can accept the keys, or their spoken form, as well as the phrases.
 */
public record SpeechRequest(List<GrammarSpec> grammars, String language, String profile, Duration noInputTimeout,
                            Duration recognitionTimeout, Duration speechCompleteTimeout, boolean bargeIn,
                            boolean digitsToo, int maxDigits, List<Phrase> dtmf) {

    public SpeechRequest {
        grammars = grammars == null ? List.of() : List.copyOf(grammars);
        dtmf = dtmf == null ? List.of() : List.copyOf(dtmf);
    }

    /** A request with no key sequences of its own (keys, if allowed, are any digits). */
    public SpeechRequest(List<GrammarSpec> grammars, String language, String profile, Duration noInputTimeout,
                         Duration recognitionTimeout, Duration speechCompleteTimeout, boolean bargeIn,
                         boolean digitsToo, int maxDigits) {
        this(grammars, language, profile, noInputTimeout, recognitionTimeout, speechCompleteTimeout, bargeIn,
                digitsToo, maxDigits, List.of());
    }

    /** One grammar: a builtin name, a URI, or phrases (each mapped to the interpretation it stands for). */
    public record GrammarSpec(String builtin, String uri, List<Phrase> phrases) {
        public static GrammarSpec builtin(String name) {
            return new GrammarSpec(name, null, null);
        }

        public static GrammarSpec uri(String uri) {
            return new GrammarSpec(null, uri, null);
        }

        public static GrammarSpec phrases(List<Phrase> phrases) {
            return new GrammarSpec(null, null, phrases);
        }
    }

    public record Phrase(String text, String interpretation) {
    }
}
