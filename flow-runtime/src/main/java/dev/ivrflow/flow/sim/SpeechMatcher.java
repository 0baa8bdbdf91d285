package dev.ivrflow.flow.sim;

import dev.ivrflow.flow.port.SpeechRequest;
import dev.ivrflow.flow.port.SpeechResult;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a recogniser would make of a simulated utterance against the request's grammars: a phrase grammar matches
 * when the words are (or contain) one of its phrases, the builtins behave as their names say, and anything else
 * is a no-match. Confidence is the scripted one, or 0.9. The FreeSWITCH simulator answers speech with it too,
 * so both simulators hear the same thing.
 */
public final class SpeechMatcher {
    private static final Set<String> YES = Set.of("yes", "yeah", "yep", "correct", "right", "sure", "oui", "si");
    private static final Set<String> NO = Set.of("no", "nope", "wrong", "non");

    public SpeechResult match(String said, Double confidence, List<SpeechRequest.GrammarSpec> grammars) {
        double conf = confidence == null ? 0.9 : confidence;
        String text = normalize(said);
        if (text.isEmpty()) return SpeechResult.noInput();
        for (SpeechRequest.GrammarSpec g : grammars) {
            if (g.phrases() != null) {
                for (SpeechRequest.Phrase p : g.phrases()) {
                    String phrase = normalize(p.text());
                    if (!phrase.isEmpty() && (text.equals(phrase) || (" " + text + " ").contains(" " + phrase + " "))) {
                        return recognized(said, p.interpretation(), conf, "phrases");
                    }
                }
            }
            if (g.builtin() != null) {
                switch (g.builtin()) {
                    case "transcribe" -> {
                        return recognized(said, said, conf, "transcribe");
                    }
                    case "yesno" -> {
                        String first = text.split(" ")[0];
                        if (YES.contains(first)) return recognized(said, "yes", conf, "yesno");
                        if (NO.contains(first)) return recognized(said, "no", conf, "yesno");
                    }
                    case "digits" -> {
                        String digits = text.replaceAll("[^0-9]", "");
                        if (!digits.isEmpty()) return recognized(said, digits, conf, "digits");
                    }
                    default -> {
                    }
                }
            }
            if (g.uri() != null) return recognized(said, said, conf, g.uri());
        }
        return new SpeechResult(SpeechResult.Status.NO_MATCH,
                List.of(new SpeechResult.Hypothesis(said, null, conf, SpeechResult.Mode.SPEECH, null)), null);
    }

    private static SpeechResult recognized(String text, String interpretation, double conf, String grammar) {
        return new SpeechResult(SpeechResult.Status.RECOGNIZED,
                List.of(new SpeechResult.Hypothesis(text, interpretation, conf, SpeechResult.Mode.SPEECH, grammar)), null);
    }

    private static String normalize(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT).replaceAll("[\\p{Punct}]", " ").trim().replaceAll("\\s+", " ");
    }
}
