package dev.ivrflow.llm;

import dev.ivrflow.flow.port.IntentClassifier;
import dev.ivrflow.flow.port.IntentClassifier.Classification;
import dev.ivrflow.flow.port.IntentClassifier.Label;
import dev.ivrflow.llm.LlmSettings.ResponseFormat;
import dev.ivrflow.llm.stub.ChatCompletionsStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.ivrflow.llm.stub.ChatCompletionsStub.answer;
import static dev.ivrflow.llm.stub.ChatCompletionsStub.completion;
import static dev.ivrflow.llm.stub.ChatCompletionsStub.status;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The LLM classifier, with its hard timeout, local fallback and cache, against a local server speaking the
 * chat-completions protocol: good replies, wrong labels, invalid JSON, server errors, timeouts, slow, incomplete and
 * huge replies. Whatever the server does, a classification comes back, with a declared label or none.
 */
class LlmIntentClassifierTest {
    static final List<Label> LABELS = List.of(
            new Label("billing", "the caller wants to pay or asks about a bill", List.of("I want to pay my bill", "make a payment")),
            new Label("roadside", "the caller needs a tow or roadside help", List.of("I need a tow", "my car broke down")));
    /** The default, for the test of the timeout itself. */
    private static final Duration HARD_TIMEOUT = Duration.ofMillis(1500);
    /** For the others, which expect the LLM's answer: generous, so a busy build machine does not fall back. */
    private static final Duration PATIENT = Duration.ofSeconds(5);

    private final List<AutoCloseable> open = new ArrayList<>();
    private final TestClock clock = track(new TestClock());

    private <T extends AutoCloseable> T track(T resource) {
        open.add(resource);
        return resource;
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open.reversed()) c.close();
    }

    private ChatCompletionsStub server(ChatCompletionsStub.Reply reply) {
        return track(ChatCompletionsStub.replying(reply));
    }

    private LlmIntentClassifier llm(ChatCompletionsStub server, ResponseFormat format) {
        LlmIntentClassifier llm = track(new LlmIntentClassifier(new LlmSettings(server.baseUrl(), "test-model",
                "sk-test-key", Duration.ofSeconds(15), format, 0)));
        llm.warmUp();
        return llm;
    }

    /** The classifier a call uses: cache, hard timeout, local fallback. */
    private IntentClassifier routing(ChatCompletionsStub server, Duration hardTimeout) {
        return LlmIntentRouting.classifier(llm(server, ResponseFormat.JSON_SCHEMA), clock, hardTimeout, 1000,
                Duration.ofMinutes(10));
    }

    private IntentClassifier routing(ChatCompletionsStub server) {
        return routing(server, PATIENT);
    }

    static Classification classify(IntentClassifier classifier, String text) {
        return classifier.classify(text, LABELS, "Phone line of an insurer.").toCompletableFuture()
                .orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join();
    }

    @Test
    void shouldRouteByTheLlmsLabelAndConfidence() {
        // given a server that answers billing at 0.93
        ChatCompletionsStub server = server(answer("billing", 0.93));

        // when a transcript is classified
        Classification c = classify(routing(server), "I'd like to settle my invoice");

        // then the LLM's answer
        assertThat(c).isEqualTo(new Classification("billing", 0.93, Classification.LLM, null));
    }

    @Test
    void shouldAskAtTemperatureZeroForStrictJsonLimitedToTheDeclaredLabels() {
        // given a server that answers
        ChatCompletionsStub server = server(answer("billing", 0.9));

        // when a transcript is classified
        classify(routing(server), "pay my bill");

        // then one request to /v1/chat/completions with the model, the key, temperature 0, and a strict schema whose
        // labels are the declared ones and fallback
        assertThat(server.requests()).singleElement().satisfies(r -> {
            assertThat(r.path()).isEqualTo("/v1/chat/completions");
            assertThat(r.header("Authorization")).isEqualTo("Bearer sk-test-key");
            JsonNode body = JsonMapper.builder().build().readTree(r.body());
            assertThat(body.get("model").asString()).isEqualTo("test-model");
            assertThat(body.get("temperature").asDouble()).isZero();
            assertThat(body.get("n").asInt()).isEqualTo(1);
            assertThat(body.get("max_completion_tokens").asInt()).isPositive();
            JsonNode format = body.get("response_format");
            assertThat(format.get("type").asString()).isEqualTo("json_schema");
            assertThat(format.at("/json_schema/strict").asBoolean()).isTrue();
            assertThat(format.at("/json_schema/schema/properties/label/enum").values().stream().map(JsonNode::asString).toList())
                    .containsExactly("billing", "roadside", "fallback");
            assertThat(format.at("/json_schema/schema/required").values().stream().map(JsonNode::asString).toList())
                    .containsExactly("label", "confidence");
            assertThat(body.at("/messages/0/role").asString()).isEqualTo("system");
            assertThat(body.at("/messages/0/content").asString()).contains("\"billing\"", "\"I need a tow\"",
                    "Phone line of an insurer.");
        });
    }

    @Test
    void shouldAskForAJsonObjectOrNoFormatWhenTheServerSupportsNoSchema() {
        // given servers configured for json_object and for no response format
        ChatCompletionsStub server = server(answer("roadside", 0.8));
        IntentClassifier object = llm(server, ResponseFormat.JSON_OBJECT);
        IntentClassifier none = llm(server, ResponseFormat.NONE);

        // when each classifies
        assertThat(classify(object, "tow").label()).isEqualTo("roadside");
        assertThat(classify(none, "tow").label()).isEqualTo("roadside");

        // then the first asked for a JSON object, the second for nothing
        JsonNode first = JsonMapper.builder().build().readTree(server.requests().get(0).body());
        JsonNode second = JsonMapper.builder().build().readTree(server.requests().get(1).body());
        assertThat(first.at("/response_format/type").asString()).isEqualTo("json_object");
        assertThat(second.has("response_format")).isFalse();
    }

    @Test
    void shouldCountAnUndeclaredLabelAsFallback() {
        // given a server naming a label the node does not have
        ChatCompletionsStub server = server(answer("cancelPolicy", 0.99));

        // when a transcript is classified
        Classification c = classify(routing(server), "I want to cancel my policy");

        // then no label (the node takes fallback), and why
        assertThat(c.label()).isNull();
        assertThat(c.confidence()).isZero();
        assertThat(c.source()).isEqualTo(Classification.LLM);
        assertThat(c.reason()).contains("'cancelPolicy'", "not a declared intent");
    }

    @Test
    void shouldTakeTheLabelFallbackAsNoIntent() {
        // given a server saying none fits
        ChatCompletionsStub server = server(answer("fallback", 0.9));

        // when classified, then no label
        assertThat(classify(routing(server), "do you sell life insurance").label()).isNull();
    }

    @Test
    void shouldAnswerLocallyWhenTheReplyIsNotJson() {
        // given a server whose message is prose
        ChatCompletionsStub server = server(completion("Sure! The caller wants billing."));

        // when classified
        Classification c = classify(routing(server), "I want to pay my bill");

        // then the local classifier answered, and the journal will say why
        assertThat(c.label()).isEqualTo("billing");
        assertThat(c.source()).isEqualTo(Classification.FALLBACK_AFTER_ERROR);
        assertThat(c.reason()).contains("not JSON");
    }

    @Test
    void shouldAnswerLocallyWhenTheBodyIsNotAChatCompletion() {
        // given a server answering 200 with a body that is not JSON at all
        ChatCompletionsStub server = server(ChatCompletionsStub.ok("<html>gateway</html>"));

        // when classified, then locally
        Classification c = classify(routing(server), "my car broke down");
        assertThat(c.label()).isEqualTo("roadside");
        assertThat(c.source()).isEqualTo(Classification.FALLBACK_AFTER_ERROR);
    }

    @Test
    void shouldAnswerLocallyOnAServerErrorWithoutRetrying() {
        // given a server failing with 500
        ChatCompletionsStub server = server(status(500, "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}"));

        // when classified
        Classification c = classify(routing(server), "I need a tow");

        // then locally, after one request only (a call is waiting: no retries)
        assertThat(c.label()).isEqualTo("roadside");
        assertThat(c.source()).isEqualTo(Classification.FALLBACK_AFTER_ERROR);
        assertThat(c.reason()).contains("500");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void shouldAnswerLocallyWhenTheLlmMissesTheHardTimeout() {
        // given a server that takes 10 s, behind the default hard timeout of 1.5 s
        ChatCompletionsStub server = server(answer("billing", 0.9).after(Duration.ofSeconds(10)));
        IntentClassifier classifier = routing(server, HARD_TIMEOUT);

        // when classified
        long start = System.nanoTime();
        Classification c = classify(classifier, "my car broke down");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        // then the local answer after about 1.5 s, not 10
        assertThat(c.label()).isEqualTo("roadside");
        assertThat(c.source()).isEqualTo(Classification.FALLBACK_AFTER_ERROR);
        assertThat(c.reason()).isEqualTo("no answer within 1500 ms");
        assertThat(took).isBetween(Duration.ofMillis(1400), Duration.ofMillis(4000));
    }

    @Test
    void shouldWaitForASlowReplyWithinTheTimeout() {
        // given a server that takes 400 ms (the hard timeout generous, so a busy machine does not fall back)
        ChatCompletionsStub server = server(answer("billing", 0.75).after(Duration.ofMillis(400)));

        // when classified, then the LLM's answer
        assertThat(classify(routing(server), "I'd like to settle my invoice"))
                .isEqualTo(new Classification("billing", 0.75, Classification.LLM, null));
    }

    @Test
    void shouldAnswerLocallyWhenTheReplyMissesFields() {
        // given replies without a confidence, without a label, with a confidence in words, with no content, no choices
        List<ChatCompletionsStub.Reply> incomplete = List.of(
                completion("{\"label\": \"billing\"}"),
                completion("{\"confidence\": 0.9}"),
                completion("{\"label\": \"billing\", \"confidence\": \"high\"}"),
                completion("{\"label\": [\"billing\"], \"confidence\": 0.9}"),
                completion(null),
                ChatCompletionsStub.ok("{\"id\":\"x\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\",\"choices\":[]}"),
                ChatCompletionsStub.ok("{}"));
        for (ChatCompletionsStub.Reply reply : incomplete) {
            ChatCompletionsStub server = server(reply);

            // when classified
            Classification c = classify(routing(server), "I want to pay my bill");

            // then locally, with a reason
            assertThat(c.source()).as(reply.body()).isEqualTo(Classification.FALLBACK_AFTER_ERROR);
            assertThat(c.label()).as(reply.body()).isEqualTo("billing");
            assertThat(c.reason()).as(reply.body()).isNotBlank();
        }
    }

    @Test
    void shouldRefuseAHugeReplyWithoutHoldingIt() {
        // given a server answering with 5 MB, and one whose message is 100,000 characters
        ChatCompletionsStub huge = server(ChatCompletionsStub.ok("{\"choices\":[{\"message\":{\"content\":\""
                + "x".repeat(5_000_000) + "\"}}]}"));
        ChatCompletionsStub chatty = server(completion("{\"label\": \"billing\", \"confidence\": 0.9, \"why\": \""
                + "because ".repeat(12_500) + "\"}"));

        // when classified
        Classification fromHuge = classify(routing(huge), "I need a tow");
        Classification fromChatty = classify(routing(chatty), "I need a tow");

        // then both locally, each with its reason
        assertThat(fromHuge.source()).isEqualTo(Classification.FALLBACK_AFTER_ERROR);
        assertThat(fromHuge.label()).isEqualTo("roadside");
        assertThat(fromHuge.reason()).contains("more than 65536");
        assertThat(fromChatty.source()).isEqualTo(Classification.FALLBACK_AFTER_ERROR);
        assertThat(fromChatty.reason()).contains("more than 65536");
    }

    @Test
    void shouldRefuseALongMessageInASmallBody() {
        // given a message of 3,000 characters (the body under the byte bound)
        ChatCompletionsStub server = server(completion("{\"label\": \"billing\", \"confidence\": 0.9, \"note\": \""
                + "n".repeat(3000) + "\"}"));

        // when classified, then locally: no honest reply is that long
        Classification c = classify(routing(server), "I want to pay my bill");
        assertThat(c.source()).isEqualTo(Classification.FALLBACK_AFTER_ERROR);
        assertThat(c.reason()).contains("characters long");
    }

    @Test
    void shouldClampAConfidenceOutsideZeroToOne() {
        // given servers answering 1.7 and -0.2
        Classification high = classify(routing(server(answer("billing", 1.7))), "pay");
        Classification low = classify(routing(server(answer("billing", -0.2))), "pay");

        // then 1 and 0, saying so
        assertThat(high.confidence()).isEqualTo(1.0);
        assertThat(high.reason()).contains("clamped");
        assertThat(low.confidence()).isZero();
        assertThat(low.label()).isEqualTo("billing");
    }

    @Test
    void shouldReadAReplyWrappedInACodeFence() {
        // given a model that wraps its JSON in Markdown
        ChatCompletionsStub server = server(completion("```json\n{\"label\": \"roadside\", \"confidence\": 0.8}\n```"));

        // when classified, then the LLM's answer
        assertThat(classify(routing(server), "flat tire").source()).isEqualTo(Classification.LLM);
    }

    @Test
    void shouldAnswerTheSameTranscriptFromTheCache() {
        // given a server that answers
        ChatCompletionsStub server = server(answer("billing", 0.9));
        IntentClassifier classifier = routing(server);

        // when the same words come twice, differently written
        Classification first = classify(classifier, "I'd like to settle my invoice");
        Classification second = classify(classifier, "i'd like to settle my invoice.");

        // then one request; the second answer came from the cache
        assertThat(server.requests()).hasSize(1);
        assertThat(first.source()).isEqualTo(Classification.LLM);
        assertThat(second).isEqualTo(new Classification("billing", 0.9, Classification.CACHE, null));
    }

    @Test
    void shouldAnswerLocallyWhenNothingListensAtTheBaseUrl() {
        // given a server that is gone
        ChatCompletionsStub server = server(answer("billing", 0.9));
        IntentClassifier classifier = routing(server);
        server.close();

        // when classified, then locally
        Classification c = classify(classifier, "I want to pay my bill");
        assertThat(c.source()).isEqualTo(Classification.FALLBACK_AFTER_ERROR);
        assertThat(c.label()).isEqualTo("billing");
    }
}
