package dev.ivrflow.esl.codec;

/**
 * Reads the event carried by a {@code text/event-plain} or {@code text/event-json} message. Any other content type,
 * {@code text/event-xml} included, is reported as undecodable and left to the caller as the raw message body.
 */
public final class EslEventReader {
    private EslEventReader() {
    }

    public static EslEventResult read(EslMessage message) {
        EslContentType type = message.contentType();
        if (!message.hasBody()) {
            return new EslEventResult.Undecodable("a " + type + " message without a body carries no event");
        }
        if (type.equals(EslContentType.EVENT_PLAIN)) {
            return PlainEventBody.read(message.rawBody());
        }
        if (type.equals(EslContentType.EVENT_JSON)) {
            return JsonEventBody.read(message.rawBody());
        }
        return new EslEventResult.Undecodable(type + " is not decoded into an event; its body is left as text");
    }
}
