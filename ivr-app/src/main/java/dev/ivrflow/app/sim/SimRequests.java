package dev.ivrflow.app.sim;

import dev.ivrflow.app.api.error.ApiException;
import dev.ivrflow.app.api.error.FieldError;
import dev.ivrflow.app.api.error.JsonPointers;
import dev.ivrflow.flow.sim.CallerStep;
import dev.ivrflow.flow.sim.SimCall;
import dev.ivrflow.flow.sim.SimWorld;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the simulator's request bodies strictly: every problem is reported at once, each at a JSON Pointer with
 * what was expected, as a 400. Nothing a client sends reaches the simulator unchecked.
 */
final class SimRequests {
    static final int MAX_TEXT = 200;
    static final int MAX_VARIABLES = 100;
    static final int MAX_VARIABLE_VALUE = 4000;
    static final int MAX_DIGITS = 64;
    static final int MAX_SPEECH = 1000;
    static final int MAX_WORLD_ITEMS = 100;
    static final int MAX_RECORD_SECONDS = 3600;
    static final Set<String> BRIDGE_OUTCOMES = Set.of("answered", "busy", "noAnswer", "failed");
    static final Set<String> QUEUE_OUTCOMES = Set.of("answered", "timeout", "noAgents", "full", "abandoned", "callback",
            "hangup");

    private static final Set<String> START_FIELDS = Set.of("flowId", "version", "callerNumber", "calledNumber",
            "callerName", "variables", "at", "world");
    private static final Set<String> INPUT_FIELDS = Set.of("digits", "speech", "confidence", "silence");
    private static final Set<String> WORLD_FIELDS = Set.of("bridge", "queue", "http", "recordSeconds", "speechFails");
    private static final Set<String> HTTP_REPLY_FIELDS = Set.of("status", "body", "timeout", "headers");
    private static final Pattern DIGITS = Pattern.compile("[0-9*#]+");

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private SimRequests() {
    }

    /** A simulated call to start: the flow, its version (null: the draft), the call, and the offset to show times in. */
    record Start(String flowId, Integer version, SimCall call, ZoneOffset offset) {
    }

    static Start start(String body, Instant now) {
        Errors errors = new Errors();
        JsonNode root = object(body, errors);
        unknownFields(root, "", START_FIELDS, errors);

        String flowId = null;
        JsonNode id = root.get("flowId");
        if (absent(id)) {
            errors.add("/flowId", "flowId is required", "the id of the flow to call");
        } else {
            flowId = text(id, "/flowId", MAX_TEXT, errors);
            if (flowId != null && flowId.isBlank()) {
                errors.add("/flowId", "flowId is empty", "the id of the flow to call");
                flowId = null;
            }
        }

        Integer version = null;
        JsonNode v = root.get("version");
        if (!absent(v) && !(v.isString() && v.stringValue().equals("draft"))) {
            if (v.isIntegralNumber() && v.canConvertToInt() && v.intValue() >= 1) {
                version = v.intValue();
            } else {
                errors.add("/version", "version must be a published version number or \"draft\", not " + v,
                        "an integer from 1, or \"draft\"");
            }
        }

        String callerNumber = optionalText(root, "callerNumber", errors);
        String calledNumber = optionalText(root, "calledNumber", errors);
        String callerName = optionalText(root, "callerName", errors);
        Map<String, String> variables = variables(root.get("variables"), errors);

        Instant at = now;
        ZoneOffset offset = ZoneOffset.UTC;
        JsonNode a = root.get("at");
        if (!absent(a)) {
            String expected = "a date-time with an offset, such as 2026-03-02T10:00:00+01:00";
            if (!a.isString()) {
                errors.add("/at", "at must be a string, not " + a, expected);
            } else {
                try {
                    OffsetDateTime t = OffsetDateTime.parse(a.stringValue());
                    at = t.toInstant();
                    offset = t.getOffset();
                } catch (DateTimeParseException e) {
                    errors.add("/at", "\"" + abbreviate(a.stringValue()) + "\" is not a date-time with an offset", expected);
                }
            }
        }

        SimWorld world = world(root.get("world"), errors);
        errors.throwIfAny("the simulated call cannot start");
        return new Start(flowId, version, new SimCall(callerNumber, callerName, calledNumber, variables, at, List.of(),
                world), offset);
    }

    /** One caller step: exactly one of {@code digits}, {@code speech} (with an optional confidence) or {@code silence}. */
    static CallerStep input(String body) {
        Errors errors = new Errors();
        JsonNode root = object(body, errors);
        unknownFields(root, "", INPUT_FIELDS, errors);

        List<String> kinds = new ArrayList<>();
        for (String k : List.of("digits", "speech", "silence")) if (!absent(root.get(k))) kinds.add(k);
        if (kinds.isEmpty()) {
            errors.add("", "give what the caller does", "exactly one of digits, speech or silence");
        }
        for (String extra : kinds.subList(Math.min(1, kinds.size()), kinds.size())) {
            errors.add("/" + extra, "only one of digits, speech or silence may be given at once, and "
                    + kinds.getFirst() + " is given too", "exactly one of digits, speech or silence");
        }

        String digits = null;
        JsonNode d = root.get("digits");
        if (!absent(d)) {
            digits = text(d, "/digits", MAX_DIGITS, errors);
            if (digits != null && !DIGITS.matcher(digits).matches()) {
                errors.add("/digits", digits.isEmpty() ? "digits is empty"
                        : "\"" + abbreviate(digits) + "\" is not a sequence of telephone keys", "keys 0-9, * and #, such as \"12#\"");
                digits = null;
            }
        }

        String speech = null;
        JsonNode s = root.get("speech");
        if (!absent(s)) {
            speech = text(s, "/speech", MAX_SPEECH, errors);
            if (speech != null && speech.isBlank()) {
                errors.add("/speech", "speech is empty", "what the caller says, such as \"billing please\"");
                speech = null;
            }
        }

        Double confidence = null;
        JsonNode c = root.get("confidence");
        if (!absent(c)) {
            if (absent(s)) {
                errors.add("/confidence", "confidence only goes with speech", "no confidence without speech");
            } else if (!c.isNumber() || !(c.doubleValue() >= 0.0 && c.doubleValue() <= 1.0)) {
                errors.add("/confidence", "confidence must be a number from 0 to 1, not " + c, "a number from 0 to 1");
            } else {
                confidence = c.doubleValue();
            }
        }

        JsonNode silence = root.get("silence");
        if (!absent(silence) && !(silence.isBoolean() && silence.booleanValue())) {
            errors.add("/silence", "silence must be true, not " + silence, "true");
        }

        errors.throwIfAny("the caller's input is not valid");
        if (digits != null) return CallerStep.press(digits);
        if (speech != null) return confidence == null ? CallerStep.say(speech) : CallerStep.say(speech, confidence);
        return CallerStep.silent();
    }

    // ---- parts ----

    private static JsonNode object(String body, Errors errors) {
        if (body == null || body.isBlank()) {
            errors.add("", "the request has no body", "a JSON object");
            errors.throwIfAny("the request body is missing");
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            String message = e.getOriginalMessage() == null ? "malformed JSON" : firstLine(e.getOriginalMessage());
            errors.add(JsonPointers.of(e), message, "a JSON object");
            errors.throwIfAny("the request body is not valid JSON");
            throw new IllegalStateException(e);
        }
        if (root == null || !root.isObject()) {
            errors.add("", "the request body must be a JSON object, not " + (root == null ? "nothing" : root.getNodeType()),
                    "a JSON object");
            errors.throwIfAny("the request body is not a JSON object");
        }
        return root;
    }

    private static void unknownFields(JsonNode object, String at, Set<String> known, Errors errors) {
        for (String name : object.propertyNames()) {
            if (!known.contains(name)) {
                errors.add(at + "/" + escape(name), "unknown field \"" + abbreviate(name) + "\"",
                        "one of " + String.join(", ", known.stream().sorted().toList()));
            }
        }
    }

    private static String optionalText(JsonNode root, String field, Errors errors) {
        JsonNode n = root.get(field);
        return absent(n) ? null : text(n, "/" + field, MAX_TEXT, errors);
    }

    private static String text(JsonNode n, String pointer, int max, Errors errors) {
        if (!n.isString()) {
            errors.add(pointer, "expected a string, not " + n.getNodeType().name().toLowerCase(java.util.Locale.ROOT),
                    "a string");
            return null;
        }
        String s = n.stringValue();
        if (s.length() > max) {
            errors.add(pointer, "is " + s.length() + " characters long, more than " + max, "at most " + max + " characters");
            return null;
        }
        return s;
    }

    private static Map<String, String> variables(JsonNode n, Errors errors) {
        if (absent(n)) return Map.of();
        String expected = "an object of channel variable names to text, such as {\"sip_from_host\": \"pbx.example.com\"}";
        if (!n.isObject()) {
            errors.add("/variables", "variables must be an object", expected);
            return Map.of();
        }
        if (n.size() > MAX_VARIABLES) {
            errors.add("/variables", "there are " + n.size() + " variables, more than " + MAX_VARIABLES,
                    "at most " + MAX_VARIABLES + " variables");
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : n.properties()) {
            String pointer = "/variables/" + escape(e.getKey());
            JsonNode value = e.getValue();
            if (e.getKey().isBlank() || e.getKey().length() > MAX_TEXT) {
                errors.add(pointer, "a variable name must have 1 to " + MAX_TEXT + " characters", "a channel variable name");
            } else if (!value.isValueNode() || value.isNull()) {
                errors.add(pointer, "a channel variable's value must be text, a number or a boolean, not "
                        + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT), "text");
            } else if (value.asString().length() > MAX_VARIABLE_VALUE) {
                errors.add(pointer, "is longer than " + MAX_VARIABLE_VALUE + " characters", "at most "
                        + MAX_VARIABLE_VALUE + " characters");
            } else {
                out.put(e.getKey(), value.asString());
            }
        }
        return out;
    }

    private static SimWorld world(JsonNode n, Errors errors) {
        if (absent(n)) return null;
        if (!n.isObject()) {
            errors.add("/world", "world must be an object", "an object with bridge, queue, http, recordSeconds or speechFails");
            return null;
        }
        unknownFields(n, "/world", WORLD_FIELDS, errors);
        List<String> bridge = outcomes(n.get("bridge"), "/world/bridge", BRIDGE_OUTCOMES, errors);
        List<String> queue = outcomes(n.get("queue"), "/world/queue", QUEUE_OUTCOMES, errors);
        List<SimWorld.HttpReply> http = httpReplies(n.get("http"), errors);
        Integer recordSeconds = null;
        JsonNode r = n.get("recordSeconds");
        if (!absent(r)) {
            if (r.isIntegralNumber() && r.canConvertToInt() && r.intValue() >= 0 && r.intValue() <= MAX_RECORD_SECONDS) {
                recordSeconds = r.intValue();
            } else {
                errors.add("/world/recordSeconds", "recordSeconds must be a whole number of seconds from 0 to "
                        + MAX_RECORD_SECONDS + ", not " + r, "an integer from 0 to " + MAX_RECORD_SECONDS);
            }
        }
        Boolean speechFails = null;
        JsonNode sf = n.get("speechFails");
        if (!absent(sf)) {
            if (sf.isBoolean()) speechFails = sf.booleanValue();
            else errors.add("/world/speechFails", "speechFails must be true or false, not " + sf, "a boolean");
        }
        return new SimWorld(bridge, queue, http, recordSeconds, speechFails);
    }

    private static List<String> outcomes(JsonNode n, String pointer, Set<String> allowed, Errors errors) {
        if (absent(n)) return null;
        String expected = "a list of outcomes, each one of " + String.join(", ", allowed.stream().sorted().toList());
        if (!n.isArray() || n.size() > MAX_WORLD_ITEMS) {
            errors.add(pointer, n.isArray() ? "more than " + MAX_WORLD_ITEMS + " outcomes" : "expected a list", expected);
            return null;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            JsonNode o = n.get(i);
            if (o.isString() && allowed.contains(o.stringValue())) {
                out.add(o.stringValue());
            } else {
                errors.add(pointer + "/" + i, "unknown outcome " + o, expected);
            }
        }
        return out;
    }

    private static List<SimWorld.HttpReply> httpReplies(JsonNode n, Errors errors) {
        if (absent(n)) return null;
        String expected = "a list of replies such as {\"status\": 200, \"body\": {...}} or {\"timeout\": true}";
        if (!n.isArray() || n.size() > MAX_WORLD_ITEMS) {
            errors.add("/world/http", n.isArray() ? "more than " + MAX_WORLD_ITEMS + " replies" : "expected a list", expected);
            return null;
        }
        List<SimWorld.HttpReply> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            String at = "/world/http/" + i;
            JsonNode reply = n.get(i);
            if (!reply.isObject()) {
                errors.add(at, "expected an object", expected);
                continue;
            }
            unknownFields(reply, at, HTTP_REPLY_FIELDS, errors);
            Integer status = null;
            JsonNode st = reply.get("status");
            if (!absent(st)) {
                if (st.isIntegralNumber() && st.canConvertToInt() && st.intValue() >= 100 && st.intValue() <= 599) {
                    status = st.intValue();
                } else {
                    errors.add(at + "/status", "status must be an HTTP status from 100 to 599, not " + st,
                            "an integer from 100 to 599");
                }
            }
            Boolean timeout = null;
            JsonNode to = reply.get("timeout");
            if (!absent(to)) {
                if (to.isBoolean()) timeout = to.booleanValue();
                else errors.add(at + "/timeout", "timeout must be true or false, not " + to, "a boolean");
            }
            Map<String, String> headers = null;
            JsonNode h = reply.get("headers");
            if (!absent(h)) {
                if (!h.isObject()) {
                    errors.add(at + "/headers", "headers must be an object of names to text", "an object of strings");
                } else {
                    headers = new LinkedHashMap<>();
                    for (Map.Entry<String, JsonNode> e : h.properties()) {
                        if (e.getValue().isString()) headers.put(e.getKey(), e.getValue().stringValue());
                        else errors.add(at + "/headers/" + escape(e.getKey()), "a header value must be text", "a string");
                    }
                }
            }
            JsonNode body = reply.get("body");
            Object value = absent(body) ? null : JSON.treeToValue(body, Object.class);
            out.add(new SimWorld.HttpReply(status, value, timeout, headers));
        }
        return out;
    }

    private static boolean absent(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode();
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** The problems found so far; thrown together as one 400. */
    private static final class Errors {
        private final List<FieldError> list = new ArrayList<>();

        void add(String pointer, String message, String expected) {
            list.add(new FieldError(pointer, message, expected));
        }

        void throwIfAny(String message) {
            if (list.isEmpty()) return;
            String summary = list.size() == 1 ? message + ": " + list.getFirst().message()
                    : message + ": " + list.size() + " problems";
            throw ApiException.badRequest(summary, list);
        }
    }
}
