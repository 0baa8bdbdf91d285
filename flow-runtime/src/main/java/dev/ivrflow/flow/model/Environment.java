package dev.ivrflow.flow.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.ivrflow.flow.calendar.CalendarSpec;

import java.util.Map;
import java.util.Optional;

/**
 * An environment's bindings: what each symbolic name in a flow means on this FreeSWITCH (staging, production).
 * One flow is promoted between environments unchanged; only the bindings differ. Queues, gateways, mailboxes,
 * MRCP profiles and conference profiles map to FreeSWITCH names; prompts to file locations; calendars to
 * shared calendar definitions.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"queues", "gateways", "prompts", "calendars", "profiles", "mailboxes", "conferenceProfiles"})
public record Environment(Map<String, String> queues, Map<String, String> gateways, Map<String, String> prompts,
                          Map<String, CalendarSpec> calendars, Map<String, String> profiles,
                          Map<String, String> mailboxes, Map<String, String> conferenceProfiles) {

    /** No bindings: names pass through unchanged, which is what a single-switch installation wants. */
    public static final Environment PASS_THROUGH = new Environment(null, null, null, null, null, null, null);

    public Environment {
        queues = sorted(queues);
        gateways = sorted(gateways);
        prompts = sorted(prompts);
        calendars = sorted(calendars);
        profiles = sorted(profiles);
        mailboxes = sorted(mailboxes);
        conferenceProfiles = sorted(conferenceProfiles);
    }

    private static <V> Map<String, V> sorted(Map<String, V> m) {
        return m == null ? Map.of() : Maps.sortedCopy(m);
    }

    /** True when the environment declares any name of this kind, so unknown names can be reported. */
    public boolean declares(SymbolKind kind) {
        return !names(kind).isEmpty();
    }

    public Map<String, ?> names(SymbolKind kind) {
        return switch (kind) {
            case QUEUE -> queues;
            case GATEWAY -> gateways;
            case PROMPT -> prompts;
            case CALENDAR -> calendars;
            case PROFILE -> profiles;
            case MAILBOX -> mailboxes;
            case CONFERENCE_PROFILE -> conferenceProfiles;
        };
    }

    /**
     * The real name bound to a symbolic one. A kind the environment does not declare at all passes names
     * through unchanged; a declared kind must bind the name.
     */
    public Optional<String> resolve(SymbolKind kind, String name) {
        if (kind == SymbolKind.CALENDAR) throw new IllegalArgumentException("calendars resolve with calendar()");
        Map<String, ?> m = names(kind);
        if (m.isEmpty()) return Optional.ofNullable(name);
        Object v = m.get(name);
        return Optional.ofNullable(v == null ? null : v.toString());
    }

    public Optional<CalendarSpec> calendar(String name) {
        return Optional.ofNullable(calendars.get(name));
    }
}
