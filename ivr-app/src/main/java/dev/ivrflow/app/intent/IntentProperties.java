package dev.ivrflow.app.intent;

import dev.ivrflow.llm.LlmSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * How intent nodes classify what callers say ({@code ivr.intent.*}). With no LLM base URL, the local classifier
 * (keywords, fuzzy matching, similarity to the examples) answers every call. With one, an LLM answers, and the
 * local classifier whenever the LLM fails or misses {@code timeout}.
 *
 * @param llm     the OpenAI-compatible chat-completions API
 * @param timeout how long a call waits for the LLM before the local classifier answers instead
 * @param cache   the LLM's answers remembered per question and transcript
 */
@ConfigurationProperties("ivr.intent")
public record IntentProperties(Llm llm, Duration timeout, Cache cache) {

    public IntentProperties {
        llm = llm == null ? new Llm(null, null, null, null, null) : llm;
        timeout = positive(timeout, Duration.ofMillis(1500), "ivr.intent.timeout");
        cache = cache == null ? new Cache(null, null) : cache;
    }

    /**
     * @param baseUrl        the API's base URL, e.g. {@code https://api.openai.com/v1}; empty: no LLM
     * @param model          the model name, e.g. {@code gpt-4o-mini}
     * @param apiKey         the key, from the environment ({@code IVR_LLM_API_KEY}) only; never logged
     * @param responseFormat {@code json-schema} (the labels as an enum), {@code json-object} or {@code none}, as far as
     *                       the server supports them
     * @param maxReplyBytes  a longer reply body is refused while it is read
     */
    public record Llm(String baseUrl, String model, String apiKey, String responseFormat, Integer maxReplyBytes) {
        public Llm {
            baseUrl = baseUrl == null ? "" : baseUrl.strip();
            model = model == null || model.isBlank() ? "gpt-4o-mini" : model.strip();
            apiKey = apiKey == null ? "" : apiKey.strip();
            responseFormat = responseFormat == null || responseFormat.isBlank() ? "json-schema" : responseFormat.strip();
            format(responseFormat);
            maxReplyBytes = maxReplyBytes == null ? LlmSettings.DEFAULT_MAX_REPLY_BYTES : maxReplyBytes;
            if (maxReplyBytes < 1024) {
                throw new IllegalArgumentException("ivr.intent.llm.max-reply-bytes must be at least 1024, not " + maxReplyBytes);
            }
        }

        public boolean configured() {
            return !baseUrl.isEmpty();
        }

        /** The client's settings; its own request timeout a little over the call's, which is the one that counts. */
        public LlmSettings settings(Duration callTimeout) {
            return new LlmSettings(URI.create(baseUrl), model, apiKey, callTimeout.plusMillis(500), format(responseFormat),
                    maxReplyBytes);
        }

        private static LlmSettings.ResponseFormat format(String name) {
            try {
                return LlmSettings.ResponseFormat.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("ivr.intent.llm.response-format must be json-schema, json-object or"
                        + " none, not " + name);
            }
        }

        /** Never the key. */
        @Override
        public String toString() {
            return "Llm[baseUrl=" + baseUrl + ", model=" + model + ", apiKey=" + (apiKey.isEmpty() ? "(none)" : "(set)")
                    + ", responseFormat=" + responseFormat + ", maxReplyBytes=" + maxReplyBytes + "]";
        }
    }

    /**
     * @param size how many answers are kept (0: no cache)
     * @param ttl  how long each is kept
     */
    public record Cache(Long size, Duration ttl) {
        public Cache {
            size = size == null ? 10_000L : size;
            if (size < 0) throw new IllegalArgumentException("ivr.intent.cache.size must be 0 or more, not " + size);
            ttl = positive(ttl, Duration.ofMinutes(10), "ivr.intent.cache.ttl");
        }
    }

    private static Duration positive(Duration value, Duration otherwise, String name) {
        if (value == null) return otherwise;
        if (value.isNegative() || value.isZero()) throw new IllegalArgumentException(name + " must be positive, not " + value);
        return value;
    }
}
