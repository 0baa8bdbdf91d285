package dev.ivrflow.flow.model;

import java.util.ArrayList;
import java.util.List;

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

    @SafeVarargs
    public static <T> List<T> concat(List<? extends T>... lists) {
        List<T> out = new ArrayList<>();
        for (List<? extends T> l : lists) out.addAll(l);
        return List.copyOf(out);
    }
}
