package dev.ivrflow.esl.fssim;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One simulated FreeSWITCH channel: its caller profile, its state and its variables, and the header blocks
 * FreeSWITCH writes about it, in FreeSWITCH's order (the layout of capture 20's connect reply and of the JSON
 * events of captures 10 to 20): the event head, the channel state, the codecs, the caller profile, the
 * {@code variable_*} headers, then what the event itself adds.
 */
final class FsChannel {
    static final String CORE_UUID = "94c4fead-8ac7-427c-a5da-6eb1e12ff06a";
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter GMT = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    final String uuid;
    final String callerNumber;
    final String callerName;
    final String calledNumber;
    final String channelName;
    final Map<String, String> variables = new LinkedHashMap<>();
    private final Supplier<Instant> now;
    private final long createdMicros;
    private long answeredMicros;
    private long sequence = 4000;
    String channelState = "CS_EXECUTE";
    String stateNumber = "4";
    String callState = "RINGING";
    String answerState = "ringing";
    String hangupCause;

    FsChannel(String uuid, String callerNumber, String callerName, String calledNumber, Map<String, String> extra,
              Supplier<Instant> now) {
        this.uuid = uuid;
        this.callerNumber = callerNumber;
        this.callerName = callerName;
        this.calledNumber = calledNumber;
        this.channelName = "sofia/internal/" + callerNumber + "@127.0.0.1";
        this.now = now;
        this.createdMicros = micros(now.get());
        variables.put("direction", "inbound");
        variables.put("uuid", uuid);
        variables.put("session_id", "1");
        variables.put("channel_name", channelName);
        variables.put("read_codec", "PCMU");
        variables.put("read_rate", "8000");
        variables.put("write_codec", "PCMU");
        variables.put("write_rate", "8000");
        variables.put("call_uuid", uuid);
        variables.putAll(extra);
        variables.put("current_application_data", "127.0.0.1:8084 async full");
        variables.put("current_application", "socket");
        variables.put("socket_host", "127.0.0.1");
    }

    void answered() {
        answeredMicros = micros(now.get());
        answerState = "answered";
        callState = "ACTIVE";
        variables.put("endpoint_disposition", "ANSWER");
    }

    void hungUp(String cause) {
        hangupCause = cause;
        answerState = "hangup";
    }

    boolean up() {
        return hangupCause == null;
    }

    /** The reply to {@code connect}: CHANNEL_DATA with the {@code Channel-} profile and every variable. */
    List<Map.Entry<String, String>> channelData() {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        head("CHANNEL_DATA", "mod_event_socket.c", "parse_command", "2021").forEach((k, v) -> out.add(entry(k, v)));
        profile("Channel-").forEach((k, v) -> out.add(entry(k, v)));
        state(false).forEach((k, v) -> out.add(entry(k, v)));
        codecs().forEach((k, v) -> out.add(entry(k, v)));
        profile("Caller-").forEach((k, v) -> out.add(entry(k, v)));
        variables.forEach((k, v) -> out.add(entry("variable_" + k, v)));
        return out;
    }

    /** An event about this channel, up to and including its variables (when FreeSWITCH sends them). */
    LinkedHashMap<String, String> event(String name, String file, String function, String line, boolean withVariables) {
        LinkedHashMap<String, String> h = head(name, file, function, line);
        if (name.equals("CHANNEL_HANGUP_COMPLETE")) {
            h.put("Hangup-Cause", hangupCause);
        }
        h.putAll(state(!name.equals("CHANNEL_HANGUP_COMPLETE")));
        h.putAll(codecs());
        h.putAll(profile("Caller-"));
        if (withVariables) {
            variables.forEach((k, v) -> h.put("variable_" + k, v));
        }
        return h;
    }

    /**
     * A DETECTED_SPEECH event as {@code fire_asr_events} sends it: created in {@code speech_thread} with its own
     * headers ({@code Speech-Type}, and mod_unimrcp's {@code ASR-*} result headers merged in), then duplicated with
     * the channel's data and variables added below ({@code switch_channel_event_set_data}).
     */
    LinkedHashMap<String, String> speechEvent(Map<String, String> own) {
        LinkedHashMap<String, String> h = head("DETECTED_SPEECH", "switch_ivr_async.c", "speech_thread", "4707");
        h.putAll(own);
        h.putAll(state(true));
        h.putAll(codecs());
        h.putAll(profile("Caller-"));
        variables.forEach((k, v) -> h.put("variable_" + k, v));
        return h;
    }

    private LinkedHashMap<String, String> head(String name, String file, String function, String line) {
        Instant t = now.get();
        LinkedHashMap<String, String> h = new LinkedHashMap<>();
        h.put("Event-Name", name);
        h.put("Core-UUID", CORE_UUID);
        h.put("FreeSWITCH-Hostname", "fssim");
        h.put("FreeSWITCH-Switchname", "fssim");
        h.put("FreeSWITCH-IPv4", "127.0.0.1");
        h.put("FreeSWITCH-IPv6", "::1");
        h.put("Event-Date-Local", LOCAL.format(t));
        h.put("Event-Date-GMT", GMT.format(t));
        h.put("Event-Date-Timestamp", Long.toString(micros(t)));
        h.put("Event-Calling-File", file);
        h.put("Event-Calling-Function", function);
        h.put("Event-Calling-Line-Number", line);
        h.put("Event-Sequence", Long.toString(++sequence));
        return h;
    }

    private LinkedHashMap<String, String> state(boolean hangupCauseAfterAnswerState) {
        LinkedHashMap<String, String> h = new LinkedHashMap<>();
        h.put("Channel-State", channelState);
        h.put("Channel-Call-State", callState);
        h.put("Channel-State-Number", stateNumber);
        h.put("Channel-Name", channelName);
        h.put("Unique-ID", uuid);
        h.put("Call-Direction", "inbound");
        h.put("Presence-Call-Direction", "inbound");
        h.put("Channel-HIT-Dialplan", "true");
        h.put("Channel-Call-UUID", uuid);
        h.put("Answer-State", answerState);
        if (hangupCause != null && hangupCauseAfterAnswerState) {
            h.put("Hangup-Cause", hangupCause);
        }
        return h;
    }

    private static LinkedHashMap<String, String> codecs() {
        LinkedHashMap<String, String> h = new LinkedHashMap<>();
        h.put("Channel-Read-Codec-Name", "PCMU");
        h.put("Channel-Read-Codec-Rate", "8000");
        h.put("Channel-Read-Codec-Bit-Rate", "64000");
        h.put("Channel-Write-Codec-Name", "PCMU");
        h.put("Channel-Write-Codec-Rate", "8000");
        h.put("Channel-Write-Codec-Bit-Rate", "64000");
        return h;
    }

    private LinkedHashMap<String, String> profile(String prefix) {
        LinkedHashMap<String, String> h = new LinkedHashMap<>();
        h.put(prefix + "Direction", "inbound");
        h.put(prefix + "Logical-Direction", "inbound");
        h.put(prefix + "Dialplan", "XML");
        if (callerName != null) {
            h.put(prefix + "Caller-ID-Name", callerName);
        }
        h.put(prefix + "Caller-ID-Number", callerNumber);
        if (callerName != null) {
            h.put(prefix + "Orig-Caller-ID-Name", callerName);
        }
        h.put(prefix + "Orig-Caller-ID-Number", callerNumber);
        h.put(prefix + "Callee-ID-Name", "Outbound Call");
        h.put(prefix + "Callee-ID-Number", calledNumber);
        h.put(prefix + "ANI", callerNumber);
        h.put(prefix + "Destination-Number", calledNumber);
        h.put(prefix + "Unique-ID", uuid);
        h.put(prefix + "Source", "mod_sofia");
        h.put(prefix + "Context", "default");
        h.put(prefix + "Channel-Name", channelName);
        h.put(prefix + "Profile-Index", "1");
        h.put(prefix + "Profile-Created-Time", Long.toString(createdMicros));
        h.put(prefix + "Channel-Created-Time", Long.toString(createdMicros));
        h.put(prefix + "Channel-Answered-Time", Long.toString(answeredMicros));
        for (String t : List.of("Progress-Time", "Progress-Media-Time", "Hangup-Time", "Transfer-Time",
                "Resurrect-Time", "Bridged-Time", "Last-Hold", "Hold-Accum")) {
            h.put(prefix + "Channel-" + t, "0");
        }
        h.put(prefix + "Screen-Bit", "true");
        h.put(prefix + "Privacy-Hide-Name", "false");
        h.put(prefix + "Privacy-Hide-Number", "false");
        return h;
    }

    private static Map.Entry<String, String> entry(String k, String v) {
        return new AbstractMap.SimpleImmutableEntry<>(k, v);
    }

    static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }
}
