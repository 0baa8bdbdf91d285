package dev.ivrflow.app.api;

import dev.ivrflow.app.api.error.ApiException;
import dev.ivrflow.app.api.error.FieldError;
import dev.ivrflow.app.flows.FlowIds;
import dev.ivrflow.app.flows.FlowService;
import org.springframework.http.HttpStatus;

import java.util.List;

/**
 * Path, query and header parameters, checked with a message that names the parameter. Their errors carry no
 * pointer (they are not in the body); the message starts with the parameter's name.
 */
final class Params {
    private static final String REVISION_EXPECTED = "the draft's ETag, a revision number in quotes such as \"3\"";

    private Params() {
    }

    /** A flow id from the path. */
    static String flowId(String id) {
        if (!FlowIds.valid(id)) {
            throw bad("path parameter 'id': '" + abbreviate(id) + "' is not a flow id (lower-case letters, digits and"
                    + " dashes, starting with a letter or digit, at most 64 characters)", FlowIds.PATTERN);
        }
        return id;
    }

    /** A version number from the path or the query. */
    static int version(String value, String parameter) {
        if (value == null || !value.matches("[1-9][0-9]{0,8}")) {
            throw bad(parameter + ": '" + abbreviate(String.valueOf(value)) + "' is not a version number",
                    "an integer from 1 to 999999999");
        }
        return Integer.parseInt(value);
    }

    /** A version reference in a diff: a version number, {@code latest} or {@code draft}. */
    static String ref(String value, String parameter) {
        if (!FlowService.validRef(value)) {
            throw bad("query parameter '" + parameter + "': '" + abbreviate(value) + "' is not a version number, "
                    + "'latest' or 'draft'", "a version number, latest or draft");
        }
        return value;
    }

    static boolean flag(String value, String parameter) {
        if (value == null) return false;
        return switch (value) {
            case "true", "" -> true;
            case "false" -> false;
            default -> throw bad("query parameter '" + parameter + "': expected true or false, found '"
                    + abbreviate(value) + "'", "true or false");
        };
    }

    /**
     * The draft revision an {@code If-Match} header names: {@code "3"} (an ETag as this API sends it) or a bare
     * {@code 3}. Missing is a 428 when required. {@code *} and weak ETags are refused: they cannot say which
     * revision the client saw.
     */
    static Long ifMatch(String header, boolean required) {
        if (header == null || header.isBlank()) {
            if (!required) return null;
            throw new ApiException(HttpStatus.PRECONDITION_REQUIRED, "header If-Match is required: send the ETag of "
                    + "the draft revision this save is based on (from GET /api/flows/{id}), so that a save never "
                    + "overwrites someone else's unseen changes",
                    List.of(new FieldError(null, "header If-Match is missing", REVISION_EXPECTED)));
        }
        String v = header.trim();
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) v = v.substring(1, v.length() - 1);
        if (!v.matches("[0-9]{1,18}")) {
            throw bad("header If-Match: '" + abbreviate(header) + "' is not a draft revision", REVISION_EXPECTED);
        }
        return Long.parseLong(v);
    }

    static String etag(long revision) {
        return "\"" + revision + "\"";
    }

    private static ApiException bad(String message, String expected) {
        return ApiException.badRequest(message, List.of(new FieldError(null, message, expected)));
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
