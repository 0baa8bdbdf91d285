package dev.ivrflow.esl.fssim.inbound;

import dev.ivrflow.esl.codec.EslHeaders;

import java.util.Optional;

/**
 * One command the simulator read, as FreeSWITCH's {@code read_packet} splits it: the first line, the header lines,
 * and the body when a {@code content-length} header came.
 *
 * @param connection the connection's number, 1 for the first accepted
 * @param line       the command line, such as {@code api status} or {@code event json DTMF}
 */
public record ReceivedCommand(int connection, String line, EslHeaders headers, String body) {
    /** The first word: {@code api}, {@code bgapi}, {@code event}, {@code auth}... */
    public String verb() {
        int space = line.indexOf(' ');
        return space < 0 ? line : line.substring(0, space);
    }

    /** Everything after the first word, or "" when there is nothing. */
    public String argument() {
        int space = line.indexOf(' ');
        return space < 0 ? "" : line.substring(space + 1);
    }

    public Optional<String> header(String name) {
        return headers.get(name);
    }
}
