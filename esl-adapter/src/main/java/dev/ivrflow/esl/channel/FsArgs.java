package dev.ivrflow.esl.channel;

import dev.ivrflow.esl.channel.EslRequestFailed.Kind;

import java.util.regex.Pattern;

/**
 * Checks and escapes what a flow puts into application arguments. Three things could turn flow text (a rendered
 * template, digits, a value from a web API) into something else on FreeSWITCH, and each is closed here:
 * <ul>
 *   <li>CR, LF or NUL would end the sendmsg header and start a new command. They are refused (the codec refuses
 *       them too, but here the node gets a sentence instead of an exception).</li>
 *   <li>{@code ${...}} is expanded by FreeSWITCH in every application argument, and {@code ${system(...)}}-style
 *       API expansion runs commands. Names, numbers and paths containing it are refused; spoken text has the
 *       {@code $} separated from the brace, which a synthesiser reads the same.</li>
 *   <li>Applications split their argument on spaces ({@code play_and_get_digits}, {@code record}), on {@code |}
 *       ({@code speak}) or on {@code !} ({@code file_string://}) with {@code switch_separate_string}, which also
 *       treats {@code '} as a quote and {@code \} as an escape. Free text placed in such a position is quoted or
 *       escaped with exactly those rules; identifiers must match a strict pattern instead.</li>
 * </ul>
 */
public final class FsArgs {
    public static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.@+-]{0,127}");
    public static final Pattern PHONE_NUMBER = Pattern.compile("\\+?[0-9*#]{1,32}");
    public static final Pattern EXTENSION = Pattern.compile("[A-Za-z0-9_+*#.@-]{1,64}");
    public static final Pattern CONTEXT = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    public static final Pattern USER = Pattern.compile("[A-Za-z0-9_.+-]{1,64}(@[A-Za-z0-9.-]{1,128})?");
    public static final Pattern SIP_URI = Pattern.compile("(sips?:)?[A-Za-z0-9._~+%@:;=-]{1,256}");
    public static final Pattern PIN = Pattern.compile("[0-9*#]{1,16}");
    public static final Pattern DIGITS = Pattern.compile("[0-9*#A-Da-d]{0,16}");
    public static final Pattern RECORD_PATH = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9/_.:@+-]{0,511}");
    public static final Pattern TONE = Pattern.compile("[A-Za-z0-9%(),;=.+-]{1,256}");
    public static final Pattern CALLER_NAME = Pattern.compile("[\\p{L}\\p{N} ._&-]{1,64}");
    public static final Pattern ENGINE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.:@+-]{0,127}");
    public static final Pattern HANGUP_CAUSE = Pattern.compile("[A-Z_]{3,40}");

    private static final int MAX_TEXT = 8_000;

    private FsArgs() {
    }

    /** {@code value} itself when it matches {@code pattern} entirely; otherwise the node fails with a reason. */
    public static String require(String what, String value, Pattern pattern) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw invalid(what + " '" + shown(value) + "' is not allowed here (expected " + pattern.pattern() + ")");
        }
        return value;
    }

    /** A file path or URL: any text but control characters and {@code ${}, without surrounding blanks. */
    public static String location(String what, String value) {
        if (value == null || value.isBlank() || !value.equals(value.strip()) || value.length() > 1024) {
            throw invalid(what + " '" + shown(value) + "' must be a non-blank path or URL of at most 1024 characters");
        }
        requireNoControl(what, value);
        if (value.contains("${")) {
            throw invalid(what + " '" + shown(value) + "' must not contain ${...}: FreeSWITCH would expand it");
        }
        return value;
    }

    /**
     * Text to be spoken: control characters become spaces and {@code ${} loses its meaning. The result is still
     * raw: escape it for the position it goes into.
     */
    public static String speakable(String text) {
        if (text == null) {
            return "";
        }
        if (text.length() > MAX_TEXT) {
            throw invalid("text to speak is " + text.length() + " characters long, more than " + MAX_TEXT);
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n' || c == '\t' || c == '\0') {
                out.append(' ');
            } else if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                out.append("$ ");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A variable value for {@code set}: one line, no {@code ${}. */
    public static String value(String what, String value) {
        if (value == null) {
            return "";
        }
        requireNoControl(what, value);
        if (value.contains("${")) {
            throw invalid(what + " '" + shown(value) + "' must not contain ${...}: FreeSWITCH would expand it");
        }
        if (value.length() > MAX_TEXT) {
            throw invalid(what + " is " + value.length() + " characters long, more than " + MAX_TEXT);
        }
        return value;
    }

    /**
     * One element of a list {@code switch_separate_string} splits on {@code delimiter}: the delimiter, quotes and
     * backslashes are escaped, so the element comes out exactly as given.
     */
    public static String escapeElement(String value, char delimiter) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '\'' || c == '"' || c == delimiter) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** One space-separated argument that may hold spaces: single-quoted, with quotes and backslashes escaped. */
    public static String quoted(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '\'') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append('\'').toString();
    }

    static EslRequestFailed invalid(String message) {
        return new EslRequestFailed(Kind.INVALID_ARGUMENT, message);
    }

    private static void requireNoControl(String what, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == '\0') {
                throw invalid(what + " must be one line (found a control character at index " + i + ")");
            }
        }
    }

    private static String shown(String value) {
        if (value == null) {
            return "null";
        }
        String s = value.length() > 60 ? value.substring(0, 60) + "..." : value;
        return s.replace("\r", "\\r").replace("\n", "\\n").replace("\0", "\\0");
    }
}
