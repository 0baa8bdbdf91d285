package dev.ivrflow.esl.codec;

/** The event encodings FreeSWITCH offers in {@code event} and {@code myevents}. */
public enum EventFormat {
    PLAIN("plain"),
    JSON("json"),
    XML("xml");

    private final String wire;

    EventFormat(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
