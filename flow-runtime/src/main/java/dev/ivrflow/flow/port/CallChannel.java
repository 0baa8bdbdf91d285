package dev.ivrflow.flow.port;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * One live call, as the interpreter sees it. Every action completes asynchronously; the interpreter never
 * blocks on one. A stage completes exceptionally only when the action could not be carried out at all (the
 * switch refused it, or no reply came in time): that is a node failure. A caller hanging up is reported
 * through {@link CallEvents#hungUp}, and pending stages may then never complete.
 */
public interface CallChannel {

    CallInfo info();

    CompletionStage<PlayResult> play(List<Audio> audio, boolean bargeIn);

    CompletionStage<DigitResult> collectDigits(List<Audio> prompt, DigitRequest request);

    CompletionStage<SpeechResult> detectSpeech(List<Audio> prompt, SpeechRequest request);

    CompletionStage<BridgeResult> bridge(BridgeRequest request);

    CompletionStage<Void> blindTransfer(String extension, String context);

    CompletionStage<QueueResult> enterQueue(QueueRequest request);

    CompletionStage<Void> voicemail(String mailbox, boolean skipGreeting);

    CompletionStage<RecordResult> record(RecordRequest request);

    CompletionStage<Void> conference(String room, String profile, String pin);

    CompletionStage<Void> echo(Duration max);

    CompletionStage<Void> setVariable(String name, String value);

    CompletionStage<Void> scheduleHangup(Duration after);

    CompletionStage<Void> hangup(HangupCause cause);

    /** Stops whatever is playing or running on the channel now (barge-in, cancellation). */
    void stopCurrent();

    record PlayResult(String interruptedBy) {
        public static final PlayResult COMPLETED = new PlayResult(null);
    }
}
