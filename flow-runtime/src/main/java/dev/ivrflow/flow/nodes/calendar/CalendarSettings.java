package dev.ivrflow.flow.nodes.calendar;

import dev.ivrflow.flow.calendar.CalendarSpec;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.ivrflow.flow.model.*;

import java.util.*;

/**
 * {@code calendar}: decide open, closed or holiday (or a named range) from a calendar held inline, or from a
 * shared calendar the environment binds to {@code ref}. Exactly one of the two is set.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"calendar", "ref"})
public record CalendarSettings(CalendarSpec calendar, String ref) implements NodeSettings {

    @Override
    public List<ExitSpec> exits() {
        List<ExitSpec> out = new ArrayList<>();
        out.add(ExitSpec.required("open", "within opening hours"));
        out.add(ExitSpec.required("closed", "outside opening hours"));
        out.add(ExitSpec.optional("holiday", "closed", "a public holiday"));
        if (calendar != null && calendar.ranges() != null) {
            calendar.ranges().forEach(r -> {
                if (r.name() != null) out.add(ExitSpec.required(r.name(), "within the range " + r.name()));
            });
        }
        out.add(ExitSpec.error());
        return out;
    }

    @Override
    public List<SymbolRef> references() {
        return ref == null ? List.of() : List.of(new SymbolRef("/ref", SymbolKind.CALENDAR, ref));
    }
}
