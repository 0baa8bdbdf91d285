package dev.ivrflow.benchmarks.load;

import dev.ivrflow.esl.fssim.FsCommand;
import dev.ivrflow.esl.fssim.FsFrames;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One call of the load switch: FreeSWITCH's side of {@code socket <runtime> async full}, lean. It writes the frames
 * of the FreeSWITCH simulator ({@link FsFrames}, checked byte for byte against the captures by the simulator's
 * conformance test) and reads commands with the simulator's {@link FsCommand}, with the same channel, event and
 * hang-up sequences as {@code SimulatedCall}, but it keeps no log of frames and, unlike the simulator, it holds the
 * caller in {@code play_and_get_digits} (CHANNEL_EXECUTE sent, no completion) until {@link #press} is called.
 *
 * <p>Timing is taken here, on the switch's side: {@link #press} notes {@link System#nanoTime()} just before it writes
 * the DTMF event and the CHANNEL_EXECUTE_COMPLETE that carries the digit, and the reading thread notes the time
 * the next whole command frame has been read. The difference is the latency of the runtime's reaction, plus both
 * sides' loopback I/O and this process's wake-up.
 *
 * <p>One virtual thread reads the socket; writes hold this object's lock.
 */
final class LoadCall {
    enum State { NEW, SETUP, WAITING, PRESSED, ENDED, FAILED }

    private static final Pattern DIGITS_VARIABLE = Pattern.compile(" (ivrflow_digits_\\d+) ");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter GMT = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
            Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final String CORE_UUID = "94c4fead-8ac7-427c-a5da-6eb1e12ff06a";

    final int index;
    final String uuid;
    final String digit;
    private final InetSocketAddress runtime;
    private final LoadSwitch owner;
    private final String callerNumber;
    private final String channelName;
    private final Map<String, String> variables = new LinkedHashMap<>();
    private final long createdMicros;

    private Socket socket;
    private OutputStream out;
    private volatile State state = State.NEW;
    private boolean json;
    private boolean eventsEnabled;
    private boolean lingering;
    private boolean parked;
    private boolean socketAppDone;
    private boolean up = true;
    private String hangupCause;
    private String answerState = "ringing";
    private String callState = "RINGING";
    private String channelState = "CS_EXECUTE";
    private String stateNumber = "4";
    private long answeredMicros;
    private long sequence = 4000;
    private String digitsVariable;
    private String digitsEventUuid;
    private String digitsArg;

    volatile long startNanos;
    volatile long waitingNanos;
    volatile long pressNanos;
    volatile long nextCommandNanos;
    volatile String nextCommand;
    volatile String failure;

    LoadCall(int index, UUID uuid, String digit, InetSocketAddress runtime, LoadSwitch owner) {
        this.index = index;
        this.uuid = uuid.toString();
        this.digit = digit;
        this.runtime = runtime;
        this.owner = owner;
        this.callerNumber = "+1555" + (1_000_000 + index % 9_000_000);
        this.channelName = "sofia/internal/" + callerNumber + "@127.0.0.1";
        this.createdMicros = micros(Instant.now());
        variables.put("direction", "inbound");
        variables.put("uuid", this.uuid);
        variables.put("session_id", Integer.toString(index + 1));
        variables.put("channel_name", channelName);
        variables.put("read_codec", "PCMU");
        variables.put("read_rate", "8000");
        variables.put("write_codec", "PCMU");
        variables.put("write_rate", "8000");
        variables.put("call_uuid", this.uuid);
        variables.put("ivr_flow", "load-menu");
        variables.put("current_application_data", "127.0.0.1:8084 async full");
        variables.put("current_application", "socket");
        variables.put("socket_host", "127.0.0.1");
    }

    State state() {
        return state;
    }

    // ---- the socket loop ----

    void run() {
        startNanos = System.nanoTime();
        state = State.SETUP;
        try (Socket s = new Socket()) {
            s.setTcpNoDelay(true);
            s.connect(runtime, 10_000);
            InputStream in = new BufferedInputStream(s.getInputStream(), 2048);
            synchronized (this) {
                socket = s;
                out = s.getOutputStream();
            }
            FsCommand command;
            while ((command = FsCommand.read(in)) != null) {
                long now = System.nanoTime();
                if (pressNanos != 0 && nextCommandNanos == 0) {
                    nextCommandNanos = now;
                    nextCommand = command.line() + (command.header("execute-app-name") == null ? ""
                            : " " + command.header("execute-app-name"));
                }
                if (!handle(command)) {
                    break;
                }
            }
            if (state != State.ENDED) {
                fail("the runtime closed the socket while the call was " + state);
            }
        } catch (IOException | RuntimeException e) {
            if (state != State.ENDED) {
                fail(e.toString());
            }
        } finally {
            close();
            owner.closed(this);
        }
    }

    /** The caller presses this call's digit: DTMF, then the completion of play_and_get_digits with the digit. */
    boolean press() {
        byte[] frames;
        synchronized (this) {
            if (state != State.WAITING || out == null) {
                return false;
            }
            ByteArrayOutputStream b = new ByteArrayOutputStream(8192);
            Map<String, String> dtmf = new LinkedHashMap<>();
            dtmf.put("DTMF-Digit", digit);
            dtmf.put("DTMF-Duration", "2000");
            dtmf.put("DTMF-Source", "RTP");
            emit(b, "DTMF", "switch_channel.c", "switch_channel_dequeue_dtmf", "677", false, dtmf);
            Map<String, String> vars = new LinkedHashMap<>();
            vars.put(digitsVariable, digit);
            vars.put("read_result", "success");
            complete(b, "play_and_get_digits", digitsArg, digitsEventUuid, "_none_", vars);
            frames = b.toByteArray();
            state = State.PRESSED;
            pressNanos = System.nanoTime();
            try {
                out.write(frames);
                out.flush();
            } catch (IOException e) {
                fail("pressing: " + e);
                return false;
            }
        }
        return true;
    }

    private synchronized boolean handle(FsCommand command) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(4096);
        boolean goOn = true;
        switch (command.verb()) {
            case "connect" -> b.writeBytes(FsFrames.connectReply(channelData()));
            case "myevents" -> {
                json = command.rest().toLowerCase(Locale.ROOT).contains("json");
                eventsEnabled = true;
                b.writeBytes(FsFrames.commandReply("+OK Events Enabled"));
            }
            case "event" -> {
                json = command.rest().toLowerCase(Locale.ROOT).startsWith("json") || json;
                eventsEnabled = true;
                b.writeBytes(FsFrames.commandReply("+OK event listener enabled " + (json ? "json" : "plain")));
            }
            case "linger" -> {
                lingering = true;
                b.writeBytes(FsFrames.commandReply("+OK will linger"));
            }
            case "nolinger" -> {
                lingering = false;
                b.writeBytes(FsFrames.commandReply("+OK will not linger"));
            }
            case "resume" -> b.writeBytes(FsFrames.commandReply("+OK"));
            case "noevents" -> b.writeBytes(FsFrames.commandReply("+OK no longer listening for events"));
            case "exit" -> {
                b.writeBytes(FsFrames.commandReply("+OK bye"));
                b.writeBytes(FsFrames.goodbye(uuid));
                state = State.ENDED;
                goOn = false;
            }
            case "api" -> b.writeBytes(command.rest().startsWith("uuid_break ") ? FsFrames.apiResponse("+OK")
                    : FsFrames.apiResponse("-ERR " + command.rest().split(" ")[0] + " Command not found!\n"));
            case "sendmsg" -> sendmsg(command, b);
            default -> b.writeBytes(FsFrames.commandReply("-ERR command not found"));
        }
        if (b.size() > 0) {
            out.write(b.toByteArray());
            out.flush();
        }
        return goOn;
    }

    private void sendmsg(FsCommand command, ByteArrayOutputStream b) {
        String callCommand = command.header("call-command");
        String app = command.header("execute-app-name");
        b.writeBytes(FsFrames.commandReply("+OK"));
        if (!parked) {
            parked = true;
            emit(b, "CHANNEL_PARK", "switch_ivr.c", "switch_ivr_park", "1002", true, Map.of());
        }
        if ("hangup".equals(callCommand)) {
            if (up) {
                String cause = command.header("hangup-cause");
                hangUpIdle(b, cause == null ? "NORMAL_CLEARING" : cause);
            }
            return;
        }
        if (!"execute".equals(callCommand) || app == null || !up) {
            return;
        }
        String arg = command.appArg();
        String eventUuid = command.header("Event-UUID");
        variables.put("current_application", app);
        if (arg != null) {
            variables.put("current_application_data", arg);
        }
        Map<String, String> executeTail = new LinkedHashMap<>();
        executeTail.put("Application", app);
        if (arg != null) {
            executeTail.put("Application-Data", arg);
        }
        if (eventUuid != null) {
            executeTail.put("Application-UUID", eventUuid);
        }
        emit(b, "CHANNEL_EXECUTE", "switch_core_session.c", "switch_core_session_exec", "2944", true, executeTail);
        Map<String, String> vars = new LinkedHashMap<>();
        String response = "_none_";
        switch (app) {
            case "answer" -> {
                answeredMicros = micros(Instant.now());
                answerState = "answered";
                callState = "ACTIVE";
                variables.put("endpoint_disposition", "ANSWER");
                emit(b, "CHANNEL_ANSWER", "switch_channel.c", "switch_channel_perform_mark_answered", "3846", true,
                        Map.of());
            }
            case "set", "export" -> set(arg);
            case "unset" -> variables.remove(arg == null ? "" : arg.strip());
            case "multiunset" -> {
                for (String name : (arg == null ? "" : arg).split(" ")) {
                    variables.remove(name);
                }
            }
            case "playback" -> response = "FILE PLAYED";
            case "play_and_get_digits" -> {
                Matcher m = DIGITS_VARIABLE.matcher(arg == null ? "" : arg);
                if (!m.find()) {
                    throw new IllegalStateException("play_and_get_digits without an ivrflow_digits_N variable: " + arg);
                }
                digitsVariable = m.group(1);
                digitsEventUuid = eventUuid;
                digitsArg = arg;
                state = State.WAITING;
                waitingNanos = System.nanoTime();
                owner.waiting(this);
                return; // the caller thinks: no completion until press()
            }
            case "callcenter" -> {
                vars.put("cc_side", "member");
                vars.put("cc_queue", arg == null ? "" : arg);
                vars.put("cc_member_uuid", UUID.randomUUID().toString());
                vars.put("cc_queue_joined_epoch", Long.toString(Instant.now().getEpochSecond()));
                vars.put("cc_agent_uuid", UUID.randomUUID().toString());
                vars.put("cc_cause", "answered");
            }
            case "hangup" -> {
                String cause = arg == null || arg.isBlank() ? "NORMAL_CLEARING" : arg.strip();
                hangUpDuring(b, app, arg, eventUuid, cause);
                return;
            }
            default -> {
                // speak and the rest: done at once
            }
        }
        complete(b, app, arg, eventUuid, response, vars);
    }

    private void set(String arg) {
        int eq = arg == null ? -1 : arg.indexOf('=');
        if (eq <= 0) {
            return;
        }
        String value = arg.substring(eq + 1);
        if (value.isEmpty()) {
            variables.remove(arg.substring(0, eq));
        } else {
            variables.put(arg.substring(0, eq), value);
        }
    }

    private void complete(ByteArrayOutputStream b, String app, String arg, String eventUuid, String response,
                          Map<String, String> vars) {
        variables.putAll(vars);
        variables.put("current_application_response", response);
        Map<String, String> tail = new LinkedHashMap<>();
        tail.put("Application", app);
        if (arg != null) {
            tail.put("Application-Data", arg);
        }
        tail.put("Application-Response", response);
        if (eventUuid != null) {
            tail.put("Application-UUID", eventUuid);
        }
        emit(b, "CHANNEL_EXECUTE_COMPLETE", "switch_core_session.c", "switch_core_session_exec", "2967", true, tail);
    }

    // ---- hanging up, as SimulatedCall does (captures 18, 19a/19b) ----

    private void hangUpDuring(ByteArrayOutputStream b, String app, String arg, String eventUuid, String cause) {
        hungUp(cause);
        emit(b, "CHANNEL_HANGUP", "switch_channel.c", "switch_channel_perform_hangup", "5068", true, Map.of());
        complete(b, app, arg, eventUuid, "_none_", Map.of());
        tearDown(b, false);
    }

    private void hangUpIdle(ByteArrayOutputStream b, String cause) {
        hungUp(cause);
        emit(b, "CHANNEL_HANGUP", "switch_channel.c", "switch_channel_perform_hangup", "5068", true, Map.of());
        tearDown(b, true);
    }

    private void hungUp(String cause) {
        up = false;
        hangupCause = cause;
        answerState = "hangup";
    }

    private void tearDown(ByteArrayOutputStream b, boolean noticeFirst) {
        if (noticeFirst && lingering) {
            b.writeBytes(FsFrames.lingerNotice(uuid, channelName));
        }
        if (!socketAppDone) {
            emit(b, "CHANNEL_UNPARK", "switch_ivr.c", "switch_ivr_park", "1213", true, Map.of());
            socketAppDone = true;
            Map<String, String> tail = new LinkedHashMap<>();
            tail.put("Application", "socket");
            tail.put("Application-Data", "127.0.0.1:8084 async full");
            tail.put("Application-Response", "_none_");
            tail.put("Application-UUID", UUID.randomUUID().toString());
            emit(b, "CHANNEL_EXECUTE_COMPLETE", "switch_core_session.c", "switch_core_session_exec", "2967", true, tail);
        }
        channelState = "CS_HANGUP";
        stateNumber = "10";
        emit(b, "CHANNEL_STATE", "switch_core_state_machine.c", "switch_core_session_run", "628", true, Map.of());
        channelState = "CS_REPORTING";
        stateNumber = "11";
        callState = "HANGUP";
        emit(b, "CHANNEL_STATE", "switch_core_state_machine.c", "switch_core_session_run", "628", true, Map.of());
        variables.put("hangup_cause", hangupCause);
        emit(b, "CHANNEL_HANGUP_COMPLETE", "switch_core_state_machine.c", "switch_core_session_reporting_state", "943",
                true, Map.of());
        if (lingering && !noticeFirst) {
            b.writeBytes(FsFrames.lingerNotice(uuid, channelName));
        }
    }

    // ---- what FreeSWITCH writes about the channel (FsChannel's layout) ----

    private void emit(ByteArrayOutputStream b, String name, String file, String function, String line,
                      boolean withVariables, Map<String, String> tail) {
        if (!eventsEnabled) {
            return;
        }
        LinkedHashMap<String, String> h = head(name, file, function, line);
        if (name.equals("CHANNEL_HANGUP_COMPLETE")) {
            h.put("Hangup-Cause", hangupCause);
        }
        state(h, !name.equals("CHANNEL_HANGUP_COMPLETE"));
        codecs(h);
        profile(h, "Caller-");
        if (withVariables) {
            variables.forEach((k, v) -> h.put("variable_" + k, v));
        }
        h.putAll(tail);
        b.writeBytes(FsFrames.event(json, h, null));
    }

    private List<Map.Entry<String, String>> channelData() {
        LinkedHashMap<String, String> h = head("CHANNEL_DATA", "mod_event_socket.c", "parse_command", "2021");
        profile(h, "Channel-");
        state(h, false);
        codecs(h);
        profile(h, "Caller-");
        variables.forEach((k, v) -> h.put("variable_" + k, v));
        List<Map.Entry<String, String>> out = new ArrayList<>(h.size());
        h.forEach((k, v) -> out.add(new AbstractMap.SimpleImmutableEntry<>(k, v)));
        return out;
    }

    private LinkedHashMap<String, String> head(String name, String file, String function, String line) {
        Instant t = Instant.now();
        LinkedHashMap<String, String> h = new LinkedHashMap<>();
        h.put("Event-Name", name);
        h.put("Core-UUID", CORE_UUID);
        h.put("FreeSWITCH-Hostname", "loadsim");
        h.put("FreeSWITCH-Switchname", "loadsim");
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

    private void state(Map<String, String> h, boolean withHangupCause) {
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
        if (hangupCause != null && withHangupCause) {
            h.put("Hangup-Cause", hangupCause);
        }
    }

    private static void codecs(Map<String, String> h) {
        h.put("Channel-Read-Codec-Name", "PCMU");
        h.put("Channel-Read-Codec-Rate", "8000");
        h.put("Channel-Read-Codec-Bit-Rate", "64000");
        h.put("Channel-Write-Codec-Name", "PCMU");
        h.put("Channel-Write-Codec-Rate", "8000");
        h.put("Channel-Write-Codec-Bit-Rate", "64000");
    }

    private void profile(Map<String, String> h, String prefix) {
        h.put(prefix + "Direction", "inbound");
        h.put(prefix + "Logical-Direction", "inbound");
        h.put(prefix + "Dialplan", "XML");
        h.put(prefix + "Caller-ID-Number", callerNumber);
        h.put(prefix + "Orig-Caller-ID-Number", callerNumber);
        h.put(prefix + "Callee-ID-Name", "Outbound Call");
        h.put(prefix + "Callee-ID-Number", "+15550100");
        h.put(prefix + "ANI", callerNumber);
        h.put(prefix + "Destination-Number", "+15550100");
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
    }

    private static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }

    // ---- ending ----

    private void fail(String why) {
        if (failure == null) {
            failure = why;
        }
        state = State.FAILED;
    }

    synchronized void close() {
        Socket s = socket;
        if (s != null && !s.isClosed()) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    @Override
    public String toString() {
        return "LoadCall[" + index + ", " + uuid + ", " + state + (failure == null ? "" : ", " + failure) + "]";
    }
}
