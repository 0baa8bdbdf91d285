package dev.ivrflow.app.api.error;

import tools.jackson.core.JacksonException;

/** The JSON Pointer (RFC 6901) of the place a Jackson error points at. */
public final class JsonPointers {
    private JsonPointers() {
    }

    public static String of(JacksonException e) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference r : e.getPath()) {
            sb.append('/');
            if (r.getPropertyName() != null) {
                sb.append(r.getPropertyName().replace("~", "~0").replace("/", "~1"));
            } else if (r.getIndex() >= 0) {
                sb.append(r.getIndex());
            }
        }
        return sb.toString();
    }
}
