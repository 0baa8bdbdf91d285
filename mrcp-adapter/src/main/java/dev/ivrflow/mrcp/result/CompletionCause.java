package dev.ivrflow.mrcp.result;

import dev.ivrflow.flow.port.SpeechResult.Status;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recognizer's {@code Completion-Cause}, and what it means for a flow: {@code recognized}, {@code noMatch},
 * {@code noInput} or {@code error}. The numbering differs between MRCPv2 (RFC 6787, 9.4.11) and MRCPv1 (RFC 4463):
 * v1's 003 is recognition-timeout and its 008 too-much-speech-timeout, which v2 numbers otherwise (hotword-maxtime,
 * success-maxtime). The text after the number, when present, wins over the number. An unknown cause is an error.
 *
 * @param code   the number (-1 when only a name was given)
 * @param name   the cause's name, as given or as the number stands for
 * @param status what it means for the flow
 */
public record CompletionCause(int code, String name, Status status) {
    private static final Pattern FORM = Pattern.compile("\\s*(\\d{1,3})?\\s*([A-Za-z][A-Za-z-]*)?\\s*");

    private static final Map<Integer, String> V2 = Map.ofEntries(
            Map.entry(0, "success"), Map.entry(1, "no-match"), Map.entry(2, "no-input-timeout"),
            Map.entry(3, "hotword-maxtime"), Map.entry(4, "grammar-load-failure"),
            Map.entry(5, "grammar-compilation-failure"), Map.entry(6, "recognizer-error"),
            Map.entry(7, "speech-too-early"), Map.entry(8, "success-maxtime"), Map.entry(9, "uri-failure"),
            Map.entry(10, "language-unsupported"), Map.entry(11, "cancelled"), Map.entry(12, "semantics-failure"),
            Map.entry(13, "partial-match"), Map.entry(14, "partial-match-maxtime"), Map.entry(15, "no-match-maxtime"),
            Map.entry(16, "grammar-definition-failure"));

    private static final Map<Integer, String> V1 = Map.ofEntries(
            Map.entry(0, "success"), Map.entry(1, "no-match"), Map.entry(2, "no-input-timeout"),
            Map.entry(3, "recognition-timeout"), Map.entry(4, "gram-load-failure"),
            Map.entry(5, "gram-comp-failure"), Map.entry(6, "error"), Map.entry(7, "speech-too-early"),
            Map.entry(8, "too-much-speech-timeout"), Map.entry(9, "uri-failure"),
            Map.entry(10, "language-unsupported"));

    private static final Map<String, Status> MEANING = Map.ofEntries(
            Map.entry("success", Status.RECOGNIZED), Map.entry("success-maxtime", Status.RECOGNIZED),
            Map.entry("no-match", Status.NO_MATCH), Map.entry("no-match-maxtime", Status.NO_MATCH),
            Map.entry("partial-match", Status.NO_MATCH), Map.entry("partial-match-maxtime", Status.NO_MATCH),
            Map.entry("hotword-maxtime", Status.NO_MATCH), Map.entry("recognition-timeout", Status.NO_MATCH),
            Map.entry("too-much-speech-timeout", Status.NO_MATCH), Map.entry("speech-too-early", Status.NO_MATCH),
            Map.entry("no-input-timeout", Status.NO_INPUT),
            Map.entry("grammar-load-failure", Status.ERROR), Map.entry("gram-load-failure", Status.ERROR),
            Map.entry("grammar-compilation-failure", Status.ERROR), Map.entry("gram-comp-failure", Status.ERROR),
            Map.entry("grammar-definition-failure", Status.ERROR), Map.entry("recognizer-error", Status.ERROR),
            Map.entry("error", Status.ERROR), Map.entry("uri-failure", Status.ERROR),
            Map.entry("language-unsupported", Status.ERROR), Map.entry("cancelled", Status.ERROR),
            Map.entry("semantics-failure", Status.ERROR));

    /**
     * Reads {@code 002}, {@code 2}, {@code 002 no-input-timeout} or {@code no-input-timeout}; empty when the text is
     * not a completion cause at all. A cause that reads but is unknown maps to {@link Status#ERROR}.
     */
    public static Optional<CompletionCause> parse(String value, int mrcpVersion) {
        if (value == null || value.isBlank() || value.length() > 100) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(value);
        if (!m.matches() || (m.group(1) == null && m.group(2) == null)) {
            return Optional.empty();
        }
        int code = m.group(1) == null ? -1 : Integer.parseInt(m.group(1));
        String name = m.group(2) == null ? null : m.group(2).toLowerCase(Locale.ROOT);
        if (name == null) {
            name = (mrcpVersion == 1 ? V1 : V2).get(code);
        }
        if (name == null) {
            return Optional.of(new CompletionCause(code, "unknown", Status.ERROR));
        }
        return Optional.of(new CompletionCause(code, name, MEANING.getOrDefault(name, Status.ERROR)));
    }

    public boolean known() {
        return MEANING.containsKey(name);
    }

    @Override
    public String toString() {
        return (code >= 0 ? String.format("%03d ", code) : "") + name;
    }
}
