package dev.ivrflow.app.runtime;

import com.mongodb.reactivestreams.client.MongoDatabase;
import dev.ivrflow.esl.fssim.SimulatedCall;
import dev.ivrflow.flow.port.RecordingStore;
import dev.ivrflow.flow.runtime.CallSession;
import dev.ivrflow.flow.sim.SimCall;
import dev.ivrflow.flow.sim.SimWorld;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A message recorded on a call leaves its metadata in MongoDB ({@code recordings}), and its id in the flow's variable. */
class RecordingsTest extends RuntimeTestSupport {
    @Autowired
    MongoDatabase db;
    @Autowired
    RecordingStore recordings;

    private static String recordFlow(String id) {
        return """
                {"schema":"ivr-flow/1","id":"%s","name":"Message","defaultLanguage":"en-US","start":"rec",
                 "variables":{"messageRef":{"type":"string"}},
                 "nodes":[
                  {"id":"rec","type":"record","settings":{"prompt":{"en-US":{"tts":"Leave a message"}},"beep":true,
                     "maxSeconds":60,"silenceSeconds":5,"variable":"messageRef"},"exits":{"next":"thanks","noInput":"thanks"}},
                  {"id":"thanks","type":"say","settings":{"text":{"en-US":"Thank you"}},"exits":{"next":"bye"}},
                  {"id":"bye","type":"hangup","settings":{"cause":"normal"}}
                 ]}""".formatted(id);
    }

    @Test
    void shouldStoreWhatWasRecordedWithTheCallFlowNodeCallerAndLength() throws Exception {
        assertThat(recordings).isInstanceOf(MongoRecordingStore.class);
        String id = uniqueId("message");
        publish(id, recordFlow(id));
        SimCall call = new SimCall("+15550142", "Caller", uniqueNumber(), Map.of("ivr_flow", id), null, List.of(),
                new SimWorld(null, null, null, 7, null));

        SimulatedCall fs = freeswitch.call(call);
        CallSession session = calls.awaitEnded(fs.uuid());
        fs.awaitEnd(TIMEOUT);

        Document stored = Mono.from(db.getCollection(MongoRecordingStore.COLLECTION)
                .find(new Document("callId", fs.uuid())).first()).block(Duration.ofSeconds(10));
        assertThat(stored).isNotNull();
        assertThat(stored.getString("flowId")).isEqualTo(id);
        assertThat(stored.getString("nodeId")).isEqualTo("rec");
        assertThat(stored.getString("path")).startsWith("recordings/" + id + "/" + fs.uuid() + "-rec-").endsWith(".wav");
        assertThat(stored.get("lengthMs", Number.class).longValue()).isEqualTo(7_000L);
        assertThat(stored.getString("caller")).isEqualTo("+15550142");
        assertThat(stored.getDate("at").toInstant()).isBetween(CALL_TIME, CALL_TIME.plus(Duration.ofHours(1)));
        assertThat(session.variables().get("messageRef")).isEqualTo(stored.getObjectId("_id").toHexString());
        assertThat(ObjectId.isValid((String) session.variables().get("messageRef"))).isTrue();
        assertThat(((MongoRecordingStore) recordings).ofCall(fs.uuid()).collectList().block(Duration.ofSeconds(10)))
                .singleElement().satisfies(r -> assertThat(r.lengthMillis()).isEqualTo(7_000L));
    }
}
