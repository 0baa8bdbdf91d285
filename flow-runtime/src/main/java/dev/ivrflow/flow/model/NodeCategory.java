package dev.ivrflow.flow.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** The palette groups of the designer. */
public enum NodeCategory {
    AUDIO_INPUT("Audio and input"), LOGIC("Logic"), TIME("Time"), CALL("Call");

    private final String title;

    NodeCategory(String title) {
        this.title = title;
    }

    @JsonValue
    public String title() {
        return title;
    }
}
