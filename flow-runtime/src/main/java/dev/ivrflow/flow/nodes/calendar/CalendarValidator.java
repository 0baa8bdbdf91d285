package dev.ivrflow.flow.nodes.calendar;

import dev.ivrflow.flow.calendar.CalendarProblem;
import dev.ivrflow.flow.calendar.CalendarProblemCode;
import dev.ivrflow.flow.calendar.CalendarSpec;
import dev.ivrflow.flow.calendar.NamedRange;
import dev.ivrflow.flow.model.Environment;
import dev.ivrflow.flow.model.ExitSpec;
import dev.ivrflow.flow.validate.FieldChecks;
import dev.ivrflow.flow.validate.NodeCheck;
import dev.ivrflow.flow.validate.NodeExits;
import dev.ivrflow.flow.validate.NodeValidator;
import dev.ivrflow.flow.validate.Severity;
import dev.ivrflow.flow.validate.ValidationCodes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The calendar node decides from exactly one calendar: its own, checked here by the calendar validator (its codes
 * are kept), or a shared one the environment binds (an unknown name is reported with the other symbolic names).
 * A shared calendar's named ranges are exits too, known only when the environment is.
 */
public final class CalendarValidator implements NodeValidator<CalendarSettings> {
    private final dev.ivrflow.flow.calendar.CalendarValidator calendars;

    public CalendarValidator(dev.ivrflow.flow.calendar.CalendarValidator calendars) {
        this.calendars = calendars;
    }

    @Override
    public void validate(NodeCheck<CalendarSettings> check) {
        CalendarSettings s = check.settings();
        boolean inline = s.calendar() != null;
        boolean shared = FieldChecks.present(s.ref());
        if (!inline && !shared) {
            check.error(ValidationCodes.CALENDAR_SPEC_MISSING, "", "it has no calendar. Enter the opening hours here,"
                    + " or choose a shared calendar.");
        } else if (inline && shared) {
            check.error(ValidationCodes.CALENDAR_SPEC_MISSING, "", "it has both its own hours and the shared calendar"
                    + " \"" + s.ref() + "\", but only one can decide. Keep one of them.");
        }
        if (!inline) return;
        for (CalendarProblem p : calendars.validate(s.calendar())) {
            Severity severity = CalendarProblemCode.isError(p.code()) ? Severity.ERROR : Severity.WARNING;
            String at = p.pointer() == null || p.pointer().isEmpty() ? "" : " at " + p.pointer().substring(1);
            check.report(severity, p.code(), "/calendar" + (p.pointer() == null ? "" : p.pointer()), null,
                    "the calendar has a problem" + at + ": " + p.message() + ".");
        }
    }

    @Override
    public NodeExits exits(CalendarSettings settings, Environment environment) {
        if (settings.calendar() != null || settings.ref() == null) return NodeExits.of(settings.exits());
        Optional<CalendarSpec> shared = environment.calendar(settings.ref());
        if (shared.isEmpty()) return NodeExits.atLeast(settings.exits());
        List<ExitSpec> exits = new ArrayList<>(settings.exits());
        List<NamedRange> ranges = shared.get().ranges() == null ? List.of() : shared.get().ranges();
        for (NamedRange r : ranges) {
            if (r != null && r.name() != null) exits.add(ExitSpec.required(r.name(), "within the range " + r.name()));
        }
        return NodeExits.of(exits);
    }
}
