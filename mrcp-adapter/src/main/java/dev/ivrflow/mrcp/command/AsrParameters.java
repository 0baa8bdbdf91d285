package dev.ivrflow.mrcp.command;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code {name=value,...}} block in front of a grammar: FreeSWITCH hands each pair to the ASR module
 * ({@code switch_core_asr_text_param}), and mod_unimrcp sends the ones it knows as MRCP recognizer headers
 * ({@code No-Input-Timeout}, {@code Speech-Language}, ...) and the rest as vendor-specific parameters. Names must be
 * plain; values are escaped by {@link FsSyntax#asrParameterValue}. Order is kept, and a later value for a name
 * replaces the earlier one.
 */
public final class AsrParameters {
    private final Map<String, String> values = new LinkedHashMap<>();

    public AsrParameters put(String name, String value) {
        FsSyntax.token("ASR parameter name", name, FsSyntax.PARAMETER_NAME);
        values.put(name, FsSyntax.asrParameterValue(name, value));
        return this;
    }

    /** A timeout in milliseconds; nothing when absent, zero or negative (the profile's default applies). */
    public AsrParameters millis(String name, Duration value) {
        if (value != null && !value.isNegative() && !value.isZero()) {
            put(name, Long.toString(value.toMillis()));
        }
        return this;
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** {@code {a=1,b=2}}, or nothing at all when there are no parameters. */
    public String block() {
        if (values.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("{");
        values.forEach((name, value) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(name).append('=').append(value);
        });
        return out.append('}').toString();
    }
}
