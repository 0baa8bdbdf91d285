package dev.ivrflow.app.runtime;

import dev.ivrflow.mrcp.profile.MrcpProfile;
import dev.ivrflow.mrcp.profile.ProfileHealth;
import dev.ivrflow.mrcp.profile.ProfileRegistry;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code speech} in {@code /actuator/health}: DOWN only when every configured MRCP profile is down (calls then
 * have no recogniser; menus go on with keys), UP otherwise, also with no profiles (mod_unimrcp's default one
 * serves). Details (for ADMIN): each profile's mod_unimrcp name, state, open channels and last problem.
 */
public final class SpeechHealthIndicator implements HealthIndicator {
    private final ProfileRegistry registry;

    public SpeechHealthIndicator(ProfileRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Health health() {
        Map<String, ProfileHealth.Status> known = registry.health().snapshot();
        Map<String, Object> profiles = new LinkedHashMap<>();
        int down = 0;
        for (MrcpProfile p : registry.profiles()) {
            ProfileHealth.Status s = known.get(p.switchProfile());
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("switchProfile", p.switchProfile());
            d.put("state", s == null ? ProfileHealth.State.UNKNOWN.name() : s.state().name());
            if (s != null) {
                d.put("openAsr", s.openAsr());
                d.put("openTts", s.openTts());
                if (s.lastProblem() != null) d.put("lastProblem", s.lastProblem());
                if (s.state() == ProfileHealth.State.DOWN) down++;
            }
            profiles.put(p.name(), d);
        }
        boolean up = registry.profiles().isEmpty() || down < registry.profiles().size();
        return (up ? Health.up() : Health.down()).withDetail("profiles", profiles).build();
    }
}
