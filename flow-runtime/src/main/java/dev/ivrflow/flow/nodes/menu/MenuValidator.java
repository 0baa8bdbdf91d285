package dev.ivrflow.flow.nodes.menu;

import dev.ivrflow.flow.validate.ExitNameCheck;
import dev.ivrflow.flow.validate.ExitNameCheck.NamedExit;
import dev.ivrflow.flow.validate.FieldChecks;
import dev.ivrflow.flow.validate.FieldRange;
import dev.ivrflow.flow.validate.NodeCheck;
import dev.ivrflow.flow.validate.NodeValidator;
import dev.ivrflow.flow.validate.Severity;
import dev.ivrflow.flow.validate.ValidationCodes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A menu's options must each be choosable, and by one option only: digits a phone can send, no digits or phrase
 * used twice, and a warning when one option's digits begin another's (the shorter choice then waits for the
 * inter-digit timeout).
 */
public final class MenuValidator implements NodeValidator<MenuSettings> {
    static final Pattern DIGITS = Pattern.compile("[0-9*#]{1,10}");
    static final List<FieldRange<MenuSettings>> RANGES = List.of(
            FieldRange.above("/timeoutSeconds", MenuSettings::timeoutSeconds, 0, 60, "seconds"),
            FieldRange.above("/interDigitTimeoutSeconds", MenuSettings::interDigitTimeoutSeconds, 0, 30, "seconds"),
            FieldRange.from("/maxTries", MenuSettings::maxTries, 1, 10, "tries"),
            FieldRange.from("/minConfidence", MenuSettings::minConfidence, 0, 1, ""));

    @Override
    public void validate(NodeCheck<MenuSettings> check) {
        MenuSettings s = check.settings();
        FieldChecks.required(check, "/prompt", s.prompt(), "Choose what callers hear before they choose.");
        List<MenuOption> options = s.optionsOrEmpty();
        if (options.isEmpty()) {
            check.error(ValidationCodes.MENU_OPTIONS_EMPTY, "/options", "the menu has no options, so callers cannot"
                    + " choose anything. Add at least one option.");
            return;
        }
        List<NamedExit> named = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            MenuOption o = options.get(i);
            if (o == null) {
                check.error(ValidationCodes.MENU_OPTION_EMPTY, "/options/" + i, what(i) + " is empty. Fill it in, or"
                        + " delete it.");
                continue;
            }
            named.add(new NamedExit(o.exit(), "/options/" + i + "/exit", what(i)));
            checkOption(check, o, i);
        }
        ExitNameCheck.check(check, named, check.exits().specs());
        checkDigits(check, options);
        checkPhrases(check, options);
    }

    @Override
    public List<FieldRange<MenuSettings>> ranges() {
        return RANGES;
    }

    /** The caller chose: an option, or a choice that is not one. Silence takes timeout, then failure. */
    @Override
    public Set<String> responseExits(MenuSettings settings) {
        Stream<String> options = settings.optionsOrEmpty().stream().filter(Objects::nonNull).map(MenuOption::exit);
        return Stream.concat(options, Stream.of("invalid")).filter(Objects::nonNull)
                .collect(Collectors.toUnmodifiableSet());
    }

    private static void checkOption(NodeCheck<MenuSettings> check, MenuOption o, int i) {
        boolean hasDigits = o.digits() != null && !o.digits().isEmpty();
        boolean hasPhrases = o.phrasesOrEmpty().stream().anyMatch(FieldChecks::present);
        if (!hasDigits && !hasPhrases) {
            check.report(Severity.ERROR, ValidationCodes.MENU_OPTION_EMPTY, "/options/" + i, o.exit(), what(i)
                    + " has neither digits nor phrases, so callers can never choose it. Enter the keys to press or"
                    + " the words to say.");
        } else if (hasDigits && !DIGITS.matcher(o.digits()).matches()) {
            check.report(Severity.ERROR, ValidationCodes.MENU_DIGITS_INVALID, "/options/" + i + "/digits", o.exit(),
                    what(i) + " has the digits \"" + o.digits() + "\", which a phone cannot send. Use up to 10"
                            + " of the keys 0-9, * and #.");
        }
    }

    private static void checkDigits(NodeCheck<MenuSettings> check, List<MenuOption> options) {
        // Insertion order is option order, so issues come out in the order the form shows the options.
        Map<String, Integer> firstUse = new LinkedHashMap<>();
        for (int i = 0; i < options.size(); i++) {
            MenuOption o = options.get(i);
            if (o == null || o.digits() == null || !DIGITS.matcher(o.digits()).matches()) continue;
            Integer earlier = firstUse.putIfAbsent(o.digits(), i);
            if (earlier != null) {
                check.report(Severity.ERROR, ValidationCodes.MENU_DIGITS_DUPLICATE, "/options/" + i + "/digits",
                        o.exit(), what(i) + " uses the digits \"" + o.digits() + "\", already used by "
                                + what(earlier) + ", so it can never be chosen. Give it other digits.");
            }
        }
        String wait = seconds(check.settings().interDigitTimeoutOrDefault());
        firstUse.forEach((shorter, i) -> firstUse.forEach((longer, j) -> {
            if (longer.length() <= shorter.length() || !longer.startsWith(shorter)) return;
            check.report(Severity.WARNING, ValidationCodes.MENU_DIGITS_OVERLAP, "/options/" + i + "/digits",
                    options.get(i).exit(), what(i) + "'s digits \"" + shorter + "\" begin " + what(j) + "'s \""
                            + longer + "\", so a caller who presses " + shorter + " waits " + wait + " seconds (the"
                            + " inter-digit timeout) before it is taken. Use digits that do not begin one another,"
                            + " or accept the delay.");
        }));
    }

    /** Phrases are compared the way the menu matches speech: case, punctuation and spacing ignored. */
    private static void checkPhrases(NodeCheck<MenuSettings> check, List<MenuOption> options) {
        Map<String, Integer> firstUse = new HashMap<>();
        for (int i = 0; i < options.size(); i++) {
            MenuOption o = options.get(i);
            if (o == null) continue;
            List<String> phrases = o.phrasesOrEmpty();
            for (int j = 0; j < phrases.size(); j++) {
                String pointer = "/options/" + i + "/phrases/" + j;
                String key = normalize(phrases.get(j));
                if (key.isEmpty()) {
                    check.report(Severity.ERROR, ValidationCodes.SETTING_INVALID, pointer, o.exit(), what(i)
                            + " has an empty phrase. Write the words callers say, or remove it.");
                    continue;
                }
                Integer earlier = firstUse.putIfAbsent(key, i);
                if (earlier != null && earlier != i) {
                    check.report(Severity.ERROR, ValidationCodes.MENU_PHRASE_DUPLICATE, pointer, o.exit(), what(i)
                            + " has the phrase \"" + phrases.get(j) + "\", which " + what(earlier) + " already has,"
                            + " so saying it always picks " + what(earlier) + ". Keep it on one option only.");
                }
            }
        }
    }

    static String normalize(String phrase) {
        if (phrase == null) return "";
        return phrase.toLowerCase(Locale.ROOT).replaceAll("\\p{Punct}", "").replaceAll("\\s+", " ").trim();
    }

    private static String what(int index) {
        return "option " + (index + 1);
    }

    private static String seconds(double s) {
        return s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s);
    }
}
