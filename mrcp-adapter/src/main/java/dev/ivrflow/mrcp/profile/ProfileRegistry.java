package dev.ivrflow.mrcp.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The MRCP profiles, and which one serves a request: the one a node names, else the best fit for the call's tenant
 * and language; and, when that one is down, its fallback, else the next that fits.
 *
 * <p>Fit, best first: a profile naming the call's tenant before one serving every tenant (a profile naming other
 * tenants never serves this call); then the exact language, the same primary language ({@code en} for
 * {@code en-GB}), a profile for any language; then the order of configuration. A named profile the registry does
 * not know is passed to the switch as it is (mod_unimrcp may know it). When every candidate is down, the first is
 * used anyway: trying a profile that may be back beats failing a call for certain.
 */
public final class ProfileRegistry {
    private final Map<String, MrcpProfile> byName = new LinkedHashMap<>();
    private final ProfileHealth health;

    public ProfileRegistry(List<MrcpProfile> profiles, ProfileHealth health) {
        this.health = Objects.requireNonNull(health, "health");
        for (MrcpProfile p : profiles) {
            if (byName.putIfAbsent(p.name(), p) != null) {
                throw new IllegalArgumentException("two MRCP profiles are named " + p.name());
            }
        }
        for (MrcpProfile p : profiles) {
            if (p.fallback() != null && !byName.containsKey(p.fallback())) {
                throw new IllegalArgumentException("profile " + p.name() + " falls back to " + p.fallback()
                        + ", which is not a profile");
            }
        }
    }

    public ProfileHealth health() {
        return health;
    }

    public List<MrcpProfile> profiles() {
        return List.copyOf(byName.values());
    }

    public Optional<MrcpProfile> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * The profile a request goes to and why, for a resource, the name a node gave (null: none), and the call's
     * language and tenant (either may be null). Empty when no profile is named and none is configured: the module's
     * default profile then serves.
     */
    public Optional<Choice> choose(Resource resource, String named, String language, String tenant) {
        List<MrcpProfile> candidates = new ArrayList<>();
        if (named != null && !named.isBlank()) {
            MrcpProfile p = byName.get(named);
            if (p == null) {
                p = byName.values().stream().filter(c -> c.switchProfile().equals(named)).findFirst()
                        .orElse(MrcpProfile.named(named));
            }
            candidates.add(p);
        } else {
            candidates.addAll(fitting(resource, language, tenant));
            if (candidates.isEmpty()) {
                return Optional.empty();
            }
        }
        MrcpProfile first = candidates.getFirst();
        Set<String> tried = new LinkedHashSet<>();
        MrcpProfile current = first;
        List<MrcpProfile> rest = new ArrayList<>(fitting(resource, language, tenant));
        while (current != null && tried.add(current.name())) {
            if (health.available(current.switchProfile())) {
                String why = current == first ? reason(named, current) : current.name() + " (" + first.name()
                        + " is down)";
                return Optional.of(new Choice(current, why, current != first));
            }
            current = next(current, rest, tried, resource);
        }
        return Optional.of(new Choice(first, first.name() + " (every candidate is down; trying it anyway)", false));
    }

    private MrcpProfile next(MrcpProfile down, List<MrcpProfile> ranked, Set<String> tried, Resource resource) {
        if (down.fallback() != null && !tried.contains(down.fallback())) {
            MrcpProfile f = byName.get(down.fallback());
            if (f != null && f.serves(resource)) {
                return f;
            }
        }
        return ranked.stream().filter(p -> !tried.contains(p.name())).findFirst().orElse(null);
    }

    private List<MrcpProfile> fitting(Resource resource, String language, String tenant) {
        List<MrcpProfile> out = new ArrayList<>();
        for (MrcpProfile p : byName.values()) {
            if (p.serves(resource) && p.tenantFit(tenant) > 0 && p.languageFit(language) > 0) {
                out.add(p);
            }
        }
        // stable: equal fits keep the configuration order
        out.sort(Comparator.comparingInt((MrcpProfile p) -> p.tenantFit(tenant)).reversed()
                .thenComparing(Comparator.comparingInt((MrcpProfile p) -> p.languageFit(language)).reversed()));
        return out;
    }

    private static String reason(String named, MrcpProfile p) {
        return named != null && !named.isBlank() ? p.name() + " (named by the node)" : p.name() + " (fits the call)";
    }

    /** The chosen profile, why (for the journal and logs), and whether it stands in for one that is down. */
    public record Choice(MrcpProfile profile, String why, boolean fallback) {
    }
}
