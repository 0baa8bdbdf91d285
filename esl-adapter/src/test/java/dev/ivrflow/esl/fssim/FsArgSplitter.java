package dev.ivrflow.esl.fssim;

import java.util.ArrayList;
import java.util.List;

/**
 * FreeSWITCH's {@code switch_separate_string} as applications use it to split their argument, so the simulator
 * reads arguments exactly as FreeSWITCH would (and a quoting mistake in the runtime shows in tests): on a space
 * (runs of spaces are one separator) or on one character; {@code '...'} groups, {@code \x} escapes; at most
 * {@code max} elements, the last keeping the rest of the string; then quotes and escapes are removed from each
 * element.
 */
public final class FsArgSplitter {
    private static final char ESCAPE = '\\';

    private FsArgSplitter() {
    }

    public static List<String> split(String input, char delimiter, int max) {
        List<String> parts = new ArrayList<>();
        if (input == null || input.isEmpty()) {
            return parts;
        }
        boolean blank = delimiter == ' ';
        int i = 0;
        int n = input.length();
        if (blank) {
            while (i < n && input.charAt(i) == ' ') {
                i++;
            }
        }
        while (i < n && parts.size() < max) {
            int start = i;
            if (parts.size() == max - 1) {
                parts.add(input.substring(start));
                break;
            }
            boolean quoted = false;
            while (i < n) {
                char c = input.charAt(i);
                if (c == ESCAPE) {
                    i += 2;
                    continue;
                }
                if (c == '\'') {
                    quoted = !quoted;
                } else if (c == delimiter && !quoted) {
                    break;
                }
                i++;
            }
            parts.add(input.substring(start, Math.min(i, n)));
            i++;
            if (blank) {
                while (i < n && input.charAt(i) == ' ') {
                    i++;
                }
            }
        }
        List<String> cleaned = new ArrayList<>(parts.size());
        for (String p : parts) {
            cleaned.add(cleanup(p, blank ? 0 : delimiter));
        }
        return cleaned;
    }

    /**
     * The piece {@code element} (0-based) of a {@code delimiter} split, taken from the original text rather than
     * cleaned: mod_dptools' {@code speak} takes its text this way ("unstripped text"), from where the piece begins
     * (after its leading spaces) to the end. Null when there are fewer pieces.
     */
    public static String unstripped(String input, char delimiter, int element) {
        if (input == null) {
            return null;
        }
        int i = 0;
        int piece = 0;
        int n = input.length();
        boolean quoted = false;
        while (piece < element) {
            if (i >= n) {
                return null;
            }
            char c = input.charAt(i);
            if (c == ESCAPE) {
                i += 2;
                continue;
            }
            if (c == '\'' && (quoted || input.indexOf('\'', i + 1) >= 0)) {
                quoted = !quoted;
            } else if (c == delimiter && !quoted) {
                piece++;
            }
            i++;
        }
        while (i < n && input.charAt(i) == ' ') {
            i++;
        }
        return i < n ? input.substring(i) : null;
    }

    /** {@code cleanup_separated_string}: drops quote characters, resolves escapes, trims spaces. */
    static String cleanup(String s, char delimiter) {
        StringBuilder out = new StringBuilder(s.length());
        boolean inside = false;
        int i = 0;
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ESCAPE && i + 1 < s.length()) {
                char e = s.charAt(i + 1);
                char unescaped = switch (e) {
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    case 's' -> ' ';
                    default -> e;
                };
                if (e == '\'' || e == '"' || (delimiter != 0 && e == delimiter) || e == ESCAPE || unescaped != e) {
                    out.append(unescaped);
                    i++;
                    continue;
                }
            }
            if (c == '\'' && (inside || s.indexOf('\'', i + 1) >= 0)) {
                inside = !inside;
                continue;
            }
            out.append(c);
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ' && !inside) {
            end--;
        }
        return out.substring(0, end);
    }
}
