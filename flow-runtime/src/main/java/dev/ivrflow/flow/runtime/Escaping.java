package dev.ivrflow.flow.runtime;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * How a template's placeholder values are escaped for where the rendered text goes, so a value (a caller's
 * number, a CRM field) can never change the structure around it: a {@code +} in a URL, a quote in a JSON body, a
 * line break in a header.
 */
public enum Escaping {
    NONE {
        @Override
        public String escape(String value) {
            return value;
        }
    },
    /** Percent-encoding for a URL path segment or query value ({@code +} becomes {@code %2B}, a space {@code %20}). */
    URL {
        @Override
        public String escape(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
        }
    },
    /** The inside of a JSON string: quotes, backslashes and control characters escaped. */
    JSON {
        @Override
        public String escape(String value) {
            StringBuilder sb = new StringBuilder(value.length() + 8);
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    case '\t' -> sb.append("\\t");
                    default -> {
                        if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                        else sb.append(c);
                    }
                }
            }
            return sb.toString();
        }
    },
    /** A header value: line breaks removed, so no header can be injected. */
    HEADER {
        @Override
        public String escape(String value) {
            return value.replaceAll("[\\r\\n]+", " ");
        }
    };

    public abstract String escape(String value);
}
