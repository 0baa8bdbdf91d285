package dev.ivrflow.flow.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** The types a flow variable can be declared with. They map one to one onto expression types. */
public enum VariableType {
    STRING("string"), INT("int"), DOUBLE("double"), BOOL("bool"), LIST("list"), MAP("map");

    private final String json;

    VariableType(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }

    public static VariableType fromJson(String s) {
        for (VariableType t : values()) if (t.json.equals(s)) return t;
        throw new IllegalArgumentException("unknown variable type: " + s);
    }
}
