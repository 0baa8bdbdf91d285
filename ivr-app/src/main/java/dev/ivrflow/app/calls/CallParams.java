package dev.ivrflow.app.calls;

import dev.ivrflow.app.api.error.ApiException;
import dev.ivrflow.app.api.error.FieldError;
import dev.ivrflow.app.flows.FlowIds;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The calls API's path and query parameters, checked all at once: every bad one is reported, each with a pointer
 * naming where it was ({@code /query/from}, {@code /path/callId}) and what was expected. Never a 500.
 */
final class CallParams {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    static final String INSTANT = "an ISO-8601 instant such as 2026-03-04T15:00:00Z (or with an offset: 2026-03-04T10:00:00-05:00)";
    static final String CALL_ID = "a call id: 1 to 128 letters, digits and . _ : @ -";
    static final String NUMBER = "a number or caller id: 1 to 64 visible characters, no spaces";
    static final String FLOW_ID = "a flow id: lower-case letters, digits and dashes, starting with a letter or digit, at most 64 characters";

    private static final Pattern CALL_ID_PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}");
    private static final Pattern NUMBER_PATTERN = Pattern.compile("\\p{Graph}{1,64}");

    private final List<FieldError> errors = new ArrayList<>();

    static String callId(String value) {
        CallParams p = new CallParams();
        if (value == null || !CALL_ID_PATTERN.matcher(value).matches()) {
            p.bad("/path/callId", "callId", value, "is not a call id", CALL_ID);
        }
        p.throwIfBad();
        return value;
    }

    static CallSearch search(String caller, String called, String flowId, String from, String to, String limit,
                             String cursor) {
        CallParams p = new CallParams();
        String c1 = p.number("caller", caller);
        String c2 = p.number("called", called);
        String f = flowId == null ? null : p.flowId("/query/flowId", "flowId", flowId);
        Instant start = p.instant("from", from);
        Instant end = p.instant("to", to);
        p.range(start, end);
        int n = DEFAULT_LIMIT;
        if (limit != null) {
            if (!limit.matches("[0-9]{1,9}") || Integer.parseInt(limit) < 1 || Integer.parseInt(limit) > MAX_LIMIT) {
                p.bad("/query/limit", "limit", limit, "is not a number from 1 to " + MAX_LIMIT,
                        "an integer from 1 to " + MAX_LIMIT);
            } else {
                n = Integer.parseInt(limit);
            }
        }
        CallCursor at = null;
        if (cursor != null) {
            at = CallCursor.decode(cursor).orElse(null);
            if (at == null) {
                p.bad("/query/cursor", "cursor", cursor, "is not a cursor this API gave",
                        "the value of 'next' from the previous page, unchanged");
            }
        }
        p.throwIfBad();
        return new CallSearch(c1, c2, f, start, end, n, at);
    }

    /** The flow, version and time range of a statistics request. */
    record StatsRequest(String flowId, int version, Instant from, Instant to) {
    }

    static StatsRequest stats(String flowId, String version, String from, String to) {
        CallParams p = new CallParams();
        String f = p.flowId("/path/flowId", "flowId", flowId);
        int v = 0;
        if (version == null || !version.matches("[1-9][0-9]{0,8}")) {
            p.bad("/path/version", "version", version, "is not a version number", "an integer from 1 to 999999999");
        } else {
            v = Integer.parseInt(version);
        }
        Instant start = p.instant("from", from);
        Instant end = p.instant("to", to);
        p.range(start, end);
        p.throwIfBad();
        return new StatsRequest(f, v, start, end);
    }

    private String number(String name, String value) {
        if (value == null) return null;
        if (!NUMBER_PATTERN.matcher(value).matches()) {
            bad("/query/" + name, name, value, "is not a number or caller id", NUMBER);
            return null;
        }
        return value;
    }

    private String flowId(String pointer, String name, String value) {
        if (!FlowIds.valid(value)) {
            bad(pointer, name, value, "is not a flow id", FLOW_ID);
            return null;
        }
        return value;
    }

    private Instant instant(String name, String value) {
        if (value == null) return null;
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e2) {
                bad("/query/" + name, name, value, "is not an instant", INSTANT);
                return null;
            }
        }
    }

    private void range(Instant from, Instant to) {
        if (from != null && to != null && !to.isAfter(from)) {
            errors.add(new FieldError("/query/to", "query parameter 'to' (" + to + ") must be after 'from' (" + from + ")",
                    "an instant after 'from'"));
        }
    }

    private void bad(String pointer, String name, String value, String problem, String expected) {
        String where = pointer.startsWith("/path/") ? "path parameter '" : "query parameter '";
        errors.add(new FieldError(pointer, where + name + "': '" + abbreviate(value) + "' " + problem, expected));
    }

    private void throwIfBad() {
        if (errors.isEmpty()) return;
        String message = errors.size() == 1 ? errors.getFirst().message()
                : errors.size() + " parameters are not valid: " + String.join("; ",
                errors.stream().map(FieldError::message).toList());
        throw ApiException.badRequest(message, errors);
    }

    private static String abbreviate(String s) {
        if (s == null) return "";
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
