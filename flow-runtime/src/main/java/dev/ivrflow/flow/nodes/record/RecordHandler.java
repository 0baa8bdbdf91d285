package dev.ivrflow.flow.nodes.record;

import dev.ivrflow.flow.port.RecordRequest;
import dev.ivrflow.flow.port.RecordResult;
import dev.ivrflow.flow.port.RecordingStore;
import dev.ivrflow.flow.runtime.JournalEvent.Kind;
import dev.ivrflow.flow.runtime.NodeContext;
import dev.ivrflow.flow.runtime.NodeHandler;
import dev.ivrflow.flow.runtime.Step;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Plays the prompt, records, and stores a reference to the recording before going on. The file's path is in
 * the journal before recording starts and again before the store is asked, so neither a hang-up nor a failed
 * store loses track of a message.
 */
public final class RecordHandler implements NodeHandler<RecordSettings> {

    @Override
    public Step enter(NodeContext<RecordSettings> ctx) {
        RecordSettings s = ctx.settings();
        var prompt = ctx.audio(s.prompt());
        if (prompt.isEmpty()) return record(ctx, s);
        return Step.await(ctx.ports().channel().play(prompt, false), played -> record(ctx, s));
    }

    private Step record(NodeContext<RecordSettings> ctx, RecordSettings s) {
        String path = "recordings/" + ctx.flow().id() + "/" + ctx.call().uuid() + "-" + ctx.node().id() + "-"
                + ctx.now().toEpochMilli() + ".wav";
        RecordRequest request = new RecordRequest(path, Duration.ofSeconds(s.maxSecondsOrDefault()),
                Duration.ofSeconds(s.silenceSecondsOrDefault()), s.silenceThresholdOrDefault(), s.beepOrDefault());
        // Journaled before recording starts: a caller who hangs up mid-message still leaves a file on the switch.
        ctx.journal(Kind.INPUT, Map.of("recordingStarted", path));
        return Step.await(ctx.ports().channel().record(request), r -> stored(ctx, s, r));
    }

    private Step stored(NodeContext<RecordSettings> ctx, RecordSettings s, RecordResult r) {
        if (r.empty()) {
            ctx.putResult(Map.of("path", "", "lengthMs", 0L, "recording", ""));
            return Step.take("noInput");
        }
        long millis = r.length().toMillis();
        ctx.journal(Kind.INPUT, Map.of("recording", r.path(), "lengthMs", millis));
        var recording = new RecordingStore.Recording(ctx.call().uuid(), ctx.flow().id(), ctx.node().id(), r.path(),
                millis, ctx.now(), ctx.call().callerNumber());
        return Step.await(ctx.ports().recordings().save(recording), ref -> {
            if (s.variable() != null) ctx.setVariable(s.variable(), ref);
            Map<String, Object> result = new HashMap<>();
            result.put("path", r.path());
            result.put("lengthMs", millis);
            result.put("recording", ref);
            ctx.putResult(result);
            return Step.take("next");
        });
    }
}
