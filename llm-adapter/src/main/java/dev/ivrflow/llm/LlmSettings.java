package dev.ivrflow.llm;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the LLM is and how it is asked.
 *
 * @param baseUrl        an OpenAI-compatible API, such as {@code https://api.openai.com/v1} or a local server's
 *                       {@code http://127.0.0.1:11434/v1}; requests go to {@code <baseUrl>/chat/completions}
 * @param model          the model name the server knows
 * @param apiKey         the bearer key (from the environment, never from the repository); blank for servers without one
 * @param timeout        the HTTP client's own limit for one request (the hard limit of a call is the fallback's)
 * @param responseFormat how strictly the reply's shape is asked for, as far as the server supports it
 * @param maxReplyBytes  a reply body longer than this is refused while it is read, never held whole
 */
public record LlmSettings(URI baseUrl, String model, String apiKey, Duration timeout, ResponseFormat responseFormat,
                          int maxReplyBytes) {

    /** json_schema: the labels as an enum, strict; json_object: any JSON object; none: the prompt alone asks. */
    public enum ResponseFormat { JSON_SCHEMA, JSON_OBJECT, NONE }

    public static final int DEFAULT_MAX_REPLY_BYTES = 64 * 1024;

    public LlmSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme())) {
            throw new IllegalArgumentException("the LLM base URL must be http or https, not " + baseUrl);
        }
        if (model == null || model.isBlank()) throw new IllegalArgumentException("an LLM model name is needed");
        apiKey = apiKey == null ? "" : apiKey.strip();
        timeout = timeout == null ? Duration.ofMillis(1500) : timeout;
        responseFormat = responseFormat == null ? ResponseFormat.JSON_SCHEMA : responseFormat;
        maxReplyBytes = maxReplyBytes <= 0 ? DEFAULT_MAX_REPLY_BYTES : maxReplyBytes;
    }

    public LlmSettings(URI baseUrl, String model, String apiKey) {
        this(baseUrl, model, apiKey, null, null, 0);
    }

    /** Never the key itself: settings end up in logs. */
    @Override
    public String toString() {
        return "LlmSettings[baseUrl=" + baseUrl + ", model=" + model + ", apiKey=" + (apiKey.isEmpty() ? "(none)" : "(set)")
                + ", timeout=" + timeout + ", responseFormat=" + responseFormat + ", maxReplyBytes=" + maxReplyBytes + "]";
    }
}
