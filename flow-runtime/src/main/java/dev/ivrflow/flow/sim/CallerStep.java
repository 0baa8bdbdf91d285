package dev.ivrflow.flow.sim;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One thing the simulated caller does when the flow waits for them: press keys, say something (with an optional
 * recogniser confidence), stay silent, or hang up. Exactly one is set. When the flow waits and the script has
 * nothing left, the caller hangs up.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"press", "say", "confidence", "silence", "hangup"})
public record CallerStep(String press, String say, Double confidence, Boolean silence, Boolean hangup) {

    public enum Kind { PRESS, SAY, SILENCE, HANGUP }

    public static CallerStep press(String digits) {
        return new CallerStep(digits, null, null, null, null);
    }

    public static CallerStep say(String text) {
        return new CallerStep(null, text, null, null, null);
    }

    public static CallerStep say(String text, double confidence) {
        return new CallerStep(null, text, confidence, null, null);
    }

    public static CallerStep silent() {
        return new CallerStep(null, null, null, true, null);
    }

    public static CallerStep hangUp() {
        return new CallerStep(null, null, null, null, true);
    }

    public Kind kind() {
        if (press != null) return Kind.PRESS;
        if (say != null) return Kind.SAY;
        if (Boolean.TRUE.equals(hangup)) return Kind.HANGUP;
        return Kind.SILENCE;
    }

    @Override
    public String toString() {
        return switch (kind()) {
            case PRESS -> "press " + press;
            case SAY -> "say \"" + say + "\"";
            case SILENCE -> "silence";
            case HANGUP -> "hang up";
        };
    }
}
