package dev.ivrflow.mrcp.result;

import dev.ivrflow.flow.port.SpeechCommands.RecognitionOutcome;
import dev.ivrflow.flow.port.SpeechCommands.SpeechEvent;
import dev.ivrflow.flow.port.SpeechResult;
import dev.ivrflow.flow.port.SpeechResult.Hypothesis;
import dev.ivrflow.flow.port.SpeechResult.Status;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads how a {@code play_and_detect_speech} ended into a {@link SpeechResult}, from three things FreeSWITCH and
 * mod_unimrcp leave:
 * <ul>
 *   <li>the application's response: {@code DONE}, or {@code ASR INIT ERROR} (the recogniser could not be opened),
 *       {@code GRAMMAR ERROR} (the grammar could not be loaded), {@code USAGE ERROR}, {@code ERROR};</li>
 *   <li>{@code detect_speech_result}: the body of the server's RECOGNITION-COMPLETE, NLSML as a rule; when the
 *       server sent no body mod_unimrcp puts {@code Completion-Cause: NNN} there instead;</li>
 *   <li>the {@code DETECTED_SPEECH} events ({@code fire_asr_events=true}), whose {@code detected-speech} carries the
 *       same body and, from recent mod_unimrcp versions, {@code ASR-Completion-Cause} (decimal).</li>
 * </ul>
 * The completion cause, when there is one, decides the status (see {@link CompletionCause}); the NLSML gives the
 * hypotheses, and decides alone when no cause came. Nothing here throws.
 */
public final class RecognitionReader {
    private static final Pattern CAUSE_BODY = Pattern.compile("\\s*Completion-Cause\\s*:\\s*(.{1,80}?)\\s*",
            Pattern.CASE_INSENSITIVE);

    private final NlsmlParser parser;

    public RecognitionReader(NlsmlParser parser) {
        this.parser = parser;
    }

    /** What was read, and what was odd about it (for the log); {@code recognizerDown}: blame the profile. */
    public record Reading(SpeechResult result, List<String> notes, boolean recognizerDown) {
    }

    public Reading read(RecognitionOutcome outcome, int mrcpVersion) {
        List<String> notes = new ArrayList<>();
        String response = outcome.response() == null ? "" : outcome.response().strip().toUpperCase(Locale.ROOT);
        switch (response) {
            case "ASR INIT ERROR" -> {
                return new Reading(SpeechResult.error("the recogniser could not be opened (ASR INIT ERROR)"), notes,
                        true);
            }
            case "GRAMMAR ERROR" -> {
                return new Reading(SpeechResult.error("the recogniser refused the grammar (GRAMMAR ERROR)"), notes,
                        false);
            }
            case "USAGE ERROR", "ERROR" -> {
                return new Reading(SpeechResult.error("play_and_detect_speech answered " + response), notes, false);
            }
            case "", "DONE", "_NONE_" -> {
            }
            default -> notes.add("unexpected response '" + response + "' read as DONE");
        }
        String result = outcome.result();
        if (result == null || result.isBlank()) {
            result = lastDetected(outcome.events()).map(SpeechEvent::body).orElse(null);
        }
        Optional<CompletionCause> cause = headerCause(outcome.events(), mrcpVersion, notes);
        if (result != null) {
            Matcher m = CAUSE_BODY.matcher(result);
            if (m.matches()) {
                Optional<CompletionCause> fromBody = CompletionCause.parse(m.group(1), mrcpVersion);
                if (fromBody.isEmpty()) {
                    return error("the recognition ended with an unreadable completion cause '" + m.group(1) + "'",
                            notes);
                }
                return new Reading(byCauseAlone(fromBody.get(), notes), notes, false);
            }
        }
        if (result == null || result.isBlank()) {
            if (cause.isPresent()) {
                return new Reading(byCauseAlone(cause.get(), notes), notes, false);
            }
            notes.add("no result and no completion cause: read as no input");
            return new Reading(SpeechResult.noInput(), notes, false);
        }
        NlsmlParser.Nlsml nlsml = parser.parse(result, mrcpVersion);
        if (nlsml instanceof NlsmlParser.Unreadable u) {
            if (cause.isPresent() && cause.get().status() != Status.RECOGNIZED) {
                notes.add(u.reason() + " (the completion cause " + cause.get() + " decides)");
                return new Reading(byCauseAlone(cause.get(), notes), notes, false);
            }
            return error(u.reason(), notes);
        }
        NlsmlParser.Parsed p = (NlsmlParser.Parsed) nlsml;
        notes.addAll(p.notes());
        if (cause.isPresent()) {
            CompletionCause c = cause.get();
            return new Reading(switch (c.status()) {
                case ERROR -> SpeechResult.error("the recognition failed: completion cause " + c);
                case NO_INPUT -> SpeechResult.noInput();
                case NO_MATCH -> SpeechResult.noMatch(concat(p.matches(), p.heard()));
                case RECOGNIZED -> {
                    if (p.matches().isEmpty()) {
                        notes.add("completion cause " + c + " but no interpretation matched: read as no match");
                        yield SpeechResult.noMatch(p.heard());
                    }
                    yield SpeechResult.recognized(p.matches());
                }
            }, notes, false);
        }
        if (!p.matches().isEmpty()) {
            return new Reading(SpeechResult.recognized(p.matches()), notes, false);
        }
        if (p.noInput() && p.heard().isEmpty()) {
            return new Reading(SpeechResult.noInput(), notes, false);
        }
        return new Reading(SpeechResult.noMatch(p.heard()), notes, false);
    }

    private static SpeechResult byCauseAlone(CompletionCause c, List<String> notes) {
        return switch (c.status()) {
            case ERROR -> SpeechResult.error("the recognition failed: completion cause " + c);
            case NO_INPUT -> SpeechResult.noInput();
            case NO_MATCH -> SpeechResult.noMatch(List.of());
            case RECOGNIZED -> {
                notes.add("completion cause " + c + " without a result: read as no match");
                yield SpeechResult.noMatch(List.of());
            }
        };
    }

    /** The decimal {@code ASR-Completion-Cause} of the last detected-speech event, when it reads. */
    private static Optional<CompletionCause> headerCause(List<SpeechEvent> events, int mrcpVersion, List<String> notes) {
        Optional<SpeechEvent> detected = lastDetected(events);
        if (detected.isEmpty()) {
            return Optional.empty();
        }
        String value = detected.get().headers().get("ASR-Completion-Cause");
        if (value == null) {
            return Optional.empty();
        }
        Optional<CompletionCause> c = CompletionCause.parse(value, mrcpVersion);
        if (c.isEmpty()) {
            notes.add("ASR-Completion-Cause '" + value + "' does not read; ignored");
        }
        return c;
    }

    private static Optional<SpeechEvent> lastDetected(List<SpeechEvent> events) {
        for (int i = events.size() - 1; i >= 0; i--) {
            if ("detected-speech".equalsIgnoreCase(events.get(i).type())) {
                return Optional.of(events.get(i));
            }
        }
        return Optional.empty();
    }

    private static List<Hypothesis> concat(List<Hypothesis> a, List<Hypothesis> b) {
        List<Hypothesis> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static Reading error(String why, List<String> notes) {
        return new Reading(SpeechResult.error(why), notes, false);
    }
}
