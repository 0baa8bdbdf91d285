package dev.ivrflow.flow.sim;

import dev.ivrflow.flow.port.Audio;
import dev.ivrflow.flow.port.BridgeRequest;
import dev.ivrflow.flow.port.BridgeResult;
import dev.ivrflow.flow.port.CallChannel;
import dev.ivrflow.flow.port.CallEvents;
import dev.ivrflow.flow.port.CallInfo;
import dev.ivrflow.flow.port.DigitRequest;
import dev.ivrflow.flow.port.DigitResult;
import dev.ivrflow.flow.port.HangupCause;
import dev.ivrflow.flow.port.QueueRequest;
import dev.ivrflow.flow.port.QueueResult;
import dev.ivrflow.flow.port.RecordRequest;
import dev.ivrflow.flow.port.RecordResult;
import dev.ivrflow.flow.port.SpeechRequest;
import dev.ivrflow.flow.port.SpeechResult;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A call channel with a scripted caller and a scripted world, on a manual clock. It records what the caller
 * heard and every action the flow asked for. When the flow waits for the caller and the script is empty, a
 * scripted simulation hangs up; an interactive one parks the request until {@link #feed} brings a step.
 */
public final class SimulatedChannel implements CallChannel {
    private static final CompletableFuture<?> NEVER = new CompletableFuture<>();

    private final CallInfo info;
    private final ManualClock clock;
    private final Deque<CallerStep> script;
    private final boolean interactive;
    private final Deque<String> bridgeOutcomes;
    private final Deque<String> queueOutcomes;
    private final SimWorld world;
    private final List<String> heard = new ArrayList<>();
    private final List<SimAction> actions = new ArrayList<>();
    private final SpeechMatcher speech = new SpeechMatcher();
    private CallEvents events;
    private Consumer<SimEvent> listener = e -> { };
    private Pending pending;
    private boolean hungUp;

    /** Something the caller or the flow did, for live observers (the HTTP simulator streams these). */
    public record SimEvent(String kind, Map<String, Object> detail) {
    }

    private record Pending(Function<CallerStep, Object> answer, CompletableFuture<Object> future) {
    }

    public SimulatedChannel(CallInfo info, ManualClock clock, List<CallerStep> script, SimWorld world,
                            boolean interactive) {
        this.info = info;
        this.clock = clock;
        this.script = new ArrayDeque<>(script);
        this.world = world == null ? SimWorld.DEFAULT : world;
        this.interactive = interactive;
        this.bridgeOutcomes = new ArrayDeque<>(this.world.bridge() == null ? List.of() : this.world.bridge());
        this.queueOutcomes = new ArrayDeque<>(this.world.queue() == null ? List.of() : this.world.queue());
    }

    public void attach(CallEvents events) {
        this.events = events;
    }

    public void listen(Consumer<SimEvent> listener) {
        this.listener = listener;
    }

    public List<String> heard() {
        return Collections.unmodifiableList(heard);
    }

    public List<SimAction> actions() {
        return Collections.unmodifiableList(actions);
    }

    public boolean waitingForCaller() {
        return pending != null;
    }

    /** Gives the caller's next step: answers a parked request at once, or queues it for the next one. */
    public void feed(CallerStep step) {
        if (hungUp) return;
        if (pending == null) {
            if (step.kind() == CallerStep.Kind.HANGUP) {
                callerHangsUp();
                return;
            }
            script.add(step);
            return;
        }
        Pending p = pending;
        pending = null;
        respond(p, step);
    }

    @Override
    public CallInfo info() {
        return info;
    }

    @Override
    public CompletionStage<PlayResult> play(List<Audio> audio, boolean bargeIn) {
        hear(audio);
        act("play", Map.of("audio", describe(audio), "bargeIn", bargeIn));
        return CompletableFuture.completedFuture(PlayResult.COMPLETED);
    }

    @Override
    public CompletionStage<DigitResult> collectDigits(List<Audio> prompt, DigitRequest request) {
        hear(prompt);
        act("collectDigits", Map.of("min", request.minDigits(), "max", request.maxDigits(),
                "terminators", request.terminators()));
        return waitForCaller(step -> switch (step.kind()) {
            case PRESS -> digits(step.press(), request);
            default -> {
                clock.advance(request.firstDigitTimeout());
                yield DigitResult.timeout();
            }
        });
    }

    private static DigitResult digits(String pressed, DigitRequest request) {
        StringBuilder digits = new StringBuilder();
        for (char c : pressed.toCharArray()) {
            if (request.terminators().indexOf(c) >= 0) return new DigitResult(digits.toString(), DigitResult.Ending.TERMINATOR);
            digits.append(c);
            if (digits.length() >= request.maxDigits()) return new DigitResult(digits.toString(), DigitResult.Ending.COMPLETE);
        }
        return new DigitResult(digits.toString(), DigitResult.Ending.TIMEOUT);
    }

    @Override
    public CompletionStage<SpeechResult> detectSpeech(List<Audio> prompt, SpeechRequest request) {
        hear(prompt);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("language", request.language());
        if (request.profile() != null) d.put("profile", request.profile());
        d.put("digitsToo", request.digitsToo());
        act("detectSpeech", d);
        if (Boolean.TRUE.equals(world.speechFails())) {
            return CompletableFuture.completedFuture(SpeechResult.error("the simulated recogniser is down"));
        }
        return waitForCaller(step -> switch (step.kind()) {
            case PRESS -> request.digitsToo()
                    ? new SpeechResult(SpeechResult.Status.RECOGNIZED, List.of(new SpeechResult.Hypothesis(
                    step.press(), step.press(), 1.0, SpeechResult.Mode.DTMF, "dtmf")), null)
                    : silence(request);
            case SAY -> speech.match(step.say(), step.confidence(), request.grammars());
            default -> silence(request);
        });
    }

    private SpeechResult silence(SpeechRequest request) {
        clock.advance(request.noInputTimeout());
        return SpeechResult.noInput();
    }

    @Override
    public CompletionStage<BridgeResult> bridge(BridgeRequest request) {
        String outcome = bridgeOutcomes.isEmpty() ? "answered" : bridgeOutcomes.poll();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("kind", request.kind().name().toLowerCase(java.util.Locale.ROOT));
        d.put("destination", request.destination());
        if (request.gateway() != null) d.put("gateway", request.gateway());
        d.put("outcome", outcome);
        act("bridge", d);
        BridgeResult r = switch (outcome) {
            case "busy" -> new BridgeResult(BridgeResult.Outcome.BUSY, "USER_BUSY");
            case "noAnswer" -> {
                clock.advance(request.ringTimeout());
                yield new BridgeResult(BridgeResult.Outcome.NO_ANSWER, "NO_ANSWER");
            }
            case "failed" -> new BridgeResult(BridgeResult.Outcome.FAILED, "CALL_REJECTED");
            default -> new BridgeResult(BridgeResult.Outcome.ANSWERED, "NORMAL_CLEARING");
        };
        return CompletableFuture.completedFuture(r);
    }

    @Override
    public CompletionStage<Void> blindTransfer(String extension, String context) {
        act("blindTransfer", Map.of("extension", extension, "context", context));
        return done();
    }

    @Override
    public CompletionStage<QueueResult> enterQueue(QueueRequest request) {
        String outcome = queueOutcomes.isEmpty() ? "answered" : queueOutcomes.poll();
        act("queue", Map.of("queue", request.queue(), "outcome", outcome));
        if (outcome.equals("hangup")) {
            callerHangsUp();
            return new CompletableFuture<>();
        }
        QueueResult.Outcome o = switch (outcome) {
            case "timeout" -> {
                clock.advance(request.maxWait());
                yield QueueResult.Outcome.TIMEOUT;
            }
            case "noAgents" -> QueueResult.Outcome.NO_AGENTS;
            case "full" -> QueueResult.Outcome.FULL;
            case "abandoned" -> QueueResult.Outcome.ABANDONED;
            case "callback" -> QueueResult.Outcome.CALLBACK;
            default -> QueueResult.Outcome.ANSWERED;
        };
        return CompletableFuture.completedFuture(new QueueResult(o, o == QueueResult.Outcome.ANSWERED ? "agent-1" : null));
    }

    @Override
    public CompletionStage<Void> voicemail(String mailbox, boolean skipGreeting) {
        act("voicemail", Map.of("mailbox", mailbox, "skipGreeting", skipGreeting));
        return done();
    }

    @Override
    public CompletionStage<RecordResult> record(RecordRequest request) {
        int seconds = world.recordSeconds() == null ? 5 : world.recordSeconds();
        if (request.beep()) hear(List.of(new Audio.Tone("beep")));
        act("record", Map.of("path", request.path(), "maxSeconds", request.max().toSeconds()));
        clock.advance(Duration.ofSeconds(seconds));
        return CompletableFuture.completedFuture(new RecordResult(request.path(), Duration.ofSeconds(seconds)));
    }

    @Override
    public CompletionStage<Void> conference(String room, String profile, String pin) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("room", room);
        d.put("profile", profile);
        if (pin != null) d.put("pin", pin);
        act("conference", d);
        return done();
    }

    @Override
    public CompletionStage<Void> echo(Duration max) {
        act("echo", Map.of("maxSeconds", max.toSeconds()));
        return done();
    }

    @Override
    public CompletionStage<Void> setVariable(String name, String value) {
        act("setVariable", Map.of("name", name, "value", value));
        return done();
    }

    @Override
    public CompletionStage<Void> scheduleHangup(Duration after) {
        act("scheduleHangup", Map.of("seconds", after.toSeconds()));
        return done();
    }

    @Override
    public CompletionStage<Void> hangup(HangupCause cause) {
        act("hangup", Map.of("cause", cause.q850()));
        hungUp = true;
        pending = null;
        return done();
    }

    @Override
    public void stopCurrent() {
        pending = null;
    }

    @SuppressWarnings("unchecked")
    private <T> CompletionStage<T> waitForCaller(Function<CallerStep, T> answer) {
        if (hungUp) return (CompletionStage<T>) NEVER;
        CompletableFuture<Object> future = new CompletableFuture<>();
        Pending p = new Pending((Function<CallerStep, Object>) answer, future);
        CallerStep next = script.poll();
        if (next != null) {
            respond(p, next);
        } else if (interactive) {
            pending = p;
            listener.accept(new SimEvent("waiting", Map.of()));
        } else {
            callerHangsUp();
        }
        return (CompletionStage<T>) future;
    }

    private void respond(Pending p, CallerStep step) {
        listener.accept(new SimEvent("caller", Map.of("step", step.toString())));
        if (step.kind() == CallerStep.Kind.HANGUP) {
            callerHangsUp();
            return;
        }
        p.future().complete(p.answer().apply(step));
    }

    private void callerHangsUp() {
        if (hungUp) return;
        hungUp = true;
        pending = null;
        act("callerHangup", Map.of());
        if (events != null) events.hungUp("NORMAL_CLEARING");
    }

    private void hear(List<Audio> audio) {
        for (Audio a : audio) {
            String h = switch (a) {
                case Audio.Speech s -> s.text();
                case Audio.File f -> "file:" + f.location();
                case Audio.Tone t -> "tone:" + t.spec();
            };
            heard.add(h);
            listener.accept(new SimEvent("heard", Map.of("text", h)));
        }
    }

    private static List<String> describe(List<Audio> audio) {
        return audio.stream().map(a -> switch (a) {
            case Audio.Speech s -> "speech:" + s.text();
            case Audio.File f -> "file:" + f.location();
            case Audio.Tone t -> "tone:" + t.spec();
        }).toList();
    }

    private void act(String action, Map<String, Object> detail) {
        record(new SimAction(action, detail));
    }

    /** Records an action taken outside the channel (an HTTP request), in order with the channel's own. */
    void record(SimAction a) {
        actions.add(a);
        listener.accept(new SimEvent("action", Map.of("action", a.action(), "detail", a.detail())));
    }

    private static CompletionStage<Void> done() {
        return CompletableFuture.completedFuture(null);
    }
}
