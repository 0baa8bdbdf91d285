package dev.ivrflow.flow.nodes.intent;

import dev.ivrflow.flow.model.Prompt;
import dev.ivrflow.flow.model.SymbolKind;
import dev.ivrflow.flow.port.Audio;
import dev.ivrflow.flow.port.DigitRequest;
import dev.ivrflow.flow.port.DigitResult;
import dev.ivrflow.flow.port.IntentClassifier;
import dev.ivrflow.flow.port.IntentClassifier.Classification;
import dev.ivrflow.flow.port.SpeechRequest;
import dev.ivrflow.flow.port.SpeechResult;
import dev.ivrflow.flow.runtime.JournalEvent.Kind;
import dev.ivrflow.flow.runtime.NodeContext;
import dev.ivrflow.flow.runtime.NodeHandler;
import dev.ivrflow.flow.runtime.Step;
import dev.ivrflow.flow.runtime.Values;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Classifies what the caller said into one of the declared intents, then applies the node's decision policy:
 * <ul>
 *     <li>a declared intent at or above the accept threshold is <b>accepted</b>: its exit is taken;</li>
 *     <li>from the confirm threshold up to the accept threshold the caller hears "Did you mean …?" and answers yes or
 *     no, by voice or with 1 and 2: yes <b>confirms</b> it (its exit), anything else <b>rejects</b> it;</li>
 *     <li>a rejection, a lower confidence or no declared intent at all asks the caller again (<b>reprompted</b>) while
 *     tries remain, and then takes {@code fallback}.</li>
 * </ul>
 * Each classification is journaled as a {@code DECISION} with the transcript, the label, the confidence, the source
 * (llm, local, cache, fallback-after-error), the decision and why, so every routing can be explained afterwards.
 */
public final class IntentHandler implements NodeHandler<IntentSettings> {
    static final Duration NO_INPUT = Duration.ofSeconds(5);
    static final Duration RECOGNITION = Duration.ofSeconds(15);
    static final Duration SPEECH_COMPLETE = Duration.ofSeconds(1);
    static final Duration YES_NO_RECOGNITION = Duration.ofSeconds(5);
    static final Duration YES_NO_COMPLETE = Duration.ofMillis(800);
    private static final Set<String> YES = Set.of("yes", "true", "yeah", "yep", "correct", "right", "sure", "oui", "si",
            "sí", "ja");
    private static final Set<String> NO = Set.of("no", "false", "nope", "wrong", "non", "nein");
    /** The keys the confirmation offers, so the recogniser's grammar takes them too. */
    private static final List<SpeechRequest.Phrase> YES_NO_KEYS = List.of(new SpeechRequest.Phrase("1", "yes"),
            new SpeechRequest.Phrase("2", "no"));

    @Override
    public Step enter(NodeContext<IntentSettings> ctx) {
        IntentSettings s = ctx.settings();
        String text = Values.text(ctx.evaluate(s.textOrDefault())).strip();
        return new Visit(ctx, s).classify(text, 1);
    }

    private enum Answer { YES, NO, UNCLEAR, FAILED }

    /** One pass through the node: its tries share the settings and the labels. */
    private static final class Visit {
        private final NodeContext<IntentSettings> ctx;
        private final IntentSettings s;
        private final List<IntentClassifier.Label> labels;

        Visit(NodeContext<IntentSettings> ctx, IntentSettings s) {
            this.ctx = ctx;
            this.s = s;
            this.labels = s.intentsOrEmpty().stream().filter(i -> i != null && i.name() != null)
                    .map(i -> new IntentClassifier.Label(i.name(), i.description(), i.examplesOrEmpty())).toList();
        }

        Step classify(String text, int attempt) {
            if (text.isEmpty()) return decide(text, Classification.none("none", "nothing was said"), attempt);
            return Step.await(ctx.ports().classifier().classify(text, labels, s.context()),
                    c -> decide(text, c == null ? Classification.none("none", "the classifier answered nothing") : c,
                            attempt));
        }

        private Step decide(String text, Classification c, int attempt) {
            double confidence = clamp(c.confidence());
            IntentDef intent = s.intent(c.label()).orElse(null);
            Map<String, Object> detail = detail(text, c, intent == null ? null : c.label(), confidence, attempt);
            if (intent == null && c.label() != null) detail.put("replied", c.label());
            double accept = s.acceptThresholdOrDefault();
            if (intent != null && confidence >= accept) {
                return route(detail, intent, "accepted", "confidence " + confidence + " is at or above the accept"
                        + " threshold " + accept);
            }
            if (intent != null && confidence >= s.confirmFloor()) return confirm(detail, intent);
            String why = intent != null ? "confidence " + confidence + " is below the confirm threshold " + s.confirmFloor()
                    : c.label() != null ? "'" + c.label() + "' is not a declared intent"
                    : text.isEmpty() ? "nothing was said" : "no declared intent fits";
            return notRouted(detail, attempt, "reprompted", why);
        }

        private Step route(Map<String, Object> detail, IntentDef intent, String decision, String why) {
            detail.put("decision", decision);
            detail.put("why", why);
            detail.put("exit", intent.name());
            record(detail, intent.name());
            return Step.take(intent.name());
        }

        /** Not routed on this try: ask again while tries remain, else fallback. */
        private Step notRouted(Map<String, Object> detail, int attempt, String decision, String why) {
            boolean again = attempt < s.maxTriesOrDefault();
            detail.put("decision", again || "rejected".equals(decision) ? decision : "fallback");
            detail.put("why", why + (again ? "; asking again (try " + (attempt + 1) + " of " + s.maxTriesOrDefault() + ")"
                    : s.maxTriesOrDefault() > 1 ? "; no tries left" : ""));
            if (again) {
                detail.put("then", "reprompt");
                record(detail, "");
                return reprompt(attempt + 1);
            }
            detail.put("exit", "fallback");
            record(detail, "");
            return Step.take("fallback");
        }

        private Step confirm(Map<String, Object> detail, IntentDef intent) {
            Map<String, Object> result = result(detail, "");
            result.put("decision", "confirming");
            result.put("candidate", intent.spoken());
            ctx.putResult(result);
            List<Audio> question = confirmAudio(intent);
            SpeechRequest yesNo = new SpeechRequest(List.of(SpeechRequest.GrammarSpec.builtin("yesno")), ctx.language(),
                    profile(), NO_INPUT, YES_NO_RECOGNITION, YES_NO_COMPLETE, true, true, 1, YES_NO_KEYS);
            return Step.await(ctx.ports().recognizer().recognize(ctx.ports().channel(), question, yesNo), r -> {
                Answer answer = yesOrNo(r);
                String said = r.best() == null ? "" : r.best().text();
                ctx.journal(Kind.INPUT, Map.of("confirm", said, "answer", answer.name().toLowerCase(Locale.ROOT),
                        "status", r.status().name()));
                if (answer != Answer.FAILED) return confirmed(detail, intent, answer, said);
                // The recogniser is down: the caller can still answer with the keys the question offers.
                ctx.journal(Kind.DECISION, Map.of("speechError", String.valueOf(r.error()), "action", "keys only"));
                DigitRequest keys = new DigitRequest(1, 1, "", NO_INPUT, NO_INPUT, true);
                return Step.await(ctx.ports().channel().collectDigits(question, keys), d -> {
                    Answer byKeys = byKey(d);
                    ctx.journal(Kind.INPUT, Map.of("confirm", d.digits(), "answer", byKeys.name().toLowerCase(Locale.ROOT)));
                    return confirmed(detail, intent, byKeys, d.digits());
                });
            });
        }

        private Step confirmed(Map<String, Object> detail, IntentDef intent, Answer answer, String said) {
            detail.put("answer", said);
            if (answer == Answer.YES) {
                return route(detail, intent, "confirmed", "the caller confirmed '" + intent.name() + "'");
            }
            String why = answer == Answer.NO ? "the caller said no to '" + intent.name() + "'"
                    : said.isEmpty() ? "no answer to \"did you mean '" + intent.name() + "'\""
                    : "no clear yes or no to '" + intent.name() + "'";
            return notRouted(detail, (int) detail.get("try"), "rejected", why);
        }

        private Step reprompt(int attempt) {
            SpeechRequest request = new SpeechRequest(List.of(SpeechRequest.GrammarSpec.builtin("transcribe")),
                    ctx.language(), profile(), NO_INPUT, RECOGNITION, SPEECH_COMPLETE, true, false, 32);
            return Step.await(ctx.ports().recognizer().recognize(ctx.ports().channel(), repromptAudio(), request), r -> {
                SpeechResult.Hypothesis best = r.best();
                String said = best == null || best.text() == null ? "" : best.text().strip();
                ctx.journal(Kind.INPUT, Map.of("speech", said, "confidence", best == null ? 0.0 : best.confidence(),
                        "status", r.status().name(), "try", attempt));
                return switch (r.status()) {
                    case RECOGNIZED -> classify(said, attempt);
                    case NO_INPUT -> decide("", Classification.none("none", "the caller said nothing"), attempt);
                    case NO_MATCH -> decide(said, Classification.none("none", "the recogniser did not understand"), attempt);
                    case ERROR -> {
                        Map<String, Object> detail = detail(said, Classification.none("none", String.valueOf(r.error())),
                                null, 0, attempt);
                        detail.put("decision", "fallback");
                        detail.put("why", "speech recognition failed: " + r.error());
                        detail.put("exit", "fallback");
                        record(detail, "");
                        yield Step.take("fallback");
                    }
                };
            });
        }

        private List<Audio> confirmAudio(IntentDef intent) {
            if (s.confirmPrompt() != null) {
                List<Audio> own = ctx.audio(s.confirmPrompt());
                if (!own.isEmpty()) return own;
            }
            String lang = IntentPhrases.spokenIn(ctx.language(), ctx.flow().flow().defaultLanguage());
            return List.of(ctx.ports().synthesizer().speech(
                    IntentPhrases.confirm(intent.spoken(), ctx.language(), ctx.flow().flow().defaultLanguage()), lang, null));
        }

        private List<Audio> repromptAudio() {
            if (s.repromptPrompt() != null) {
                List<Audio> own = ctx.audio(s.repromptPrompt());
                if (!own.isEmpty()) return own;
            }
            String lang = IntentPhrases.spokenIn(ctx.language(), ctx.flow().flow().defaultLanguage());
            return List.of(ctx.ports().synthesizer().speech(
                    IntentPhrases.reprompt(ctx.language(), ctx.flow().flow().defaultLanguage()), lang, null));
        }

        private String profile() {
            return s.profile() == null ? null : ctx.resolve(SymbolKind.PROFILE, s.profile());
        }

        /** The journal line of one classification; "label" is only ever a declared intent's name. */
        private Map<String, Object> detail(String text, Classification c, String label, double confidence, int attempt) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("transcript", text);
            d.put("label", label == null ? "" : label);
            d.put("confidence", confidence);
            d.put("source", c.source() == null ? "" : c.source());
            if (c.reason() != null) d.put("reason", c.reason());
            d.put("try", attempt);
            return d;
        }

        private Map<String, Object> result(Map<String, Object> detail, String intent) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("text", detail.get("transcript"));
            result.put("intent", intent);
            result.put("label", detail.get("label"));
            result.put("confidence", detail.get("confidence"));
            result.put("source", detail.get("source"));
            result.put("decision", detail.getOrDefault("decision", ""));
            result.put("tries", detail.get("try"));
            return result;
        }

        private void record(Map<String, Object> detail, String intent) {
            ctx.putResult(result(detail, intent));
            ctx.journal(Kind.DECISION, detail);
        }
    }

    static Answer yesOrNo(SpeechResult r) {
        return switch (r.status()) {
            case ERROR -> Answer.FAILED;
            case NO_INPUT, NO_MATCH -> Answer.UNCLEAR;
            case RECOGNIZED -> {
                SpeechResult.Hypothesis h = r.best();
                if (h == null) yield Answer.UNCLEAR;
                if (h.mode() == SpeechResult.Mode.DTMF) yield byKey(new DigitResult(h.text(), DigitResult.Ending.COMPLETE));
                Answer meant = word(h.interpretation());
                yield meant != Answer.UNCLEAR ? meant : word(h.text());
            }
        };
    }

    private static Answer byKey(DigitResult d) {
        if (d == null || d.empty()) return Answer.UNCLEAR;
        return switch (d.digits()) {
            case "1" -> Answer.YES;
            case "2" -> Answer.NO;
            default -> Answer.UNCLEAR;
        };
    }

    private static Answer word(String text) {
        if (text == null) return Answer.UNCLEAR;
        String[] words = text.strip().toLowerCase(Locale.ROOT).replaceAll("[\\p{P}]", " ").strip().split("\\s+");
        if (words.length == 0) return Answer.UNCLEAR;
        if (YES.contains(words[0])) return Answer.YES;
        if (NO.contains(words[0])) return Answer.NO;
        return Answer.UNCLEAR;
    }

    /** A confidence from 0 to 1 whatever the classifier said: out of range is clamped, not a number is 0. */
    static double clamp(double confidence) {
        if (Double.isNaN(confidence)) return 0;
        return Math.max(0, Math.min(1, confidence));
    }
}
