package dev.ivrflow.app.designer;

import dev.ivrflow.app.api.error.FieldError;
import dev.ivrflow.flow.calendar.CalendarDecision;
import dev.ivrflow.flow.calendar.CalendarEvaluator;
import dev.ivrflow.flow.calendar.CalendarProblem;
import dev.ivrflow.flow.calendar.CalendarProblemCode;
import dev.ivrflow.flow.calendar.CalendarSpec;
import dev.ivrflow.flow.calendar.CalendarValidator;
import dev.ivrflow.flow.json.DocumentError;
import dev.ivrflow.flow.json.FlowReader;
import dev.ivrflow.flow.json.ReadResult;
import dev.ivrflow.flow.model.Environment;
import dev.ivrflow.flow.model.Flow;
import dev.ivrflow.flow.nodes.calendar.CalendarSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a calendar node decides at a given instant, for the designer's "try a date" panel: the same reading, checks
 * and evaluation as a call's, without a call.
 *
 * <p>The settings are read as a calendar node's settings inside a one-node flow document, so they meet exactly the
 * flow schema and binding a saved flow meets (every schema problem, at its pointer); then the calendar's own checks
 * run (time zone, hours, dates, holiday region, named ranges). A shared calendar ({@code ref}) resolves through the
 * environment the runtime is configured with, as it does in a call.
 */
public final class CalendarPreview {
    private static final String SETTINGS_IN_FLOW = "/nodes/0/settings";
    private static final String EXPECTED_SETTINGS = "a calendar node's settings: {\"calendar\": {...}} or {\"ref\": \"name\"}"
            + " (the flow schema's $defs/calendarSettings)";
    private static final Set<String> BASE_DECISIONS =
            Set.of(CalendarDecision.OPEN, CalendarDecision.CLOSED, CalendarDecision.HOLIDAY);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * A decision: {@code decision} is open, closed or holiday; {@code exit} is the exit the node takes (the decision,
     * or a named range's name, which wins over the weekly hours); {@code localTime} is the instant in the calendar's
     * time zone (ISO 8601 with its offset then).
     */
    public record Result(String decision, String exit, String reason, String localTime, String timeZone) {
    }

    /** The calendar the settings decide with, or every problem found, with pointers under {@code /settings}. */
    public record Checked(CalendarSpec calendar, List<FieldError> errors) {
        public Checked {
            errors = List.copyOf(errors);
        }

        public boolean valid() {
            return calendar != null && errors.isEmpty();
        }
    }

    private final FlowReader reader;
    private final Environment environment;
    private final CalendarValidator validator;
    private final CalendarEvaluator evaluator;

    public CalendarPreview(FlowReader reader, Environment environment) {
        this.reader = reader;
        this.environment = environment == null ? Environment.PASS_THROUGH : environment;
        this.validator = new CalendarValidator();
        this.evaluator = new CalendarEvaluator();
    }

    /** Reads and checks a calendar node's settings ({@code settings} must be a JSON object). */
    public Checked check(JsonNode settings) {
        ObjectNode node = JSON.createObjectNode().put("id", "calendar").put("type", "calendar");
        node.set("settings", settings);
        ObjectNode flow = JSON.createObjectNode().put("schema", "ivr-flow/1").put("id", "calendar-preview")
                .put("name", "calendar preview").put("defaultLanguage", "en-US").put("start", "calendar");
        flow.putArray("nodes").add(node);

        List<FieldError> errors = new ArrayList<>();
        ReadResult<Flow> read = reader.read(JSON.writeValueAsBytes(flow));
        if (!(read instanceof ReadResult.Valid<Flow>(Flow f)) || !(f.nodes().getFirst().settings() instanceof CalendarSettings s)) {
            for (DocumentError e : read.errors()) errors.add(settingsError(e));
            if (errors.isEmpty()) errors.add(new FieldError("/settings", "these are not a calendar node's settings", EXPECTED_SETTINGS));
            return new Checked(null, errors);
        }

        if (s.calendar() != null) {
            for (CalendarProblem p : validator.validate(s.calendar())) {
                if (CalendarProblemCode.isError(p.code())) errors.add(problem("/settings/calendar", p));
            }
            return new Checked(errors.isEmpty() ? s.calendar() : null, errors);
        }
        return shared(s.ref());
    }

    /** What the calendar decides at {@code at}; the calendar must have passed {@link #check}. */
    public Result decide(CalendarSpec calendar, Instant at) {
        CalendarDecision d = evaluator.evaluate(calendar, at);
        if (d.isError()) throw new IllegalArgumentException("the calendar was not checked: " + d.reason());
        String decision = d.exit();
        if (!BASE_DECISIONS.contains(decision)) {
            // A named range matched: the hours beneath it still say open or closed (exceptions and holidays come
            // before ranges, so without the ranges only the weekly hours are left to decide).
            decision = evaluator.evaluate(new CalendarSpec(calendar.timeZone(), calendar.weekly(), calendar.exceptions(),
                    calendar.holidays(), null), at).exit();
        }
        ZoneId zone = ZoneId.of(calendar.timeZone());
        return new Result(decision, d.exit(), d.reason(),
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atZone(zone).toOffsetDateTime()), zone.getId());
    }

    private Checked shared(String name) {
        String pointer = "/settings/ref";
        CalendarSpec calendar = environment.calendar(name).orElse(null);
        if (calendar == null) {
            String message = environment.calendars().isEmpty()
                    ? "there is no shared calendar named '" + name + "': the runtime's environment (ivr.runtime.environment)"
                      + " defines no calendars"
                    : "there is no shared calendar named '" + name + "' in the runtime's environment";
            String expected = environment.calendars().isEmpty() ? "a calendar written in the node (\"calendar\")"
                    : "one of " + String.join(", ", environment.calendars().keySet());
            return new Checked(null, List.of(new FieldError(pointer, message, expected)));
        }
        List<FieldError> errors = new ArrayList<>();
        for (CalendarProblem p : validator.validate(calendar)) {
            if (!CalendarProblemCode.isError(p.code())) continue;
            errors.add(new FieldError(pointer, "the shared calendar '" + name + "' in the runtime's environment is not"
                    + " valid, at /calendars/" + name + p.pointer() + ": " + p.message(), "a valid shared calendar"));
        }
        return new Checked(errors.isEmpty() ? calendar : null, errors);
    }

    private static FieldError settingsError(DocumentError e) {
        String pointer = e.pointer().startsWith(SETTINGS_IN_FLOW)
                ? "/settings" + e.pointer().substring(SETTINGS_IN_FLOW.length()) : "/settings";
        String message = e.message();
        return new FieldError(pointer, message, e.expected().isEmpty() ? EXPECTED_SETTINGS : e.expected());
    }

    // The calendar checks write "found X; expected Y": Y is what the designer shows next to the field.
    private static FieldError problem(String base, CalendarProblem p) {
        String message = p.message();
        int i = message.indexOf("; expected ");
        String expected = i < 0 ? "a valid calendar" : message.substring(i + "; expected ".length());
        return new FieldError(base + (p.pointer() == null ? "" : p.pointer()), message, expected);
    }
}
