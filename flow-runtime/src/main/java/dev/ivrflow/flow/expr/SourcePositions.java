package dev.ivrflow.flow.expr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Maps positions inside one text. CEL reports a 1-based line and a 0-based column in code points, relative to
 * the string it compiled; the designer wants UTF-16 offsets relative to the whole text it shows (a template,
 * not just the placeholder inside it).
 */
final class SourcePositions {
    private final String text;
    private final int[] lineStarts;

    SourcePositions(String text) {
        this.text = text;
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') starts.add(i + 1);
        }
        this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    ExpressionError error(int offset, String message) {
        int line = lineOf(offset);
        return new ExpressionError(message, line + 1, offset - lineStarts[line] + 1, offset);
    }

    /** "line 2, column 7", for run-time messages. */
    String describe(int offset) {
        int line = lineOf(offset);
        return "line " + (line + 1) + ", column " + (offset - lineStarts[line] + 1);
    }

    /**
     * The offset in this text of a CEL location in the fragment {@code [start, end)}. A location CEL could not
     * place (line below 1) maps to the start of the fragment.
     */
    int offsetOf(int start, int end, int celLine, int celColumn) {
        int pos = start;
        for (int line = 1; line < celLine; line++) {
            int newline = text.indexOf('\n', pos);
            if (newline < 0 || newline >= end) return end;
            pos = newline + 1;
        }
        return offsetOfCodePoint(pos, end, celColumn);
    }

    /** The offset of the {@code codePoints}-th code point of the fragment starting at {@code start}. */
    int offsetOfCodePoint(int start, int end, int codePoints) {
        int pos = start;
        for (int i = 0; i < codePoints && pos < end; i++) {
            pos += Character.charCount(text.codePointAt(pos));
        }
        return Math.min(pos, end);
    }

    private int lineOf(int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        return i >= 0 ? i : -i - 2;
    }
}
