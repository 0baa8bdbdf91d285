package dev.ivrflow.mrcp.command;

import java.util.regex.Pattern;

/**
 * How FreeSWITCH reads the arguments of the speech applications, and how text is written so it comes out exactly
 * as meant. Four things happen to an argument on its way, and each is accounted for here:
 * <ol>
 *   <li><b>Variable expansion.</b> Any {@code ${...}} in application data is expanded (and {@code ${system(...)}}
 *       would run commands). Text never contains {@code ${}: spoken text gets a space between the two, names and
 *       values that contain it are refused, and grammars write {@code $} as a character reference.</li>
 *   <li><b>{@code switch_separate_string}.</b> {@code play_and_detect_speech} splits what follows {@code detect:}
 *       once on a space, {@code speak} splits on {@code |}, ASR parameters are split on {@code ,} and then on
 *       {@code =}. Each split treats {@code '} as a quote and {@code \} as an escape and removes both from every
 *       piece ({@code cleanup_separated_string}); so a parameter value passes through three such splits and is
 *       escaped three times, innermost first ({@link #asrParameterValue}).</li>
 *   <li><b>{@code switch_find_end_paren}.</b> The {@code {params}} block ends at the matching {@code }} whatever
 *       the quoting, so braces cannot be escaped: they are refused in names and values.</li>
 *   <li><b>The text of {@code speak}</b> is the exception: mod_dptools takes it unstripped from the original data
 *       after the second {@code |} ("unstripped text"), so it is sent as it is (escaping it would make the
 *       synthesiser read the backslashes), and only the engine and voice before it must be plain tokens.</li>
 * </ol>
 * Control characters never reach a header: an argument with a line break goes in the {@code sendmsg} body.
 */
public final class FsSyntax {
    /** A module, profile or voice name: what FreeSWITCH and mod_unimrcp accept as a name in any position. */
    public static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.:@+-]{0,127}");
    /** A TTS voice: a name, possibly with inner spaces ("Microsoft Zira"), but no quote, pipe or backslash. */
    public static final Pattern VOICE = Pattern.compile("[A-Za-z0-9_](?:[A-Za-z0-9_ .:@+()-]{0,126}[A-Za-z0-9_.:@+()-])?");
    /** An ASR parameter name (MRCP header names and FreeSWITCH's own: {@code start-input-timers}, ...). */
    public static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");
    /** A BCP 47 language tag, as speech-language takes it. */
    public static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,3}");

    private static final int MAX_VALUE = 1024;
    private static final int MAX_TEXT = 8_000;
    private static final char ESCAPE = '\\';

    private FsSyntax() {
    }

    /** {@code value} when it matches {@code pattern} entirely; otherwise a refusal naming {@code what}. */
    public static String token(String what, String value, Pattern pattern) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " '" + shown(value) + "' is not allowed here (expected "
                    + pattern.pattern() + ")");
        }
        return value;
    }

    /**
     * A value for the {@code {name=value,...}} block of a grammar, escaped so that, after the blank split of
     * {@code play_and_detect_speech}, the comma split and the equals split of {@code switch_core_asr_load_grammar},
     * mod_unimrcp receives exactly {@code value}. Commas, quotes, backslashes and equals signs survive; braces,
     * control characters and {@code ${} are refused; surrounding blanks are dropped (FreeSWITCH would drop them).
     */
    public static String asrParameterValue(String name, String value) {
        if (value == null) {
            throw new IllegalArgumentException("ASR parameter " + name + " has no value");
        }
        String v = value.strip();
        if (v.isEmpty() || v.length() > MAX_VALUE) {
            throw new IllegalArgumentException("ASR parameter " + name + " must have a value of 1 to " + MAX_VALUE
                    + " characters");
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (Character.isISOControl(c)) {
                throw new IllegalArgumentException("ASR parameter " + name + " must be one line (control character at "
                        + i + ")");
            }
            if (c == '{' || c == '}') {
                throw new IllegalArgumentException("ASR parameter " + name + " must not contain braces: FreeSWITCH "
                        + "ends the parameter block at the first unmatched '}' whatever the quoting");
            }
        }
        noExpansion("ASR parameter " + name, v);
        // innermost split first: '=' (name=value), then ',' (between parameters), then the blank split of detect:
        return escape(escape(escape(v, '='), ','), (char) 0);
    }

    /**
     * Text for {@code speak}: taken unstripped by FreeSWITCH, so it is returned as it is, except that
     * {@code ${} loses its meaning and, for plain text, line breaks and tabs become spaces (SSML keeps its
     * layout and goes in the message body).
     */
    public static String speakText(String text, boolean ssml) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("there is no text to speak");
        }
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("text to speak is " + text.length() + " characters long, more than "
                    + MAX_TEXT);
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                continue;
            }
            if (!ssml && (c == '\r' || c == '\n' || c == '\t')) {
                out.append(' ');
            } else if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                out.append(ssml ? "&#36;" : "$ ");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Refuses {@code ${}, which FreeSWITCH would expand in any application argument. */
    public static String noExpansion(String what, String value) {
        if (value != null && value.contains("${")) {
            throw new IllegalArgumentException(what + " '" + shown(value) + "' must not contain ${...}: FreeSWITCH "
                    + "would expand it");
        }
        return value;
    }

    /**
     * Escapes {@code value} for one {@code switch_separate_string} split on {@code delimiter} (0: the blank split,
     * whose last piece keeps the rest): backslashes, both quotes and the delimiter get a backslash.
     */
    static String escape(String value, char delimiter) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ESCAPE || c == '\'' || c == '"' || (delimiter != 0 && c == delimiter)) {
                out.append(ESCAPE);
            }
            out.append(c);
        }
        return out.toString();
    }

    static String shown(String value) {
        if (value == null) {
            return "null";
        }
        String s = value.length() > 60 ? value.substring(0, 60) + "..." : value;
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            out.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }
}
