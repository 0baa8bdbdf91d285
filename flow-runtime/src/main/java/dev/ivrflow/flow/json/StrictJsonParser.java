package dev.ivrflow.flow.json;

import dev.ivrflow.flow.model.Pointers;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON text into a tree, strictly, keeping track of where it is so that every problem has a pointer.
 * Jackson's own duplicate detection stops at the first duplicate and its tree reader cannot say where a
 * syntax error sits in the document, hence this small reader over the token stream. A duplicate key keeps
 * the first value; a syntax error, a too-deep nesting or a too-large input end the parse.
 */
final class StrictJsonParser {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final DocumentLimits limits;
    private final List<DocumentError> errors = new ArrayList<>();
    private String at = "";

    private StrictJsonParser(DocumentLimits limits) {
        this.limits = limits;
    }

    static ParsedDocument parse(byte[] json, DocumentLimits limits) {
        return new StrictJsonParser(limits).run(json);
    }

    private ParsedDocument run(byte[] json) {
        if (json.length > limits.maxBytes()) {
            errors.add(tooLarge(json.length, limits));
            return new ParsedDocument(null, errors);
        }
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), json)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                errors.add(new DocumentError("", "the document is empty", "a JSON object"));
                return new ParsedDocument(null, errors);
            }
            JsonNode root = value(parser, first, "", 1);
            if (root == null) return new ParsedDocument(null, errors);
            at = "";
            if (parser.nextToken() != null) {
                errors.add(syntax(parser.currentTokenLocation(), "more content after the end of the document"));
                return new ParsedDocument(null, errors);
            }
            return new ParsedDocument(root, errors);
        } catch (JacksonException e) {
            errors.add(syntax(e.getLocation(), e.getOriginalMessage()));
            return new ParsedDocument(null, errors);
        }
    }

    /** The value starting at {@code token}, or null when the document is too deep to go on. */
    private JsonNode value(JsonParser parser, JsonToken token, String pointer, int depth) {
        at = pointer;
        return switch (token) {
            case START_OBJECT -> depth > limits.maxDepth() ? tooDeep(pointer) : object(parser, pointer, depth);
            case START_ARRAY -> depth > limits.maxDepth() ? tooDeep(pointer) : array(parser, pointer, depth);
            case VALUE_STRING -> NODES.stringNode(parser.getString());
            case VALUE_NUMBER_INT -> integer(parser);
            case VALUE_NUMBER_FLOAT -> decimal(parser, pointer);
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new IllegalStateException("unexpected token " + token);
        };
    }

    private JsonNode object(JsonParser parser, String pointer, int depth) {
        ObjectNode object = NODES.objectNode();
        Map<String, TokenStreamLocation> seen = new HashMap<>();
        String previous = null;
        while (true) {
            at = pointer;
            JsonToken token = nameOrEnd(parser, pointer, previous);
            if (token == JsonToken.END_OBJECT) return object;
            String name = parser.currentName();
            previous = name;
            TokenStreamLocation where = parser.currentTokenLocation();
            String member = Pointers.join(pointer, name);
            at = member;
            JsonNode memberValue = value(parser, parser.nextToken(), member, depth + 1);
            if (memberValue == null) return null;
            TokenStreamLocation first = seen.putIfAbsent(name, where);
            if (first == null) {
                object.set(name, memberValue);
            } else {
                errors.add(new DocumentError(member, "duplicate property '" + name + "' at line " + where.getLineNr()
                        + ", column " + where.getColumnNr() + " (first at line " + first.getLineNr() + ", column "
                        + first.getColumnNr() + ")", "each property at most once"));
            }
        }
    }

    // Jackson reads a property's value together with its name, so a bad value fails on the name's token: the
    // parser already knows the new name then, and the error belongs to that property rather than its object.
    private JsonToken nameOrEnd(JsonParser parser, String pointer, String previous) {
        try {
            return parser.nextToken();
        } catch (JacksonException e) {
            String name = parser.currentName();
            if (name != null && !name.equals(previous)) at = Pointers.join(pointer, name);
            throw e;
        }
    }

    private JsonNode array(JsonParser parser, String pointer, int depth) {
        ArrayNode array = NODES.arrayNode();
        while (true) {
            String item = pointer + "/" + array.size();
            at = item;
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_ARRAY) return array;
            JsonNode itemValue = value(parser, token, item, depth + 1);
            if (itemValue == null) return null;
            array.add(itemValue);
        }
    }

    private static JsonNode integer(JsonParser parser) {
        return switch (parser.getNumberType()) {
            case INT -> NODES.numberNode(parser.getIntValue());
            case LONG -> NODES.numberNode(parser.getLongValue());
            default -> NODES.numberNode(parser.getBigIntegerValue());
        };
    }

    private JsonNode decimal(JsonParser parser, String pointer) {
        double d = parser.getDoubleValue();
        if (Double.isInfinite(d)) {
            errors.add(new DocumentError(pointer, "the number " + parser.getString() + " is too large",
                    "a number between -1.7976931348623157E308 and 1.7976931348623157E308"));
            return NODES.nullNode();
        }
        return NODES.numberNode(d);
    }

    static DocumentError tooLarge(long size, DocumentLimits limits) {
        return new DocumentError("", "the document is too large: " + size + " bytes, the limit is " + limits.maxBytes()
                + " bytes", "at most " + limits.maxBytes() + " bytes");
    }

    private JsonNode tooDeep(String pointer) {
        errors.add(new DocumentError(pointer, "the document nests deeper than " + limits.maxDepth() + " levels",
                "at most " + limits.maxDepth() + " levels of nesting"));
        return null;
    }

    private DocumentError syntax(TokenStreamLocation location, String detail) {
        String where = location == null || location == TokenStreamLocation.NA ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        return new DocumentError(at, "invalid JSON" + where + ": " + detail, "well-formed JSON");
    }
}
