package dev.ivrflow.esl.fssim;

import dev.ivrflow.esl.fssim.FsScript.Action;
import dev.ivrflow.esl.fssim.FsScript.Rule;
import dev.ivrflow.flow.port.SpeechResult;
import dev.ivrflow.flow.sim.CallerStep;
import dev.ivrflow.flow.sim.SimCall;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One simulated call: FreeSWITCH running {@code socket <runtime> async full} for a channel, driven by a
 * {@link SimCall} (the caller's steps, the world's answers) like the in-memory simulator, with an optional
 * {@link FsScript} for faults. It connects to the runtime, answers every command as FreeSWITCH does (captures
 * 04 and 10 to 20) and records what it was asked to do.
 *
 * <p>The caller's steps are used when the runtime waits for the caller: {@code play_and_get_digits} (a press, or
 * silence: the first-digit timeout passes on the shared clock) and {@code play_and_detect_speech} (speech, a key
 * when keys are allowed, or silence). A hang-up step, or an empty script when the caller is waited for, hangs the
 * call up the way capture 19b shows. Audio plays instantly unless a rule says it takes time.
 *
 * <p>One virtual thread reads the socket; everything that touches the channel holds this object's lock, since a
 * timer on the shared clock (sched_hangup) or a test ({@link #hangUp()}) may act from another thread.
 */
public final class SimulatedCall {
    private static final System.Logger LOG = System.getLogger(SimulatedCall.class.getName());

    private final InetSocketAddress runtime;
    private final SimCall call;
    private final FsScript script;
    private final VirtualClock clock;
    private final FsCallLog log = new FsCallLog();
    private final FsChannel channel;
    private final Deque<CallerStep> steps;
    private final Deque<String> bridgeOutcomes;
    private final Deque<String> queueOutcomes;
    private final StringBuilder typeAhead = new StringBuilder();
    private final Set<String> subscriptions = new HashSet<>();
    private final Deque<Runnable> queuedApps = new ArrayDeque<>();

    private Socket socket;
    private OutputStream out;
    private boolean json;
    private boolean eventsEnabled;
    private boolean lingering;
    private boolean parked;
    private boolean socketAppDone;
    private Running running;

    /** An application that runs until something ends it (uuid_break, a hang-up). */
    private record Running(String app, String arg, String eventUuid, Map<String, String> onBreak, String response) {
    }

    SimulatedCall(InetSocketAddress runtime, SimCall call, FsScript script, VirtualClock clock) {
        this.runtime = runtime;
        this.call = call;
        this.script = script;
        this.clock = clock;
        String uuid = UUID.randomUUID().toString();
        this.channel = new FsChannel(uuid, call.callerNumber(), call.callerName(), call.calledNumber(),
                call.channelVariables(), clock::now);
        this.steps = new ArrayDeque<>(call.steps());
        this.bridgeOutcomes = new ArrayDeque<>(call.world().bridge() == null ? List.of() : call.world().bridge());
        this.queueOutcomes = new ArrayDeque<>(call.world().queue() == null ? List.of() : call.world().queue());
        log.uuid = uuid;
    }

    public String uuid() {
        return channel.uuid;
    }

    public VirtualClock clock() {
        return clock;
    }

    public FsCallLog log() {
        return log;
    }

    /** Waits until the socket is closed (by either side) and returns the log. */
    public FsCallLog awaitEnd(Duration timeout) throws InterruptedException, TimeoutException {
        try {
            return log.closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The caller hangs up now, whatever is going on (a test's "hang up mid-..."). */
    public synchronized void hangUp() {
        if (!channel.up()) {
            return;
        }
        if (running != null) {
            Running r = running;
            running = null;
            hangUpDuring(r.app, r.arg, r.eventUuid, responseOnHangup(r.app), "caller");
        } else {
            hangUpIdle("NORMAL_CLEARING", "caller");
        }
    }

    /** Closes the socket without a word, as a crashing switch would. */
    public void dropConnection() {
        closeSocket();
    }

    // ---- the socket loop ----

    void run() {
        try (Socket s = new Socket()) {
            s.setTcpNoDelay(true);
            s.connect(runtime, 5_000);
            synchronized (this) {
                socket = s;
                out = new BufferedOutputStream(s.getOutputStream());
            }
            InputStream in = new BufferedInputStream(s.getInputStream());
            FsCommand command;
            while ((command = FsCommand.read(in)) != null) {
                log.command(command.line());
                if (!handle(command)) {
                    break;
                }
            }
        } catch (IOException e) {
            if (!socketClosedByUs()) {
                log.failure = e.toString();
            }
        } catch (RuntimeException e) {
            log.failure = e.toString();
            LOG.log(System.Logger.Level.WARNING, "simulated call " + channel.uuid + " failed", e);
        } finally {
            closeSocket();
            log.closed.complete(log);
        }
    }

    private synchronized boolean handle(FsCommand command) {
        switch (command.verb()) {
            case "connect" -> send(FsFrames.connectReply(channel.channelData()));
            case "myevents" -> {
                json = command.rest().toLowerCase(Locale.ROOT).contains("json");
                eventsEnabled = true;
                reply("+OK Events Enabled");
            }
            case "event" -> {
                List<String> words = List.of(command.rest().split(" "));
                json = !words.isEmpty() && words.getFirst().equalsIgnoreCase("json") || json;
                subscriptions.addAll(words);
                eventsEnabled = true;
                reply("+OK event listener enabled " + (json ? "json" : "plain"));
            }
            case "linger" -> {
                lingering = true;
                reply(command.rest().isEmpty() ? "+OK will linger" : "+OK will linger " + command.rest() + " seconds");
            }
            case "nolinger" -> {
                lingering = false;
                reply("+OK will not linger");
            }
            case "resume" -> {
                log.resumed = true;
                reply("+OK");
            }
            case "noevents" -> reply("+OK no longer listening for events");
            case "exit" -> {
                log.exitReceived = true;
                reply("+OK bye");
                send(FsFrames.goodbye(channel.uuid));
                closeSocket();
                return false;
            }
            case "api" -> api(command.rest());
            case "sendmsg" -> {
                return sendmsg(command);
            }
            default -> reply("-ERR command not found");
        }
        return true;
    }

    private void api(String line) {
        List<String> words = List.of(line.split(" "));
        switch (words.getFirst()) {
            case "uuid_break" -> {
                send(FsFrames.apiResponse("+OK"));
                if (words.size() > 2 && words.get(2).equals("all")) {
                    queuedApps.clear();
                }
                breakRunning();
            }
            case "uuid_getvar" -> {
                String value = words.size() > 2 ? channel.variables.get(words.get(2)) : null;
                send(FsFrames.apiResponse(value == null ? "_undef_" : value));
            }
            default -> send(FsFrames.apiResponse("-ERR " + words.getFirst() + " Command not found!\n"));
        }
    }

    private boolean sendmsg(FsCommand command) {
        String callCommand = command.header("call-command");
        String app = command.header("execute-app-name");
        Rule rule = "execute".equals(callCommand) && app != null ? script.next(app) : null;
        if (rule != null && rule.action() == Action.NO_REPLY) {
            log.executed(new FsExecution(app, command.appArg(), command.header("Event-UUID"), false));
            return true;
        }
        if (rule != null && rule.action() == Action.CLOSE_SOCKET) {
            log.executed(new FsExecution(app, command.appArg(), command.header("Event-UUID"), false));
            closeSocket();
            return false;
        }
        reply("+OK");
        if (!parked) {
            parked = true;
            emit("CHANNEL_PARK", "switch_ivr.c", "switch_ivr_park", "1002", true, Map.of());
        }
        if ("hangup".equals(callCommand)) {
            String cause = command.header("hangup-cause");
            if (channel.up()) {
                hangUpIdle(cause == null ? "NORMAL_CLEARING" : cause, "runtime");
            }
            return true;
        }
        if (!"execute".equals(callCommand) || app == null) {
            return true;
        }
        FsExecution execution = new FsExecution(app, command.appArg(), command.header("Event-UUID"),
                "true".equalsIgnoreCase(command.header("event-lock")),
                command.body() != null && !command.body().isEmpty());
        if (running != null) {
            queuedApps.add(() -> execute(execution, rule));
        } else {
            execute(execution, rule);
        }
        return true;
    }

    // ---- applications ----

    private void execute(FsExecution e, Rule rule) {
        if (!channel.up()) {
            return;
        }
        log.executed(e);
        String app = e.app();
        String arg = e.arg();
        channel.variables.put("current_application", app);
        if (arg != null) {
            channel.variables.put("current_application_data", arg);
        }
        Map<String, String> executeTail = new LinkedHashMap<>();
        executeTail.put("Application", app);
        if (arg != null) {
            executeTail.put("Application-Data", arg);
        }
        if (e.eventUuid() != null) {
            executeTail.put("Application-UUID", e.eventUuid());
        }
        emit("CHANNEL_EXECUTE", "switch_core_session.c", "switch_core_session_exec", "2944", true, executeTail);
        if (rule != null) {
            switch (rule.action()) {
                case GARBAGE -> {
                    send(FsFrames.bytes("Content-Length: twelve\nContent-Type: text/event-json\n\n"));
                    return;
                }
                case NO_COMPLETION -> {
                    return;
                }
                case HANG_UP_DURING -> {
                    hangUpDuring(app, arg, e.eventUuid(), responseOnHangup(app), "caller");
                    return;
                }
                case RUN_UNTIL_BROKEN -> {
                    // it lasts until something breaks it: let time pass to the next timer (the runtime's own limit)
                    running = new Running(app, arg, e.eventUuid(), Map.of(), app.equals("playback") ? "FILE PLAYED" : "_none_");
                    clock.advanceToNextTimer();
                    return;
                }
                case TAKES -> clock.advance(rule.time());
                case DELAY -> sleep(rule.time());
                default -> {
                }
            }
        }
        if (!channel.up()) {
            return; // a timer on the way hung the call up
        }
        Map<String, String> vars = new LinkedHashMap<>();
        String response = "_none_";
        switch (app) {
            case "answer" -> {
                channel.answered();
                emit("CHANNEL_ANSWER", "switch_channel.c", "switch_channel_perform_mark_answered", "3846", true, Map.of());
            }
            case "set", "export" -> set(arg);
            case "unset" -> channel.variables.remove(arg == null ? "" : arg.strip());
            case "multiunset" -> {
                for (String name : (arg == null ? "" : arg).split(" ")) {
                    channel.variables.remove(name);
                }
            }
            case "playback" -> {
                channel.variables.remove("playback_terminator_used");
                heard(arg);
                if (rule != null && rule.action() == Action.BARGE_IN) {
                    // a key that is not a terminator is reported and the audio goes on (capture 18)
                    dtmf(rule.digit());
                    if (terminates(rule.digit())) {
                        vars.put("playback_terminator_used", rule.digit());
                    }
                }
                vars.put("playback_ms", "1000");
                vars.put("playback_seconds", "1");
                response = "FILE PLAYED";
            }
            case "speak" -> {
                channel.variables.remove("playback_terminator_used");
                // mod_dptools: engine|voice|text, the text taken unstripped from the original argument
                List<String> parts = FsArgSplitter.split(arg, '|', 3);
                String text = parts.size() == 3 ? FsArgSplitter.unstripped(arg, '|', 2) : arg;
                log.heard(text == null ? "" : text);
                if (rule != null && rule.action() == Action.BARGE_IN) {
                    // a key that is not a terminator is reported and the audio goes on (capture 18)
                    dtmf(rule.digit());
                    if (terminates(rule.digit())) {
                        vars.put("playback_terminator_used", rule.digit());
                    }
                }
            }
            case "play_and_get_digits" -> {
                if (!playAndGetDigits(arg, vars)) {
                    hangUpDuring(app, arg, e.eventUuid(), "_none_", "caller");
                    return;
                }
            }
            case "play_and_detect_speech" -> {
                String[] outcome = playAndDetectSpeech(arg, vars, rule);
                if (outcome == null) {
                    hangUpDuring(app, arg, e.eventUuid(), "_none_", "caller");
                    return;
                }
                response = outcome[0];
            }
            case "bridge" -> {
                if (!bridge(arg, vars)) {
                    // no continue_on_fail: FreeSWITCH hangs the caller up before the bridge completes (capture 12b)
                    String cause = vars.get("originate_failed_cause");
                    channel.variables.putAll(vars);
                    hangUpDuring(app, arg, e.eventUuid(), "_none_", "switch", cause);
                    return;
                }
            }
            case "transfer" -> {
                transfer(arg, e.eventUuid());
                return;
            }
            case "callcenter" -> {
                if (!callcenter(arg, e.eventUuid(), vars)) {
                    return;
                }
            }
            case "voicemail" -> {
                List<String> parts = FsArgSplitter.split(arg, ' ', 4);
                String box = parts.size() > 2 ? parts.get(2) : "";
                String domain = parts.size() > 1 ? parts.get(1) : "";
                recording("/var/lib/freeswitch/storage/voicemail/default/" + domain + "/" + box + "/msg_"
                        + UUID.randomUUID() + ".wav", rule, vars);
                vars.put("voicemail_account", box);
                vars.put("voicemail_domain", domain);
                vars.put("voicemail_message_len", "00:00:0" + Math.min(9, recordSeconds()));
            }
            case "record" -> recording(FsArgSplitter.split(arg, ' ', 4).getFirst(), rule, vars);
            case "conference" -> {
                String room = arg == null ? "" : arg.split("@")[0];
                vars.put("conference_name", room);
                vars.put("conference_member_id", "1");
            }
            case "echo", "park" -> {
                // echo and park run until broken; a scripted caller has done with them at once
            }
            case "sleep" -> clock.advance(Duration.ofMillis(parseLong(arg, 0)));
            case "sched_hangup" -> schedHangup(arg);
            case "hangup" -> {
                String cause = arg == null || arg.isBlank() ? "NORMAL_CLEARING" : arg.strip();
                hangUpDuring(app, arg, e.eventUuid(), "_none_", "runtime", cause);
                return;
            }
            default -> {
            }
        }
        if (!channel.up()) {
            return;
        }
        complete(app, arg, e.eventUuid(), response, vars);
    }

    private void complete(String app, String arg, String eventUuid, String response, Map<String, String> vars) {
        channel.variables.putAll(vars);
        channel.variables.put("current_application_response", response);
        Map<String, String> tail = new LinkedHashMap<>();
        tail.put("Application", app);
        if (arg != null) {
            tail.put("Application-Data", arg);
        }
        tail.put("Application-Response", response);
        if (eventUuid != null) {
            tail.put("Application-UUID", eventUuid);
        }
        emit("CHANNEL_EXECUTE_COMPLETE", "switch_core_session.c", "switch_core_session_exec", "2967", true, tail);
    }

    private void set(String arg) {
        if (arg == null) {
            return;
        }
        int eq = arg.indexOf('=');
        if (eq <= 0) {
            return;
        }
        String name = arg.substring(0, eq);
        String value = arg.substring(eq + 1);
        if (value.isEmpty()) {
            channel.variables.remove(name);
        } else {
            channel.variables.put(name, value);
        }
    }

    /** Returns false when the caller hangs up instead of answering. */
    private boolean playAndGetDigits(String arg, Map<String, String> vars) {
        List<String> a = FsArgSplitter.split(arg, ' ', 11);
        int min = Integer.parseInt(a.get(0));
        int max = Integer.parseInt(a.get(1));
        int tries = Integer.parseInt(a.get(2));
        long timeout = Long.parseLong(a.get(3));
        String terminators = a.get(4).equalsIgnoreCase("none") ? "" : a.get(4);
        String prompt = a.get(5);
        String variable = a.size() > 7 ? a.get(7) : "pagd_digits";
        String regex = a.size() > 8 ? a.get(8) : null;
        for (int attempt = 1; attempt <= Math.max(1, tries); attempt++) {
            heard(prompt);
            String pressed;
            if (!typeAhead.isEmpty()) {
                pressed = typeAhead.toString();
                typeAhead.setLength(0);
            } else {
                CallerStep step = steps.poll();
                if (step == null || step.kind() == CallerStep.Kind.HANGUP) {
                    return false;
                }
                if (step.kind() != CallerStep.Kind.PRESS) {
                    clock.advance(Duration.ofMillis(timeout));
                    vars.put("read_result", "failure");
                    continue;
                }
                pressed = step.press();
            }
            StringBuilder digits = new StringBuilder();
            for (char c : pressed.toCharArray()) {
                dtmf(String.valueOf(c));
                if (terminators.indexOf(c) >= 0) {
                    vars.put("read_terminator_used", String.valueOf(c));
                    break;
                }
                digits.append(c);
                if (digits.length() >= max) {
                    break;
                }
            }
            if (digits.isEmpty()) {
                vars.put("read_result", "failure");
                continue;
            }
            boolean valid = digits.length() >= min && (regex == null || digits.toString().matches(regex));
            if (valid) {
                vars.put(variable, digits.toString());
                vars.put("read_result", "success");
                return true;
            }
            vars.put(variable + "_invalid", digits.toString());
        }
        return true;
    }

    /**
     * play_and_detect_speech as mod_dptools runs it with mod_unimrcp and a speech server behind it. It resets
     * {@code detect_speech_result}, opens the recogniser (else {@code ASR INIT ERROR}) and loads the grammar (else
     * {@code GRAMMAR ERROR}), plays the prompt while the server listens, and ends with the server's answer as
     * {@code detect_speech_result} and the response {@code DONE}. With {@code fire_asr_events=true} the speech
     * thread's events reach the socket: {@code begin-speaking} when the server reports the start of input (speech, or
     * a key: FreeSWITCH feeds keys to the recogniser, and that stops the prompt), then {@code detected-speech} with
     * the result as its body and mod_unimrcp's {@code ASR-Completion-Cause}. When the server's answer has no body
     * (no input, or a key no grammar takes), mod_unimrcp's result is {@code Completion-Cause: NNN}. Keys are DTMF
     * events as always; with no DTMF grammar active the server answers the first key with a no-match, and the keys
     * after it are typed ahead for what runs next.
     *
     * @return {response}, or null when the caller hangs up
     */
    private String[] playAndDetectSpeech(String arg, Map<String, String> vars, Rule rule) {
        channel.variables.put("detect_speech_result", "");
        SimRecognizer.Detect detect;
        try {
            if (Boolean.TRUE.equals(call.world().speechFails())) {
                heard(arg.contains("detect:") ? arg.substring(0, arg.indexOf("detect:")).strip() : "");
                return new String[]{"ASR INIT ERROR"};
            }
            detect = SimRecognizer.parse(arg, script);
        } catch (SimRecognizer.Refused refused) {
            log.speechProblem(refused.getMessage());
            if (!refused.response.equals("USAGE ERROR")) {
                heard(arg.substring(0, arg.indexOf("detect:")).strip());
            }
            return new String[]{refused.response};
        }
        heard(detect.prompt());
        boolean fire = "true".equalsIgnoreCase(channel.variables.get("fire_asr_events"));
        if (rule != null && rule.action() == Action.RECOGNIZER_ANSWERS) {
            beginSpeaking(fire);
            detected(fire, rule.text(), rule.digit());
            putResult(vars, rule.text());
            return new String[]{"DONE"};
        }
        CallerStep step = steps.poll();
        if (step == null || step.kind() == CallerStep.Kind.HANGUP) {
            return null;
        }
        String result;
        switch (step.kind()) {
            case PRESS -> {
                String pressed = step.press();
                if (detect.dtmf() != null) {
                    for (char c : pressed.toCharArray()) {
                        dtmf(String.valueOf(c));
                    }
                    beginSpeaking(fire);
                    SpeechResult heard = SimRecognizer.keys(pressed, detect.dtmf());
                    if (heard.status() == SpeechResult.Status.RECOGNIZED) {
                        result = SimRecognizer.nlsml(heard, detect.grammarName());
                        detected(fire, result, "0");
                    } else {
                        result = "Completion-Cause: 001";
                        detected(fire, result, "1");
                    }
                } else {
                    dtmf(pressed.substring(0, 1));
                    typeAhead.append(pressed.substring(1));
                    beginSpeaking(fire);
                    result = "Completion-Cause: 001";
                    detected(fire, result, "1");
                }
            }
            case SAY -> {
                SpeechResult heard = SimRecognizer.recognise(step.say(), step.confidence(), detect);
                if (heard.status() == SpeechResult.Status.NO_INPUT) {
                    clock.advance(detect.noInputTimeout());
                    result = "Completion-Cause: 002";
                } else {
                    beginSpeaking(fire);
                    result = SimRecognizer.nlsml(heard, detect.grammarName());
                }
                detected(fire, result, heard.status() == SpeechResult.Status.RECOGNIZED ? "0"
                        : heard.status() == SpeechResult.Status.NO_MATCH ? "1" : "2");
            }
            default -> {
                clock.advance(detect.noInputTimeout());
                result = "Completion-Cause: 002";
                detected(fire, result, "2");
            }
        }
        putResult(vars, result);
        return new String[]{"DONE"};
    }

    /** play_and_detect_speech sets the variable only to a non-empty result. */
    private static void putResult(Map<String, String> vars, String result) {
        if (result != null && !result.isEmpty()) {
            vars.put("detect_speech_result", result);
        }
    }

    private void beginSpeaking(boolean fire) {
        if (fire && eventsEnabled) {
            Map<String, String> own = new LinkedHashMap<>();
            own.put("Speech-Type", "begin-speaking");
            send(FsFrames.event(json, channel.speechEvent(own), null));
        }
    }

    private void detected(boolean fire, String body, String cause) {
        if (fire && eventsEnabled) {
            Map<String, String> own = new LinkedHashMap<>();
            own.put("Speech-Type", "detected-speech");
            if (cause != null) {
                own.put("ASR-Completion-Cause", cause);
            }
            send(FsFrames.event(json, channel.speechEvent(own), body == null ? "" : body));
        }
    }

    /** Returns false when FreeSWITCH would hang the caller up (a failed bridge without continue_on_fail). */
    private boolean bridge(String arg, Map<String, String> vars) {
        String outcome = bridgeOutcomes.isEmpty() ? "answered" : bridgeOutcomes.poll();
        switch (outcome) {
            case "busy" -> failBridge(vars, "USER_BUSY", "BUSY");
            case "noAnswer" -> {
                clock.advance(Duration.ofSeconds(ringSeconds(arg)));
                failBridge(vars, "NO_ANSWER", "NOANSWER");
            }
            case "failed" -> failBridge(vars, "CALL_REJECTED", "CALL_REJECTED");
            default -> {
                String other = UUID.randomUUID().toString();
                Map<String, String> legs = new LinkedHashMap<>();
                legs.put("Bridge-A-Unique-ID", channel.uuid);
                legs.put("Bridge-B-Unique-ID", other);
                legs.put("Other-Leg-Unique-ID", other);
                emit("CHANNEL_BRIDGE", "switch_ivr_bridge.c", "switch_ivr_multi_threaded_bridge", "1708", true, legs);
                vars.put("originate_disposition", "SUCCESS");
                vars.put("DIALSTATUS", "SUCCESS");
                vars.put("last_bridge_to", other);
                vars.put("bridge_hangup_cause", "NORMAL_CLEARING");
                vars.put("last_bridge_hangup_cause", "NORMAL_CLEARING");
                channel.variables.putAll(vars);
                emit("CHANNEL_UNBRIDGE", "switch_ivr_bridge.c", "switch_ivr_multi_threaded_bridge", "1798", true, legs);
                return true;
            }
        }
        // without continue_on_fail FreeSWITCH hangs the caller up after a failed bridge, except after NO_ANSWER,
        // where the dialplan (here: the socket) goes on (captures 12b, 12c, 12d)
        return outcome.equals("noAnswer") || "true".equalsIgnoreCase(channel.variables.get("continue_on_fail"));
    }

    private static void failBridge(Map<String, String> vars, String cause, String dialStatus) {
        vars.put("originate_disposition", cause);
        vars.put("DIALSTATUS", dialStatus);
        vars.put("originate_failed_cause", cause);
    }

    private static long ringSeconds(String dial) {
        int at = dial == null ? -1 : dial.indexOf("originate_timeout=");
        if (at < 0) {
            return 60;
        }
        int end = at + "originate_timeout=".length();
        int stop = end;
        while (stop < dial.length() && Character.isDigit(dial.charAt(stop))) {
            stop++;
        }
        return parseLong(dial.substring(end, stop), 60);
    }

    private void transfer(String arg, String eventUuid) {
        List<String> parts = FsArgSplitter.split(arg, ' ', 3);
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("transfer_source", clock.now().getEpochSecond() + ":" + channel.uuid + ":bl_xfer:"
                + String.join("/", parts));
        complete("transfer", arg, eventUuid, "_none_", vars);
        log.transferredTo = parts.isEmpty() ? "" : parts.getFirst() + (parts.size() > 2 ? "@" + parts.get(2) : "");
        emit("CHANNEL_UNPARK", "switch_ivr.c", "switch_ivr_park", "1213", true, Map.of());
        socketAppComplete();
    }

    /** Returns false when the application does not complete now (it runs until broken, or the caller left). */
    private boolean callcenter(String queue, String eventUuid, Map<String, String> vars) {
        String outcome = queueOutcomes.isEmpty() ? "answered" : queueOutcomes.poll();
        if (outcome.equals("full")) {
            return true; // refused before queueing: no cc_* variables, as with an unknown queue
        }
        vars.put("cc_side", "member");
        vars.put("cc_queue", queue);
        vars.put("cc_member_uuid", UUID.randomUUID().toString());
        vars.put("cc_queue_joined_epoch", Long.toString(clock.now().getEpochSecond()));
        channel.variables.putAll(vars);
        switch (outcome) {
            case "timeout" -> {
                // the runtime bounds the wait itself (mod_callcenter has no per-call maximum): time passes until
                // its timer breaks the wait with uuid_break
                Map<String, String> onBreak = Map.of("cc_cause", "cancel", "cc_cancel_reason", "BREAK_OUT");
                running = new Running("callcenter", queue, eventUuid, onBreak, "_none_");
                if (!clock.advanceToNextTimer() && running != null) {
                    running = null;
                    vars.put("cc_cause", "cancel");
                    vars.put("cc_cancel_reason", "TIMEOUT");
                    return true;
                }
                return false;
            }
            case "noAgents" -> {
                vars.put("cc_cause", "cancel");
                vars.put("cc_cancel_reason", "NO_AGENT_TIMEOUT");
            }
            case "abandoned" -> {
                vars.put("cc_cause", "cancel");
                vars.put("cc_cancel_reason", "BREAK_OUT");
            }
            case "callback" -> {
                String keys = channel.variables.getOrDefault("cc_exit_keys", "");
                if (!keys.isEmpty()) {
                    String key = keys.substring(keys.length() - 1);
                    dtmf(key);
                    vars.put("cc_exit_key", key);
                }
                vars.put("cc_cause", "cancel");
                vars.put("cc_cancel_reason", "BREAK_OUT");
            }
            case "hangup" -> {
                hangUpDuring("callcenter", queue, eventUuid, "_none_", "caller");
                return false;
            }
            default -> {
                vars.put("cc_agent_uuid", UUID.randomUUID().toString());
                vars.put("cc_cause", "answered");
            }
        }
        return true;
    }

    /** record, or the message part of voicemail: RECORD_START/STOP when subscribed (capture 15), a key if scripted. */
    private void recording(String path, Rule rule, Map<String, String> vars) {
        int seconds = recordSeconds();
        if (subscriptions.contains("RECORD_START")) {
            emit("RECORD_START", "switch_ivr_async.c", "switch_ivr_record_file_event", "1418", true,
                    Map.of("Record-File-Path", path));
        }
        if (rule != null && rule.action() == Action.BARGE_IN) {
            dtmf(rule.digit());
            if (terminates(rule.digit())) {
                vars.put("playback_terminator_used", rule.digit());
            }
        }
        clock.advance(Duration.ofSeconds(seconds));
        vars.put("record_ms", Long.toString(seconds * 1000L));
        vars.put("record_seconds", Integer.toString(seconds));
        vars.put("record_samples", Long.toString(seconds * 8000L));
        vars.put("silence_hits_exhausted", seconds == 0 ? "true" : "false");
        if (subscriptions.contains("RECORD_STOP")) {
            channel.variables.putAll(vars);
            emit("RECORD_STOP", "switch_ivr_async.c", "switch_ivr_record_file_event", "1478", true,
                    Map.of("Record-File-Path", path));
        }
    }

    private int recordSeconds() {
        return call.world().recordSeconds() == null ? 5 : call.world().recordSeconds();
    }

    private void schedHangup(String arg) {
        List<String> parts = FsArgSplitter.split(arg == null ? "" : arg, ' ', 2);
        if (parts.isEmpty()) {
            return;
        }
        long seconds = parseLong(parts.getFirst().replace("+", ""), 0);
        String cause = parts.size() > 1 ? parts.get(1) : "ALLOTTED_TIMEOUT";
        clock.schedule(Duration.ofSeconds(seconds), () -> {
            synchronized (SimulatedCall.this) {
                if (channel.up()) {
                    if (running != null) {
                        Running r = running;
                        running = null;
                        hangUpDuring(r.app, r.arg, r.eventUuid, responseOnHangup(r.app), "switch", cause);
                    } else {
                        hangUpIdle(cause, "switch");
                    }
                }
            }
        });
    }

    private void breakRunning() {
        if (running == null || !channel.up()) {
            return;
        }
        Running r = running;
        running = null;
        complete(r.app, r.arg, r.eventUuid, r.response, r.onBreak);
        while (running == null && !queuedApps.isEmpty() && channel.up()) {
            queuedApps.poll().run();
        }
    }

    // ---- hanging up (captures 10, 18, 19a/19b) ----

    private void hangUpDuring(String app, String arg, String eventUuid, String response, String by) {
        hangUpDuring(app, arg, eventUuid, response, by, "NORMAL_CLEARING");
    }

    /** The channel goes down while {@code app} runs: CHANNEL_HANGUP, then the application's completion. */
    private void hangUpDuring(String app, String arg, String eventUuid, String response, String by, String cause) {
        channel.hungUp(cause);
        log.hangupCause = cause;
        log.hungUpBy = by;
        emit("CHANNEL_HANGUP", "switch_channel.c", "switch_channel_perform_hangup", "5068", true, Map.of());
        complete(app, arg, eventUuid, response, Map.of());
        tearDown(false);
    }

    /**
     * The channel goes down while no application runs (capture 18): the linger notice comes at once, before the
     * park loop ends.
     */
    private void hangUpIdle(String cause, String by) {
        channel.hungUp(cause);
        log.hangupCause = cause;
        log.hungUpBy = by;
        emit("CHANNEL_HANGUP", "switch_channel.c", "switch_channel_perform_hangup", "5068", true, Map.of());
        tearDown(true);
    }

    /** The park loop of the socket application ends, the socket application returns, the channel is reported. */
    private void tearDown(boolean noticeFirst) {
        queuedApps.clear();
        running = null;
        if (noticeFirst && lingering) {
            send(FsFrames.lingerNotice(channel.uuid, channel.channelName));
        }
        if (!socketAppDone) {
            emit("CHANNEL_UNPARK", "switch_ivr.c", "switch_ivr_park", "1213", true, Map.of());
        }
        socketAppComplete();
        channel.channelState = "CS_HANGUP";
        channel.stateNumber = "10";
        emit("CHANNEL_STATE", "switch_core_state_machine.c", "switch_core_session_run", "628", true, Map.of());
        channel.channelState = "CS_REPORTING";
        channel.stateNumber = "11";
        channel.callState = "HANGUP";
        emit("CHANNEL_STATE", "switch_core_state_machine.c", "switch_core_session_run", "628", true, Map.of());
        channel.variables.put("hangup_cause", channel.hangupCause);
        emit("CHANNEL_HANGUP_COMPLETE", "switch_core_state_machine.c", "switch_core_session_reporting_state", "943",
                true, Map.of());
        if (!lingering) {
            closeSocket();
        } else if (!noticeFirst) {
            send(FsFrames.lingerNotice(channel.uuid, channel.channelName));
        }
    }

    /** The {@code socket} application itself returns (after a transfer, or as the channel goes down). */
    private void socketAppComplete() {
        if (socketAppDone) {
            return;
        }
        socketAppDone = true;
        Map<String, String> tail = new LinkedHashMap<>();
        tail.put("Application", "socket");
        tail.put("Application-Data", "127.0.0.1:8084 async full");
        tail.put("Application-Response", "_none_");
        tail.put("Application-UUID", UUID.randomUUID().toString());
        emit("CHANNEL_EXECUTE_COMPLETE", "switch_core_session.c", "switch_core_session_exec", "2967", true, tail);
    }

    private static String responseOnHangup(String app) {
        return app.equals("playback") ? "PLAYBACK ERROR" : "_none_";
    }

    // ---- output ----

    private void dtmf(String digit) {
        Map<String, String> tail = new LinkedHashMap<>();
        tail.put("DTMF-Digit", digit);
        tail.put("DTMF-Duration", "2000");
        tail.put("DTMF-Source", "RTP");
        emit("DTMF", "switch_channel.c", "switch_channel_dequeue_dtmf", "677", false, tail);
    }

    private boolean terminates(String digit) {
        String t = channel.variables.getOrDefault("playback_terminators", "*");
        if (t.equalsIgnoreCase("none")) {
            return false;
        }
        return t.equalsIgnoreCase("any") || t.contains(digit);
    }

    private void heard(String target) {
        if (target == null || target.isBlank()) {
            return;
        }
        if (target.startsWith("file_string://")) {
            FsArgSplitter.split(target.substring("file_string://".length()), '!', 128).forEach(this::heard);
            return;
        }
        if (target.startsWith("silence_stream://")) {
            return;
        }
        if (target.startsWith("say:")) {
            log.heard(target.substring(4));
        } else if (target.startsWith("tone_stream://")) {
            log.heard("tone:" + target.substring("tone_stream://".length()));
        } else {
            log.heard("file:" + target);
        }
    }

    private void emit(String name, String file, String function, String line, boolean withVariables,
                      Map<String, String> tail) {
        if (!eventsEnabled) {
            return; // no myevents or event command yet: FreeSWITCH sends no events
        }
        LinkedHashMap<String, String> headers = channel.event(name, file, function, line, withVariables);
        headers.putAll(tail);
        send(FsFrames.event(json, headers, null));
    }

    private void reply(String text) {
        send(FsFrames.commandReply(text));
    }

    private void send(byte[] frame) {
        OutputStream o = out;
        if (o == null) {
            return;
        }
        try {
            o.write(frame);
            o.flush();
            log.frame(frame);
        } catch (IOException e) {
            // the runtime closed the socket; the reading loop ends the call
        }
    }

    private synchronized void closeSocket() {
        Socket s = socket;
        if (s != null && !s.isClosed()) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing
            }
        }
        closedByUs = true;
    }

    private volatile boolean closedByUs;

    private boolean socketClosedByUs() {
        return closedByUs;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long parseLong(String s, long fallback) {
        try {
            return Long.parseLong(s == null ? "" : s.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
