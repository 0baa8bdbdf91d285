package dev.ivrflow.flow.model;

/** JSON Pointer building (RFC 6901) for the settings records. */
public final class Pointers {
    private Pointers() {
    }

    public static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    public static String join(String base, Object... tokens) {
        StringBuilder sb = new StringBuilder(base);
        for (Object t : tokens) sb.append('/').append(escape(String.valueOf(t)));
        return sb.toString();
    }
}
