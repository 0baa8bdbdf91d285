package dev.ivrflow.esl.inbound;

import dev.ivrflow.esl.codec.EslCommand;
import dev.ivrflow.esl.codec.EslCommands;
import dev.ivrflow.esl.codec.EventFormat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The events and filters the application asked for, kept so a new connection can be given all of them again.
 *
 * <p>It mirrors how mod_event_socket keeps them: event names add up, {@code CUSTOM} subclasses add up, and the format
 * is one per connection, set by the latest {@code event} command (so asking for json after plain turns every event
 * into json). On the wire the subclasses must come after {@code CUSTOM}, because FreeSWITCH reads every word after it
 * as a subclass. Not thread-safe: used on the client's event loop only.
 */
final class EventSubscriptions {
    static final String CUSTOM = "CUSTOM";
    static final String ALL = "ALL";

    /** A {@code filter <header> <value>} the client keeps in place. */
    record Filter(String header, String value) {
    }

    private EventFormat format;
    private final Set<String> events = new LinkedHashSet<>();
    private final Set<String> subclasses = new LinkedHashSet<>();
    private final List<Filter> filters = new ArrayList<>();

    /** Checks a request and builds the command for it, without recording anything. */
    static EslCommand eventCommand(EventFormat format, Collection<String> eventNames) {
        requireReadableFormat(format);
        List<String> names = eventNames.stream().map(EventSubscriptions::normalise).toList();
        if (names.contains(CUSTOM)) {
            throw new IllegalArgumentException("subscribe to CUSTOM events by subclass with subscribeCustom(...); "
                    + "FreeSWITCH reads every word after CUSTOM as a subclass name");
        }
        return EslCommands.event(format, names);
    }

    static EslCommand customCommand(EventFormat format, Collection<String> subclassNames) {
        requireReadableFormat(format);
        if (subclassNames.isEmpty()) {
            throw new IllegalArgumentException("subscribeCustom needs at least one subclass, such as conference::maintenance");
        }
        List<String> words = new ArrayList<>();
        words.add(CUSTOM);
        words.addAll(subclassNames);
        return EslCommands.event(format, words);
    }

    void addEvents(EventFormat format, Collection<String> eventNames) {
        this.format = format;
        eventNames.forEach(name -> events.add(normalise(name)));
    }

    void addSubclasses(EventFormat format, Collection<String> subclassNames) {
        this.format = format;
        subclasses.addAll(subclassNames);
    }

    void addFilter(String header, String value) {
        Filter filter = new Filter(header, value);
        if (!filters.contains(filter)) {
            filters.add(filter);
        }
    }

    void removeFilter(String header, String value) {
        filters.remove(new Filter(header, value));
    }

    /** Whether FreeSWITCH will send this event (by name, not a CUSTOM subclass) on a connection set up from here. */
    boolean covers(String eventName) {
        return events.contains(ALL) || events.contains(normalise(eventName));
    }

    /** The format events come in, or {@code fallback} before anything was subscribed. */
    EventFormat formatOr(EventFormat fallback) {
        return format == null ? fallback : format;
    }

    /** Everything to send right after {@code auth}, in an order FreeSWITCH reads correctly. */
    List<EslCommand> restoreCommands() {
        List<EslCommand> commands = new ArrayList<>();
        if (!events.isEmpty() || !subclasses.isEmpty()) {
            List<String> words = new ArrayList<>(events);
            if (!subclasses.isEmpty()) {
                words.add(CUSTOM);
                words.addAll(subclasses);
            }
            commands.add(EslCommands.event(format, words));
        }
        filters.forEach(filter -> commands.add(EslCommands.filter(filter.header(), filter.value())));
        return commands;
    }

    Set<String> events() {
        return Set.copyOf(events);
    }

    private static void requireReadableFormat(EventFormat format) {
        Objects.requireNonNull(format, "format");
        if (format == EventFormat.XML) {
            throw new IllegalArgumentException("text/event-xml is not decoded into events; subscribe with PLAIN or JSON");
        }
    }

    /** FreeSWITCH matches event names without regard to case; one spelling keeps the set free of duplicates. */
    private static String normalise(String eventName) {
        Objects.requireNonNull(eventName, "event name");
        return eventName.toUpperCase(Locale.ROOT);
    }
}
