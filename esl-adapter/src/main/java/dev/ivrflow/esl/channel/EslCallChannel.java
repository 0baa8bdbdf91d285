package dev.ivrflow.esl.channel;

import dev.ivrflow.esl.codec.EslEvent;
import dev.ivrflow.flow.port.Audio;
import dev.ivrflow.flow.port.BridgeRequest;
import dev.ivrflow.flow.port.BridgeResult;
import dev.ivrflow.flow.port.CallChannel;
import dev.ivrflow.flow.port.CallInfo;
import dev.ivrflow.flow.port.DigitRequest;
import dev.ivrflow.flow.port.DigitResult;
import dev.ivrflow.flow.port.HangupCause;
import dev.ivrflow.flow.port.QueueRequest;
import dev.ivrflow.flow.port.QueueResult;
import dev.ivrflow.flow.port.RecordRequest;
import dev.ivrflow.flow.port.RecordResult;
import dev.ivrflow.flow.port.RuntimeClock;
import dev.ivrflow.flow.port.SpeechCommands;
import dev.ivrflow.flow.port.SpeechCommands.Recognition;
import dev.ivrflow.flow.port.SpeechCommands.RecognitionOutcome;
import dev.ivrflow.flow.port.SpeechCommands.SpeechEvent;
import dev.ivrflow.flow.port.SpeechRequest;
import dev.ivrflow.flow.port.SpeechResult;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A call's {@link CallChannel} over the FreeSWITCH Event Socket: every action is one dialplan application (or a
 * few, sent back to back), run with {@code sendmsg execute} and finished by its CHANNEL_EXECUTE_COMPLETE, whose
 * channel variables hold the result. Results are read on the call's serial executor, never on the socket's thread.
 *
 * <h2>Digits: play_and_get_digits, not DTMF events</h2>
 * {@link #collectDigits} runs {@code play_and_get_digits} with {@code tries=1} (the interpreter counts attempts and
 * plays the reprompts itself) and reads the digits from a variable named afresh for every request, on the
 * completion event. We chose this over assembling digits from DTMF events with our own timers because:
 * <ul>
 *   <li>FreeSWITCH times the first-digit and inter-digit timeouts against the media it is playing, so a timeout
 *       starts when the prompt really ends, not when a network message says it did;</li>
 *   <li>barge-in, terminators and type-ahead (keys pressed during the prompt) are handled where the audio is, with
 *       no race between "the prompt finished" and "a key arrived";</li>
 *   <li>one request gives one answer: a waiting caller costs no timers in this process, and a lost socket cannot
 *       leave half-collected digits behind;</li>
 *   <li>the result is one event to read, which the captures show exactly (capture 11), including its traps:
 *       {@code read_result} keeps an old value after a failure and the digits variable stays unset, hence the
 *       fresh variable name.</li>
 * </ul>
 * DTMF events still arrive (the connection passes them to {@link #dtmf}); they back up speech recognition with
 * keys when the recogniser reports none.
 *
 * <h2>Audio</h2>
 * A file or URL plays as it is, a tone as {@code tone_stream://}, and text alone with {@code speak} as the
 * {@link SpeechCommands} build it ({@code speak unimrcp:<profile>|<voice>|<text or SSML>}; SSML in the message body).
 * Text inside a prompt of play_and_get_digits or play_and_detect_speech, or mixed with files, plays as
 * {@code say:<text>} with the channel's {@code tts_engine} and {@code tts_voice} set first (the engine and voice the
 * speech commands chose): FreeSWITCH's file player speaks {@code say:} targets with them. Barge-in on a playback is
 * {@code playback_terminators=any} (else {@code none}); the key that stopped the prompt is
 * {@code playback_terminator_used} (capture 10). Channel variables this class sets for itself are remembered, so each
 * is sent only when its value changes.
 *
 * <h2>Speech</h2>
 * {@link #detectSpeech} runs {@code play_and_detect_speech}, its argument built by the {@link SpeechCommands}
 * (profile, grammar, parameters) after the variables they need ({@code fire_asr_events=true}, ...). With barge-in,
 * the prompt plays inside the recognition and FreeSWITCH stops it when the recogniser reports the start of input
 * (speech, or a key: FreeSWITCH feeds keys to the recogniser); without, the prompt plays first on its own and the
 * recognition listens afterwards. {@code playback_terminators} does not apply inside play_and_detect_speech (its
 * input callback ignores keys), so keys are read two ways: as the recogniser's result when a DTMF grammar is active,
 * else from the call's DTMF events meanwhile, which take the place of a no-match, a no-input or a failed
 * recognition. The DETECTED_SPEECH events of the recognition and its completion go to the speech commands, which
 * read the result. Before the call moves on to something long (a bridge, a queue, a recording...), a recogniser the
 * commands keep open is released ({@code detect_speech stop}).
 *
 * <h2>Time limits FreeSWITCH does not have</h2>
 * {@code echo} runs until it is broken and mod_callcenter has no per-call maximum wait, so both are bounded by a
 * timer on the call's clock that sends {@code api uuid_break <uuid>} over the call's own socket (an {@code api}
 * works on the outbound socket: capture 04; a {@code sendmsg} would only queue behind the running application).
 * {@link #stopCurrent} sends {@code uuid_break <uuid> all}, which also drops queued applications.
 *
 * <h2>Queues</h2>
 * mod_callcenter supports the exit keys ({@code cc_exit_keys}); the callback key is one more exit key, told apart
 * by {@code cc_exit_key}. It does not announce the position or the estimated wait (its member thread has only a
 * "TODO" for announcements), so {@code announcePosition}, {@code announceEstimatedWait} and {@code announceEvery}
 * are not acted on here: put announcements in the queue's music on hold. It has no member limit either, so FULL is
 * reported when the queue refuses the caller outright (unknown or unloaded queue).
 *
 * <p>Every argument from a flow is checked by {@link FsArgs} before anything is sent: a bad one fails the node
 * with a sentence, never reaches the socket.
 */
public final class EslCallChannel implements CallChannel {
    private static final System.Logger LOG = System.getLogger(EslCallChannel.class.getName());
    private static final Duration MAX_FOLLOW_UP_DIGIT_WAIT = Duration.ofSeconds(5);

    private final CallInfo info;
    private final EslCallControl control;
    private final RuntimeClock clock;
    private final EslChannelSettings settings;
    private final SpeechCommands speech;
    /** Variables this channel set, with the value FreeSWITCH has; only a change is sent again. */
    private final Map<String, String> knownVariables = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();
    private final StringBuffer dtmfLog = new StringBuffer();
    /** The DETECTED_SPEECH events of this call, in order (a recognition reads those after its start). */
    private final List<SpeechEvent> speechEvents = new ArrayList<>();
    /** How many speech events were dropped from the front of {@link #speechEvents} (a runaway recogniser). */
    private long speechEventsDropped;
    /** A recognition ran since the recogniser was last released. */
    private volatile boolean recognizerHeld;

    public EslCallChannel(CallInfo info, EslCallControl control, RuntimeClock clock, EslChannelSettings settings,
                          SpeechCommands speech) {
        this.info = Objects.requireNonNull(info, "info");
        this.control = Objects.requireNonNull(control, "control");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.speech = Objects.requireNonNull(speech, "speech");
    }

    @Override
    public CallInfo info() {
        return info;
    }

    /** A DTMF event of this call (from the socket's thread). */
    public void dtmf(String digit) {
        if (digit != null && !digit.isEmpty()) {
            dtmfLog.append(digit.charAt(0));
        }
    }

    /** A DETECTED_SPEECH event of this call (from the socket's thread): {@code Speech-Type}, headers, body. */
    public void speechEvent(String type, Map<String, String> headers, String body) {
        synchronized (speechEvents) {
            if (speechEvents.size() >= 1_000) {
                speechEvents.subList(0, 500).clear(); // a runaway recogniser must not grow the call without bound
                speechEventsDropped += 500;
            }
            speechEvents.add(new SpeechEvent(type, headers, body));
        }
    }

    // ---- audio and input ----

    @Override
    public CompletionStage<PlayResult> play(List<Audio> audio, boolean bargeIn) {
        if (audio.isEmpty()) {
            return CompletableFuture.completedFuture(PlayResult.COMPLETED);
        }
        return guard(() -> {
            List<EslApp> apps = new ArrayList<>();
            setIfChanged(apps, "playback_terminators", bargeIn ? "any" : "none");
            if (audio.size() == 1 && audio.getFirst() instanceof Audio.Speech text) {
                apps.add(app(speechCall(() -> speech.speak(text, info))));
            } else {
                useVoiceOf(apps, audio);
                apps.add(EslApp.of("playback", AudioArgs.target(audio)));
            }
            return map(run(apps), done -> new PlayResult(bargeIn ? Outcomes.terminator(done) : null));
        });
    }

    @Override
    public CompletionStage<DigitResult> collectDigits(List<Audio> prompt, DigitRequest request) {
        return guard(() -> {
            List<EslApp> apps = new ArrayList<>();
            String promptTarget = settings.silence();
            if (!prompt.isEmpty()) {
                useVoiceOf(apps, prompt);
                if (request.bargeIn()) {
                    promptTarget = AudioArgs.target(prompt);
                } else {
                    setIfChanged(apps, "playback_terminators", "none");
                    apps.add(EslApp.of("playback", AudioArgs.target(prompt)));
                }
            }
            String variable = "ivrflow_digits_" + requests.incrementAndGet();
            apps.add(EslApp.of("play_and_get_digits", digitsArg(1, Math.max(1, request.maxDigits()),
                    request.firstDigitTimeout(), request.terminators(), promptTarget, variable,
                    request.interDigitTimeout())));
            return map(run(apps), done -> Outcomes.digits(done, variable, request));
        });
    }

    private String digitsArg(int min, int max, Duration timeout, String terminators, String prompt, String variable,
                             Duration interDigit) {
        String term = terminators == null || terminators.isEmpty() ? "none"
                : FsArgs.require("terminators", terminators, FsArgs.DIGITS);
        // min max tries timeout terminators file invalid_file var_name regexp digit_timeout
        return min + " " + Math.min(max, 128) + " 1 " + millis(timeout) + " " + term + " " + FsArgs.quoted(prompt) + " "
                + settings.silence() + " " + variable + " .+ " + millis(interDigit);
    }

    @Override
    public CompletionStage<SpeechResult> detectSpeech(List<Audio> prompt, SpeechRequest request) {
        return guard(() -> {
            List<EslApp> apps = new ArrayList<>();
            speech.recognitionVariables().forEach((name, value) -> setIfChanged(apps, name, value));
            String promptTarget = settings.silence();
            if (!prompt.isEmpty()) {
                useVoiceOf(apps, prompt);
                if (request.bargeIn()) {
                    promptTarget = AudioArgs.target(prompt);
                } else {
                    setIfChanged(apps, "playback_terminators", "none");
                    apps.add(EslApp.of("playback", AudioArgs.target(prompt)));
                }
            }
            String listenWhile = promptTarget;
            Recognition recognition;
            try {
                recognition = speechCall(() -> speech.recognize(listenWhile, request, info));
            } catch (UnsupportedOperationException e) {
                return CompletableFuture.completedFuture(SpeechResult.error(e.getMessage()));
            }
            apps.add(app(recognition.app()));
            int dtmfMark = dtmfLog.length();
            long eventMark = speechEventCount();
            recognizerHeld = true;
            return run(apps).thenComposeAsync(done -> speechOutcome(done, recognition, request, dtmfMark, eventMark),
                    control.executor());
        });
    }

    private CompletionStage<SpeechResult> speechOutcome(EslEvent done, Recognition recognition, SpeechRequest request,
                                                        int dtmfMark, long eventMark) {
        RecognitionOutcome outcome = new RecognitionOutcome(done.applicationResponse().orElse(null),
                done.variable("detect_speech_result").orElse(null), speechEventsSince(eventMark));
        SpeechResult result = speech.read(recognition, outcome);
        if (!request.digitsToo() || result.status() == SpeechResult.Status.RECOGNIZED) {
            return CompletableFuture.completedFuture(result);
        }
        String keys = dtmfLog.length() > dtmfMark ? dtmfLog.substring(dtmfMark) : "";
        if (keys.isEmpty()) {
            return CompletableFuture.completedFuture(result);
        }
        if (result.status() == SpeechResult.Status.ERROR) {
            LOG.log(System.Logger.Level.DEBUG, "{0}: the recognition failed ({1}) but keys were pressed: {2}",
                    info.uuid(), result.error(), keys);
        }
        return keys.length() >= Math.max(1, request.maxDigits()) ? completedDtmf(keys) : moreDigits(keys, request);
    }

    /** A key stopped the recognition of a menu with longer options: read the rest with play_and_get_digits. */
    private CompletionStage<SpeechResult> moreDigits(String first, SpeechRequest request) {
        Duration wait = request.noInputTimeout() == null || request.noInputTimeout().compareTo(MAX_FOLLOW_UP_DIGIT_WAIT) > 0
                ? MAX_FOLLOW_UP_DIGIT_WAIT : request.noInputTimeout();
        String variable = "ivrflow_more_digits_" + requests.incrementAndGet();
        EslApp rest = EslApp.of("play_and_get_digits", digitsArg(1, request.maxDigits() - first.length(), wait, "#",
                settings.silence(), variable, wait));
        return control.execute(rest).thenApplyAsync(done -> {
            String more = Outcomes.nonEmpty(done.variable(variable)).orElse("");
            return dtmfResult(first + more);
        }, control.executor());
    }

    private static CompletionStage<SpeechResult> completedDtmf(String keys) {
        return CompletableFuture.completedFuture(dtmfResult(keys));
    }

    private static SpeechResult dtmfResult(String keys) {
        return SpeechResult.keys(keys);
    }

    // ---- call control ----

    @Override
    public CompletionStage<BridgeResult> bridge(BridgeRequest request) {
        return guard(() -> {
            List<EslApp> apps = new ArrayList<>();
            releaseRecognizer(apps);
            setIfChanged(apps, "continue_on_fail", "true");
            setIfChanged(apps, "hangup_after_bridge", "false");
            apps.add(quick("multiunset", "DIALSTATUS originate_disposition originate_failed_cause "
                    + "bridge_hangup_cause last_bridge_hangup_cause"));
            apps.add(EslApp.of("bridge", DialString.of(request, settings.sipProfile())));
            return map(run(apps), Outcomes::bridge);
        });
    }

    @Override
    public CompletionStage<Void> blindTransfer(String extension, String context) {
        return guard(() -> {
            String arg = FsArgs.require("extension", extension, FsArgs.EXTENSION) + " XML "
                    + FsArgs.require("dialplan context", context, FsArgs.CONTEXT);
            List<EslApp> apps = new ArrayList<>();
            releaseRecognizer(apps);
            apps.add(quick("transfer", arg));
            return map(run(apps), done -> {
                control.handedOff();
                return null;
            });
        });
    }

    @Override
    public CompletionStage<QueueResult> enterQueue(QueueRequest request) {
        return guard(() -> {
            String queue = FsArgs.require("queue", request.queue(), FsArgs.NAME);
            String keys = digit(request.exitDigit()) + digit(request.callbackDigit());
            List<EslApp> apps = new ArrayList<>();
            releaseRecognizer(apps);
            setIfChanged(apps, "cc_exit_keys", keys);
            apps.add(quick("multiunset", "cc_cause cc_cancel_reason cc_exit_key"));
            apps.add(EslApp.of("callcenter", queue));
            AtomicBoolean expired = new AtomicBoolean();
            return map(runBounded(apps, request.maxWait(), expired), done -> Outcomes.queue(done, request, expired.get()));
        });
    }

    @Override
    public CompletionStage<Void> voicemail(String mailbox, boolean skipGreeting) {
        return guard(() -> {
            String box = FsArgs.require("mailbox", mailbox, FsArgs.NAME);
            String domain = settings.voicemailDomain();
            int at = box.indexOf('@');
            if (at > 0) {
                domain = box.substring(at + 1);
                box = box.substring(0, at);
            }
            List<EslApp> apps = new ArrayList<>();
            releaseRecognizer(apps);
            setIfChanged(apps, "skip_greeting", skipGreeting ? "true" : "false");
            apps.add(EslApp.of("voicemail", settings.voicemailProfile() + " " + domain + " " + box));
            return map(run(apps), done -> null);
        });
    }

    @Override
    public CompletionStage<RecordResult> record(RecordRequest request) {
        return guard(() -> {
            String path = FsArgs.require("recording path", request.path(), FsArgs.RECORD_PATH);
            List<EslApp> apps = new ArrayList<>();
            releaseRecognizer(apps);
            setIfChanged(apps, "playback_terminators", "#");
            apps.add(quick("multiunset", "record_ms record_seconds"));
            if (request.beep()) {
                apps.add(EslApp.of("playback", settings.beep()));
            }
            long max = request.max() == null ? 0 : Math.max(1, request.max().toSeconds());
            long silence = request.silence() == null ? 0 : Math.max(0, request.silence().toSeconds());
            apps.add(EslApp.of("record", path + " " + max + " " + Math.max(0, request.silenceThreshold()) + " " + silence));
            return map(run(apps), done -> new RecordResult(request.path(), Outcomes.recordLength(done)));
        });
    }

    @Override
    public CompletionStage<Void> conference(String room, String profile, String pin) {
        return guard(() -> {
            String arg = FsArgs.require("conference room", room, FsArgs.NAME) + "@"
                    + FsArgs.require("conference profile", profile, FsArgs.NAME)
                    + (pin == null || pin.isEmpty() ? "" : "+" + FsArgs.require("conference PIN", pin, FsArgs.PIN));
            List<EslApp> apps = new ArrayList<>();
            releaseRecognizer(apps);
            apps.add(EslApp.of("conference", arg));
            return map(run(apps), done -> null);
        });
    }

    @Override
    public CompletionStage<Void> echo(Duration max) {
        return guard(() -> {
            List<EslApp> apps = new ArrayList<>();
            releaseRecognizer(apps);
            apps.add(EslApp.of("echo", null));
            return map(runBounded(apps, max, new AtomicBoolean()), done -> null);
        });
    }

    @Override
    public CompletionStage<Void> setVariable(String name, String value) {
        return guard(() -> {
            String variable = FsArgs.require("variable name", name, FsArgs.VARIABLE_NAME);
            String checked = FsArgs.value("value of " + variable, value);
            knownVariables.remove(variable);
            return map(run(List.of(quick("set", variable + "=" + checked))), done -> {
                knownVariables.put(variable, checked);
                return null;
            });
        });
    }

    @Override
    public CompletionStage<Void> scheduleHangup(Duration after) {
        return guard(() -> {
            long seconds = Math.max(1, after.toSeconds());
            return map(run(List.of(quick("sched_hangup", "+" + seconds + " " + HangupCause.ALLOTTED_TIMEOUT.q850()))),
                    done -> null);
        });
    }

    @Override
    public CompletionStage<Void> hangup(HangupCause cause) {
        return guard(() -> map(run(List.of(quick("hangup",
                FsArgs.require("hangup cause", cause.q850(), FsArgs.HANGUP_CAUSE)))), done -> null));
    }

    @Override
    public void stopCurrent() {
        control.api("uuid_break " + info.uuid() + " all").whenComplete((reply, error) -> {
            if (error != null) {
                LOG.log(System.Logger.Level.DEBUG, "{0}: uuid_break failed: {1}", info.uuid(), error.getMessage());
            }
        });
    }

    // ---- helpers ----

    /**
     * Sends the applications back to back (FreeSWITCH runs them in order) and completes with the last one's
     * completion; an earlier one that fails fails the whole.
     */
    private CompletionStage<EslEvent> run(List<EslApp> apps) {
        CompletableFuture<EslEvent> result = new CompletableFuture<>();
        for (int i = 0; i < apps.size(); i++) {
            EslApp app = apps.get(i);
            CompletionStage<EslEvent> stage = control.execute(app);
            boolean last = i == apps.size() - 1;
            stage.whenComplete((done, error) -> {
                if (error != null) {
                    if (app.name().equals("set")) {
                        knownVariables.remove(app.arg().substring(0, app.arg().indexOf('=')));
                    }
                    result.completeExceptionally(error);
                } else if (last) {
                    result.complete(done);
                }
            });
        }
        return result;
    }

    /** Maps a completion on the call's executor, keeping the socket's thread free. */
    private <T> CompletionStage<T> map(CompletionStage<EslEvent> stage, java.util.function.Function<EslEvent, T> mapper) {
        return stage.thenApplyAsync(mapper, control.executor());
    }

    private <T> CompletionStage<T> guard(Supplier<CompletionStage<T>> body) {
        try {
            return body.get();
        } catch (EslRequestFailed e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private EslApp quick(String name, String arg) {
        return EslApp.quick(name, arg, settings.quickAppTimeout());
    }

    private void setIfChanged(List<EslApp> apps, String name, String value) {
        if (!value.equals(knownVariables.get(name))) {
            knownVariables.put(name, value);
            apps.add(quick("set", name + "=" + value));
        }
    }

    private void useVoiceOf(List<EslApp> apps, List<Audio> audio) {
        Audio.Speech text = AudioArgs.firstSpeech(audio);
        if (text != null) {
            SpeechCommands.Voice voice = speechCall(() -> speech.voice(text, info));
            setIfChanged(apps, "tts_engine", FsArgs.require("TTS engine", voice.engine(), FsArgs.ENGINE));
            setIfChanged(apps, "tts_voice", FsArgs.value("TTS voice", voice.voice()));
        }
    }

    /** What the speech commands build; a refusal (IllegalArgumentException) fails the node with its reason. */
    private static <T> T speechCall(Supplier<T> call) {
        try {
            return call.get();
        } catch (IllegalArgumentException e) {
            throw FsArgs.invalid(e.getMessage());
        }
    }

    private static EslApp app(SpeechCommands.SwitchApp app) {
        return app.inBody() ? EslApp.withBody(app.name(), app.arg()) : EslApp.of(app.name(), app.arg());
    }

    /** Releases the recogniser the speech commands keep open between recognitions, before something long. */
    private void releaseRecognizer(List<EslApp> apps) {
        if (recognizerHeld) {
            speech.release().ifPresent(release -> apps.add(EslApp.of(release.name(), release.arg())));
            recognizerHeld = false;
        }
    }

    private long speechEventCount() {
        synchronized (speechEvents) {
            return speechEventsDropped + speechEvents.size();
        }
    }

    private List<SpeechEvent> speechEventsSince(long mark) {
        synchronized (speechEvents) {
            int from = (int) Math.max(0, Math.min(speechEvents.size(), mark - speechEventsDropped));
            return List.copyOf(speechEvents.subList(from, speechEvents.size()));
        }
    }

    private static String digit(String key) {
        return key == null ? "" : FsArgs.require("key", key, FsArgs.DIGITS);
    }

    /**
     * Runs the applications, breaking the running one after {@code max} unless it completed first ({@code expired}
     * then says so). The timer is armed before the commands leave: a switch that lets time pass as soon as it starts
     * the application (the FreeSWITCH simulator jumps its clock to the next timer when a caller is queued) must find
     * the bound already set, or it jumps to a later one (the call's length limit) and cuts the call.
     */
    private CompletionStage<EslEvent> runBounded(List<EslApp> apps, Duration max, AtomicBoolean expired) {
        if (max == null || max.isZero() || max.isNegative()) {
            return run(apps);
        }
        AtomicBoolean finished = new AtomicBoolean();
        RuntimeClock.Cancellable timer = clock.schedule(max, () -> {
            if (!finished.get()) {
                expired.set(true);
                control.api("uuid_break " + info.uuid()).whenComplete((reply, error) -> {
                    if (error != null) {
                        LOG.log(System.Logger.Level.WARNING, "{0}: could not end the wait after {1}: {2}", info.uuid(),
                                max, error.getMessage());
                    }
                });
            }
        });
        CompletionStage<EslEvent> running;
        try {
            running = run(apps);
        } catch (RuntimeException e) {
            timer.cancel();
            throw e;
        }
        return running.whenComplete((done, error) -> {
            finished.set(true);
            timer.cancel();
        });
    }

    private static long millis(Duration d) {
        return d == null ? 0 : Math.max(0, d.toMillis());
    }
}
