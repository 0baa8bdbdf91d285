package dev.ivrflow.esl.codec;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A Content-Type as an open value: the constants name the types FreeSWITCH is known to send, and any other value
 * is kept as it is (never rejected), so a newer FreeSWITCH cannot break the decoder with a type we have not seen.
 * Values compare without regard to case, as MIME types do.
 */
public record EslContentType(String value) {
    public static final EslContentType AUTH_REQUEST = new EslContentType("auth/request");
    public static final EslContentType COMMAND_REPLY = new EslContentType("command/reply");
    public static final EslContentType API_RESPONSE = new EslContentType("api/response");
    public static final EslContentType EVENT_PLAIN = new EslContentType("text/event-plain");
    public static final EslContentType EVENT_JSON = new EslContentType("text/event-json");
    public static final EslContentType EVENT_XML = new EslContentType("text/event-xml");
    public static final EslContentType DISCONNECT_NOTICE = new EslContentType("text/disconnect-notice");
    public static final EslContentType RUDE_REJECTION = new EslContentType("text/rude-rejection");
    public static final EslContentType LOG_DATA = new EslContentType("log/data");

    private static final Set<EslContentType> KNOWN = Set.of(AUTH_REQUEST, COMMAND_REPLY, API_RESPONSE, EVENT_PLAIN,
            EVENT_JSON, EVENT_XML, DISCONNECT_NOTICE, RUDE_REJECTION, LOG_DATA);

    public EslContentType {
        value = Objects.requireNonNull(value, "value").strip().toLowerCase(Locale.ROOT);
    }

    public static EslContentType of(String value) {
        return new EslContentType(value);
    }

    public boolean isKnown() {
        return KNOWN.contains(this);
    }

    /** Any {@code text/event-*}, including formats this codec does not decode (xml). */
    public boolean isEvent() {
        return value.startsWith("text/event-");
    }

    @Override
    public String toString() {
        return value;
    }
}
