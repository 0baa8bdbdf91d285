package dev.ivrflow.llm;

import com.openai.client.OpenAIClientAsync;
import com.openai.client.okhttp.OpenAIOkHttpClientAsync;
import com.openai.core.JsonValue;
import com.openai.core.ObjectMappers;
import com.openai.models.ResponseFormatJsonObject;
import com.openai.models.ResponseFormatJsonSchema;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessage;
import dev.ivrflow.flow.port.IntentClassifier;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Classifies with an LLM behind an OpenAI-compatible chat-completions API, through the official openai-java client
 * (asynchronous: the request runs on the client's own threads, never the caller's). It sends the closed set of
 * labels and the transcript as quoted data ({@link IntentPrompt}), at temperature 0, asking for a strict JSON reply
 * in the shape the settings choose, and reads the reply trusting nothing in it ({@link IntentReply}). It answers only
 * with a declared label or none; a failure (HTTP error, timeout, bad reply) completes the stage exceptionally, and
 * {@link dev.ivrflow.flow.intent.FallbackIntentClassifier} answers locally instead. No retries: the call is waiting.
 */
public final class LlmIntentClassifier implements IntentClassifier, AutoCloseable {
    /** Enough for {"label": "...", "confidence": 0.93} with a long label. */
    static final long MAX_COMPLETION_TOKENS = 60;

    private final OpenAIClientAsync client;
    private final LlmSettings settings;

    public LlmIntentClassifier(LlmSettings settings) {
        this.settings = settings;
        this.client = OpenAIOkHttpClientAsync.builder()
                .baseUrl(settings.baseUrl().toString())
                // Servers without keys (a local model) ignore it; the client needs one to start.
                .apiKey(settings.apiKey().isEmpty() ? "none" : settings.apiKey())
                .timeout(settings.timeout())
                .maxRetries(0)
                .addInterceptor(new BoundedReplies(settings.maxReplyBytes()))
                .build();
    }

    @Override
    public CompletionStage<Classification> classify(String text, List<Label> labels, String context) {
        try {
            return client.chat().completions().create(request(text, labels, context))
                    .thenApply(completion -> IntentReply.read(content(completion), labels));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Loads and exercises, without the network, what the first call would: the request model and its JSON, the reply
     * model and its reading. Cold, that costs a second or more (openai-java is large, and Kotlin-reflective), enough
     * for the first caller after a start to miss the hard timeout. Failures here are ignored: calls still work.
     */
    public void warmUp() {
        try {
            List<Label> labels = List.of(new Label("warmUp", "warming up", List.of("warm up")));
            var json = ObjectMappers.jsonMapper();
            json.writeValueAsString(request("warm up", labels, "warming up")._body());
            ChatCompletion canned = json.readValue(WARM_UP_REPLY, ChatCompletion.class);
            IntentReply.read(content(canned), labels);
        } catch (Exception | LinkageError e) {
            // only a missed optimisation
        }
    }

    private static final String WARM_UP_REPLY = """
            {"id": "warm-up", "object": "chat.completion", "created": 0, "model": "warm-up",
             "choices": [{"index": 0, "finish_reason": "stop", "logprobs": null,
                          "message": {"role": "assistant", "refusal": null,
                                      "content": "{\\"label\\": \\"warmUp\\", \\"confidence\\": 1}"}}],
             "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}""";

    ChatCompletionCreateParams request(String text, List<Label> labels, String context) {
        ChatCompletionCreateParams.Builder b = ChatCompletionCreateParams.builder()
                .model(settings.model())
                .addSystemMessage(IntentPrompt.system(labels, context))
                .addUserMessage(IntentPrompt.user(text))
                .temperature(0.0)
                .maxCompletionTokens(MAX_COMPLETION_TOKENS)
                .n(1);
        switch (settings.responseFormat()) {
            case JSON_SCHEMA -> b.responseFormat(ResponseFormatJsonSchema.builder()
                    .jsonSchema(ResponseFormatJsonSchema.JsonSchema.builder()
                            .name("intent_classification")
                            .strict(true)
                            .schema(schema(IntentPrompt.replySchema(labels)))
                            .build())
                    .build());
            case JSON_OBJECT -> b.responseFormat(ResponseFormatJsonObject.builder().build());
            case NONE -> {
            }
        }
        return b.build();
    }

    private static ResponseFormatJsonSchema.JsonSchema.Schema schema(Map<String, Object> schema) {
        ResponseFormatJsonSchema.JsonSchema.Schema.Builder b = ResponseFormatJsonSchema.JsonSchema.Schema.builder();
        schema.forEach((k, v) -> b.putAdditionalProperty(k, JsonValue.from(v)));
        return b.build();
    }

    /** The first choice's text; the client's lenient model throws on missing fields, which is a bad reply too. */
    private static String content(ChatCompletion completion) {
        try {
            List<ChatCompletion.Choice> choices = completion.choices();
            if (choices.isEmpty()) throw new IntentReply.InvalidReply("the LLM's reply has no choices");
            ChatCompletionMessage message = choices.getFirst().message();
            if (message.refusal().isPresent()) {
                throw new IntentReply.InvalidReply("the LLM refused: " + message.refusal().get());
            }
            return message.content().orElse(null);
        } catch (IntentReply.InvalidReply e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IntentReply.InvalidReply("the LLM's reply is not a chat completion: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
