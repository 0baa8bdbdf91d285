package dev.ivrflow.esl.codec;

import dev.ivrflow.esl.codec.Transcripts.TranscriptStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command sent to FreeSWITCH in the captures, rebuilt with the command factories, must give back the
 * captured stream byte for byte. The capture is only split into commands here; the bytes compared are all ours.
 */
class CapturedCommandReplayTest {
    /** A captured command as sent: its line, its headers in order, and its body when it had content-length. */
    private record Captured(String line, Map<String, String> headers, String body) {
    }

    static List<TranscriptStream> streams() {
        return Transcripts.toFreeSwitch();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streams")
    void shouldRebuildEveryCapturedCommandByteForByte(TranscriptStream stream) {
        // given
        byte[] captured = stream.bytes();
        List<Captured> commands = split(captured);

        // when
        ByteArrayOutputStream rebuilt = new ByteArrayOutputStream();
        commands.forEach(c -> rebuilt.writeBytes(rebuild(c).toBytes()));

        // then
        assertThat(commands).isNotEmpty();
        assertThat(rebuilt.toString(StandardCharsets.UTF_8)).isEqualTo(new String(captured, StandardCharsets.UTF_8));
    }

    private static EslCommand rebuild(Captured c) {
        String[] words = c.line().split(" ", 2);
        String rest = words.length > 1 ? words[1] : null;
        return switch (words[0]) {
            case "auth" -> EslCommands.auth(rest);
            case "connect" -> EslCommands.connect();
            case "exit" -> EslCommands.exit();
            case "noevents" -> EslCommands.noevents();
            case "linger" -> rest == null ? EslCommands.linger() : EslCommands.linger(Integer.parseInt(rest));
            case "myevents" -> rest == null ? EslCommands.myevents() : EslCommands.myevents(format(rest));
            case "api" -> EslCommands.api(rest);
            case "bgapi" -> c.headers().containsKey("Job-UUID")
                    ? EslCommands.bgapi(rest, c.headers().get("Job-UUID")) : EslCommands.bgapi(rest);
            case "event" -> {
                String[] parts = rest.split(" ");
                yield EslCommands.event(format(parts[0]), Arrays.asList(parts).subList(1, parts.length));
            }
            case "sendmsg" -> execute(c, rest);
            default -> EslCommand.of(c.line());
        };
    }

    private static EslCommand execute(Captured c, String channelUuid) {
        Map<String, String> h = c.headers();
        assertThat(h).containsEntry("call-command", "execute");
        EslExecute execute = EslExecute.app(h.get("execute-app-name"));
        if (channelUuid != null) {
            execute.uuid(channelUuid);
        }
        if (h.containsKey("execute-app-arg")) {
            execute.arg(h.get("execute-app-arg"));
        }
        if (c.body() != null) {
            execute.argInBody(c.body());
        }
        if (h.containsKey("Event-UUID")) {
            execute.eventUuid(h.get("Event-UUID"));
        }
        return execute.eventLock("true".equals(h.get("event-lock"))).build();
    }

    private static EventFormat format(String wire) {
        return EventFormat.valueOf(wire.toUpperCase(Locale.ROOT));
    }

    /** Splits a capture into commands: a block of lines up to a blank line, then content-length bytes if given. */
    private static List<Captured> split(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        List<Captured> commands = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            int end = text.indexOf("\n\n", at);
            String[] lines = text.substring(at, end).split("\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                String[] nameValue = lines[i].split(": ?", 2);
                headers.put(nameValue[0], nameValue.length > 1 ? nameValue[1] : "");
            }
            at = end + 2;
            String body = null;
            if (headers.containsKey("content-length")) {
                int length = Integer.parseInt(headers.remove("content-length"));
                body = new String(bytes, at, length, StandardCharsets.UTF_8);
                at += length;
            }
            commands.add(new Captured(lines[0], headers, body));
        }
        return commands;
    }
}
