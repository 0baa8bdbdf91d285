package dev.ivrflow.flow.validate;

/**
 * How bad an issue is. Only {@link #ERROR} stops a flow from being published and run; a {@link #WARNING} is
 * something that works but is probably not what the admin meant; {@link #INFO} explains a default.
 */
public enum Severity {
    ERROR, WARNING, INFO
}
