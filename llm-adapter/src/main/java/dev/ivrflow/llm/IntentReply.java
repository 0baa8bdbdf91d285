package dev.ivrflow.llm;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import dev.ivrflow.flow.port.IntentClassifier.Classification;
import dev.ivrflow.flow.port.IntentClassifier.Label;

import java.util.List;

/**
 * Reads the LLM's reply, trusting nothing in it: one JSON object (a code fence around it is tolerated), a string
 * {@code label} and a numeric {@code confidence}. A label that is not declared, or {@code fallback}, is no label at
 * all; a confidence outside 0..1 is clamped. Anything else is an {@link InvalidReply}, and the local classifier
 * answers instead.
 */
public final class IntentReply {
    /** More than any honest reply to this prompt; a longer one is refused unread. */
    static final int MAX_CONTENT_CHARS = 2000;
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private IntentReply() {
    }

    /** The reply could not be used; the message says why (it is journaled). */
    public static final class InvalidReply extends RuntimeException {
        public InvalidReply(String message) {
            super(message, null, false, false);
        }
    }

    public static Classification read(String content, List<Label> labels) {
        if (content == null || content.isBlank()) throw new InvalidReply("the LLM replied with no content");
        if (content.length() > MAX_CONTENT_CHARS) {
            throw new InvalidReply("the LLM's reply is " + content.length() + " characters long, more than "
                    + MAX_CONTENT_CHARS);
        }
        JsonNode reply;
        try {
            reply = JSON.readTree(unfenced(content));
        } catch (Exception e) {
            throw new InvalidReply("the LLM's reply is not JSON: " + shorten(content));
        }
        if (reply == null || !reply.isObject()) throw new InvalidReply("the LLM's reply is not a JSON object: " + shorten(content));
        JsonNode label = reply.get("label");
        JsonNode confidence = reply.get("confidence");
        if (label == null || !label.isString()) throw new InvalidReply("the LLM's reply has no label (a string)");
        if (confidence == null || !confidence.isNumber()) {
            throw new InvalidReply("the LLM's reply has no confidence (a number)");
        }
        double c = confidence.asDouble();
        if (!Double.isFinite(c)) throw new InvalidReply("the LLM's confidence is not a finite number");
        String name = label.asString();
        if (IntentPrompt.NONE.equals(name)) {
            return Classification.none(Classification.LLM, "the LLM found no declared intent");
        }
        if (labels.stream().noneMatch(l -> l.name().equals(name))) {
            return Classification.none(Classification.LLM, "the LLM answered '" + shorten(name)
                    + "', which is not a declared intent");
        }
        double clamped = Math.max(0, Math.min(1, c));
        return new Classification(name, clamped, Classification.LLM,
                clamped == c ? null : "the LLM's confidence " + c + " was clamped to " + clamped);
    }

    /** Some models wrap JSON in a Markdown code fence even when told not to. */
    private static String unfenced(String content) {
        String t = content.strip();
        if (t.startsWith("```")) {
            int firstLine = t.indexOf('\n');
            int end = t.lastIndexOf("```");
            if (firstLine > 0 && end > firstLine) return t.substring(firstLine + 1, end);
        }
        return t;
    }

    private static String shorten(String s) {
        String oneLine = s.replaceAll("\\s+", " ").strip();
        return oneLine.length() > 80 ? oneLine.substring(0, 80) + "…" : oneLine;
    }
}
