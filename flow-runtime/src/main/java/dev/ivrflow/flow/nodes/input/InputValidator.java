package dev.ivrflow.flow.nodes.input;

import dev.ivrflow.flow.validate.FieldChecks;
import dev.ivrflow.flow.validate.FieldRange;
import dev.ivrflow.flow.validate.NodeCheck;
import dev.ivrflow.flow.validate.NodeValidator;
import dev.ivrflow.flow.validate.ValidationCodes;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Digit collection that some entry can pass: lengths in order and within what a caller can key in, a terminator a
 * phone can send, and a pattern that compiles and does not expect the terminator (which ends the entry and is
 * never part of the digits).
 */
public final class InputValidator implements NodeValidator<InputSettings> {
    /** FreeSWITCH's digit buffer is small, and nobody keys in more than a card number. */
    static final int MAX_LENGTH = 32;
    static final List<FieldRange<InputSettings>> RANGES = List.of(
            FieldRange.from("/minLength", InputSettings::minLength, 1, MAX_LENGTH, "digits"),
            FieldRange.from("/maxLength", InputSettings::maxLength, 1, MAX_LENGTH, "digits"),
            FieldRange.above("/timeoutSeconds", InputSettings::timeoutSeconds, 0, 60, "seconds"),
            FieldRange.above("/interDigitTimeoutSeconds", InputSettings::interDigitTimeoutSeconds, 0, 30, "seconds"),
            FieldRange.from("/maxTries", InputSettings::maxTries, 1, 10, "tries"));

    @Override
    public void validate(NodeCheck<InputSettings> check) {
        InputSettings s = check.settings();
        FieldChecks.required(check, "/prompt", s.prompt(), "Choose what callers hear before they key in digits.");
        FieldChecks.required(check, "/variable", s.variable(), "Choose the variable the digits are stored in.");
        if (s.minLengthOrDefault() > s.maxLengthOrDefault()) {
            check.error(ValidationCodes.SETTING_OUT_OF_RANGE, s.minLength() != null ? "/minLength" : "/maxLength",
                    "at least " + s.minLengthOrDefault() + " digits but at most " + s.maxLengthOrDefault()
                            + " are asked for, so no entry can pass. Make minLength at most maxLength.");
        }
        String terminator = s.terminator();
        if (terminator != null && !terminator.isEmpty() && !terminator.matches("[0-9*#]")) {
            check.error(ValidationCodes.SETTING_INVALID, "/terminator", "the terminator \"" + terminator + "\" is not"
                    + " a single key a phone can send. Use # or *, or leave it empty for none.");
        }
        if (s.pattern() != null) checkPattern(check, s.pattern(), s.terminatorOrDefault());
    }

    @Override
    public List<FieldRange<InputSettings>> ranges() {
        return RANGES;
    }

    /** Digits were keyed in: valid ones, or ones that failed the checks. Silence takes timeout, then failure. */
    @Override
    public Set<String> responseExits(InputSettings settings) {
        return Set.of("next", "invalid");
    }

    private static void checkPattern(NodeCheck<InputSettings> check, String pattern, String terminator) {
        Pattern compiled;
        try {
            compiled = Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            check.error(ValidationCodes.INPUT_PATTERN_INVALID, "/pattern", "the pattern \"" + pattern + "\" is not a"
                    + " valid regular expression (" + e.getDescription() + (e.getIndex() >= 0 ? " at position "
                    + e.getIndex() : "") + "). Correct it, for example [0-9]{8} for eight digits.");
            return;
        }
        if (terminator.length() == 1
                && (compiled.matcher(terminator).matches() || mentions(pattern, terminator.charAt(0)))) {
            check.error(ValidationCodes.INPUT_PATTERN_MATCHES_TERMINATOR, "/pattern", "the pattern \"" + pattern
                    + "\" expects \"" + terminator + "\", but " + terminator + " is the terminator: it ends the entry"
                    + " and is never part of the digits. Remove it from the pattern, or choose another terminator.");
        }
    }

    /** True when the regex has {@code c} as a literal character (escaped, in a class, or plain when not special). */
    static boolean mentions(String regex, char c) {
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char ch = regex.charAt(i);
            if (ch == '\\' && i + 1 < regex.length()) {
                if (regex.charAt(++i) == c) return true;
            } else if (ch == '[') {
                inClass = true;
            } else if (ch == ']') {
                inClass = false;
            } else if (ch == c && (inClass || "*+?{}()|^$.".indexOf(c) < 0)) {
                return true;
            }
        }
        return false;
    }
}
