package dev.ivrflow.flow.model;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Optional;

/** The node catalogue. The JSON name is what flow documents carry in {@code "type"}. */
public enum NodeType {
    PLAY("play", NodeCategory.AUDIO_INPUT, "Play an audio file, URL or tone, optionally interrupted by a key press"),
    SAY("say", NodeCategory.AUDIO_INPUT, "Speak text with text-to-speech, in a language and voice"),
    MENU("menu", NodeCategory.AUDIO_INPUT, "Play a prompt and route by key press or spoken phrase, with retries"),
    INPUT("input", NodeCategory.AUDIO_INPUT, "Collect digits into a variable, checked by length and pattern"),
    ASK("ask", NodeCategory.AUDIO_INPUT, "Recognise speech (ASR) into a transcript and a confidence"),
    INTENT("intent", NodeCategory.AUDIO_INPUT, "Classify what the caller said into one of the declared intents"),
    CONDITION("condition", NodeCategory.LOGIC, "Take the first case whose expression is true, else 'else'"),
    SET("set", NodeCategory.LOGIC, "Assign variables from expressions"),
    LOOP("loop", NodeCategory.LOGIC, "Run the body branch N times, then take 'done'"),
    GOTO("goto", NodeCategory.LOGIC, "Jump to another node"),
    SUBFLOW("subflow", NodeCategory.LOGIC, "Run another published flow, then return"),
    HTTP("http", NodeCategory.LOGIC, "Call a web API and map JSON fields of the answer to variables"),
    WAIT("wait", NodeCategory.LOGIC, "Pause for a number of seconds"),
    CALENDAR("calendar", NodeCategory.TIME, "Decide open, closed or holiday from hours, exceptions and holidays"),
    TRANSFER("transfer", NodeCategory.CALL, "Bridge to a number, SIP URI, user or gateway, or transfer blind"),
    QUEUE("queue", NodeCategory.CALL, "Put the caller in a call-center queue"),
    VOICEMAIL("voicemail", NodeCategory.CALL, "Let the caller leave a voicemail"),
    RECORD("record", NodeCategory.CALL, "Record a message after a beep, stored and referenced"),
    CONFERENCE("conference", NodeCategory.CALL, "Join a conference room"),
    HANGUP("hangup", NodeCategory.CALL, "End the call with a cause"),
    CALLER_NAME("callerName", NodeCategory.CALL, "Set the caller name shown to agents"),
    MAX_DURATION("maxDuration", NodeCategory.CALL, "Cap the whole call's length"),
    ECHO("echo", NodeCategory.CALL, "Echo the caller's audio back: a line test");

    private final String json;
    private final NodeCategory category;
    private final String description;

    NodeType(String json, NodeCategory category, String description) {
        this.json = json;
        this.category = category;
        this.description = description;
    }

    @JsonValue
    public String json() {
        return json;
    }

    public NodeCategory category() {
        return category;
    }

    public String description() {
        return description;
    }

    public static Optional<NodeType> fromJson(String name) {
        for (NodeType t : values()) if (t.json.equals(name)) return Optional.of(t);
        return Optional.empty();
    }
}
