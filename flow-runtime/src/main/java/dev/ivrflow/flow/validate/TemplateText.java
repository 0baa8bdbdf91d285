package dev.ivrflow.flow.validate;

/** Checks on the literal part of a {@code {{...}}} template, the only part known before a call. */
public final class TemplateText {
    private TemplateText() {
    }

    /** The text before the first placeholder: all of it when there is none. */
    public static String literalPrefix(String template) {
        int open = template.indexOf("{{");
        return open < 0 ? template : template.substring(0, open);
    }

    public static boolean isLiteral(String template) {
        return !template.contains("{{");
    }
}
