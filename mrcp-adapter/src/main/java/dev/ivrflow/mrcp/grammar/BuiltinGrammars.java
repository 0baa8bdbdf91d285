package dev.ivrflow.mrcp.grammar;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The URIs of builtin grammars, which speech servers spell differently. The defaults are the VoiceXML style most
 * MRCP servers take ({@code builtin:grammar/boolean}, {@code builtin:grammar/digits}, {@code builtin:dtmf/digits})
 * and UniMRCP's {@code builtin:speech/transcribe} for free speech; a profile replaces any of them
 * ({@code yesno}, {@code digits}, {@code transcribe}, and {@code dtmf:<name>} for the key variant). A name without an
 * entry becomes {@code builtin:grammar/<name>} (and {@code builtin:dtmf/<name>} for keys).
 */
public final class BuiltinGrammars {
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");
    private static final Pattern URI = Pattern.compile("builtin:[A-Za-z0-9_./-]{1,128}(\\?[A-Za-z0-9_=;.&-]{1,128})?");
    private static final Map<String, String> DEFAULTS = Map.of(
            "yesno", "builtin:grammar/boolean",
            "digits", "builtin:grammar/digits",
            "transcribe", "builtin:speech/transcribe",
            "dtmf:yesno", "builtin:dtmf/boolean",
            "dtmf:digits", "builtin:dtmf/digits");

    private final Map<String, String> uris;

    public BuiltinGrammars(Map<String, String> overrides) {
        Map<String, String> all = new HashMap<>(DEFAULTS);
        if (overrides != null) {
            overrides.forEach((name, uri) -> {
                if (uri == null || !URI.matcher(uri).matches()) {
                    throw new IllegalArgumentException("builtin grammar " + name + ": '" + uri
                            + "' is not a builtin: URI");
                }
                all.put(key(name), uri);
            });
        }
        this.uris = Map.copyOf(all);
    }

    /** The URI that recognises {@code name} spoken. */
    public String voice(String name) {
        String n = key(checked(name));
        return uris.getOrDefault(n, "builtin:grammar/" + n);
    }

    /** The URI that recognises {@code name} keyed in; empty for free transcription, which has no key form. */
    public Optional<String> dtmf(String name, int maxDigits) {
        String n = key(checked(name));
        if (n.equals("transcribe")) {
            return Optional.empty();
        }
        String uri = uris.getOrDefault("dtmf:" + n, "builtin:dtmf/" + n);
        if (n.equals("digits") && maxDigits > 0 && !uri.contains("?")) {
            uri += "?minlength=1;maxlength=" + Math.min(maxDigits, 128);
        }
        return Optional.of(uri);
    }

    private static String checked(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a builtin grammar name");
        }
        return name;
    }

    private static String key(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return switch (n) {
            case "boolean", "yes-no", "yes_no" -> "yesno";
            case "dtmf:boolean" -> "dtmf:yesno";
            default -> n;
        };
    }
}
