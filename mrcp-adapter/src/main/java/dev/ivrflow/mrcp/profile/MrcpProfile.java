package dev.ivrflow.mrcp.profile;

import dev.ivrflow.mrcp.command.FsSyntax;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One MRCP profile as this application knows it: the name flows use ({@code asr-en}, what a node's {@code profile}
 * setting resolves to through the environment bindings), the mod_unimrcp profile it stands for
 * ({@code conf/mrcp_profiles/<switchProfile>.xml}), which callers it is for (languages, tenants), what it serves, and
 * how its server talks.
 *
 * @param name          the name flows and the registry use
 * @param switchProfile the profile name in FreeSWITCH's mod_unimrcp ({@code <profile name="...">}); defaults to name
 * @param languages     the languages it recognises and speaks (BCP 47; {@code en} covers {@code en-US}); empty: any
 * @param tenants       the tenants it serves; empty: every tenant
 * @param resources     ASR, TTS or both; empty: both
 * @param voice         the TTS voice when a prompt names none; null: the server's default
 * @param fallback      the profile to use while this one is down; null: the next profile that fits the call
 * @param mrcpVersion   1 or 2: MRCPv1 servers give confidences from 0 to 100 and number completion causes their way
 * @param builtins      builtin grammar URIs by name, replacing the defaults ({@code yesno}, {@code digits},
 *                      {@code transcribe}; {@code dtmf:digits} and {@code dtmf:yesno} for keys)
 * @param parameters    ASR parameters sent with every recognition ({@code Confidence-Threshold}, vendor ones...)
 */
public record MrcpProfile(String name, String switchProfile, List<String> languages, List<String> tenants,
                          Set<Resource> resources, String voice, String fallback, int mrcpVersion,
                          Map<String, String> builtins, Map<String, String> parameters) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.@+-]{0,127}");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,3}");

    public MrcpProfile {
        FsSyntax.token("MRCP profile name", name, NAME);
        switchProfile = switchProfile == null || switchProfile.isBlank() ? name
                : FsSyntax.token("mod_unimrcp profile of " + name, switchProfile, NAME);
        languages = languages == null ? List.of() : languages.stream().map(l -> {
            if (l == null || !LANGUAGE.matcher(l).matches()) {
                throw new IllegalArgumentException("profile " + name + ": '" + l + "' is not a language tag");
            }
            return l;
        }).toList();
        tenants = tenants == null ? List.of() : List.copyOf(tenants);
        resources = resources == null || resources.isEmpty() ? EnumSet.allOf(Resource.class) : EnumSet.copyOf(resources);
        voice = voice == null || voice.isBlank() ? null : FsSyntax.token("voice of profile " + name, voice, FsSyntax.VOICE);
        fallback = fallback == null || fallback.isBlank() ? null : FsSyntax.token("fallback of " + name, fallback, NAME);
        if (fallback != null && fallback.equals(name)) {
            throw new IllegalArgumentException("profile " + name + " cannot be its own fallback");
        }
        if (mrcpVersion == 0) {
            mrcpVersion = 2;
        }
        if (mrcpVersion != 1 && mrcpVersion != 2) {
            throw new IllegalArgumentException("profile " + name + ": MRCP version must be 1 or 2, not " + mrcpVersion);
        }
        builtins = builtins == null ? Map.of() : Map.copyOf(builtins);
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    /** A profile known only by its name (a node named a mod_unimrcp profile this application has no entry for). */
    public static MrcpProfile named(String name) {
        return new MrcpProfile(name, name, List.of(), List.of(), Set.of(), null, null, 2, Map.of(), Map.of());
    }

    public boolean serves(Resource resource) {
        return resources.contains(resource);
    }

    /** 2 for a tenant it names, 1 when it serves every tenant, 0 when not for this tenant. */
    int tenantFit(String tenant) {
        if (tenants.isEmpty()) {
            return 1;
        }
        return tenant != null && tenants.contains(tenant) ? 2 : 0;
    }

    /** 3 for the exact language, 2 for the same primary language, 1 when it takes any, 0 when it does not fit. */
    int languageFit(String language) {
        if (languages.isEmpty()) {
            return 1;
        }
        if (language == null) {
            return 0;
        }
        String wanted = language.toLowerCase(Locale.ROOT);
        String primary = wanted.split("-", 2)[0];
        int best = 0;
        for (String l : languages) {
            String have = l.toLowerCase(Locale.ROOT);
            if (have.equals(wanted)) {
                return 3;
            }
            if (have.split("-", 2)[0].equals(primary)) {
                best = 2;
            }
        }
        return best;
    }
}
