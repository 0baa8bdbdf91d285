package dev.ivrflow.app.flows;

import java.util.regex.Pattern;

/** Flow ids as the flow schema allows them: lower-case letters, digits and dashes, 1 to 64 characters. */
public final class FlowIds {
    public static final String PATTERN = "^[a-z0-9][a-z0-9-]{0,63}$";
    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private FlowIds() {
    }

    public static boolean valid(String id) {
        return id != null && COMPILED.matcher(id).matches();
    }
}
