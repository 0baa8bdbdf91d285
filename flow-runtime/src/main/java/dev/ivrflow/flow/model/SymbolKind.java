package dev.ivrflow.flow.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** The kinds of symbolic references a flow can make; an environment binds each name to a real target. */
public enum SymbolKind {
    QUEUE("queues"), GATEWAY("gateways"), PROMPT("prompts"), CALENDAR("calendars"), PROFILE("profiles"),
    MAILBOX("mailboxes"), CONFERENCE_PROFILE("conferenceProfiles");

    private final String json;

    SymbolKind(String json) {
        this.json = json;
    }

    /** The key of this kind's map in an environment document. */
    @JsonValue
    public String json() {
        return json;
    }
}
