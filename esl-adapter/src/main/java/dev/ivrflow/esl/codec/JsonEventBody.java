package dev.ivrflow.esl.codec;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body of a {@code text/event-json} message: one flat object whose string members are the headers and whose
 * {@code _body} member is the nested body. Read with the streaming parser, since events are many and large.
 * A multi-valued header arrives as a JSON array; it is turned into {@code ARRAY::a|:b}, the form the same header
 * takes in a plain event, so both formats give the same {@link EslEvent}.
 */
final class JsonEventBody {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final String BODY_MEMBER = "_body";
    private static final String EVENT_NAME = "Event-Name";

    private JsonEventBody() {
    }

    static EslEventResult read(byte[] bytes) {
        try (JsonParser parser = MAPPER.createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return new EslEventResult.Undecodable("a text/event-json body is not a JSON object");
            }
            EslHeaders.Builder headers = EslHeaders.builder();
            String body = null;
            for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
                String name = parser.currentName();
                String value = valueAsText(parser, parser.nextToken());
                if (value == null) {
                    continue;
                }
                if (name.equals(BODY_MEMBER)) {
                    body = value;
                } else {
                    headers.add(name, value);
                }
            }
            String eventName = headers.get(EVENT_NAME).orElse(null);
            if (eventName == null) {
                return new EslEventResult.Undecodable("a text/event-json body has no Event-Name member");
            }
            return new EslEventResult.Decoded(new EslEvent(eventName, headers.build(), body));
        } catch (JacksonException e) {
            return new EslEventResult.Undecodable("a text/event-json body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static String valueAsText(JsonParser parser, JsonToken token) {
        return switch (token) {
            case VALUE_NULL -> null;
            case START_ARRAY -> arrayAsText(parser);
            case START_OBJECT -> {
                // FreeSWITCH never nests objects in an event; one from elsewhere is dropped, not guessed at
                parser.skipChildren();
                yield null;
            }
            default -> parser.getString();
        };
    }

    private static String arrayAsText(JsonParser parser) {
        StringBuilder text = new StringBuilder("ARRAY::");
        boolean first = true;
        for (JsonToken token = parser.nextToken(); token != null && token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token == JsonToken.START_ARRAY || token == JsonToken.START_OBJECT) {
                parser.skipChildren();
                continue;
            }
            text.append(first ? "" : "|:").append(parser.getString());
            first = false;
        }
        return text.toString();
    }
}
