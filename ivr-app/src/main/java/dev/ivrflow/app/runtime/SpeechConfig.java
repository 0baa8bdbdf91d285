package dev.ivrflow.app.runtime;

import dev.ivrflow.app.config.IvrProperties;
import dev.ivrflow.esl.codec.EventFormat;
import dev.ivrflow.esl.inbound.InboundClient;
import dev.ivrflow.flow.port.SpeechCommands;
import dev.ivrflow.mrcp.SpeechSettings;
import dev.ivrflow.mrcp.UniMrcpSpeech;
import dev.ivrflow.mrcp.profile.MrcpProfile;
import dev.ivrflow.mrcp.profile.ProfileHealth;
import dev.ivrflow.mrcp.profile.ProfileRegistry;
import dev.ivrflow.mrcp.profile.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Speech for calls: mrcp-adapter's {@link UniMrcpSpeech} as the ESL channel's {@link SpeechCommands}, with the MRCP
 * profiles of {@code ivr.speech.profiles} and their health, which mod_unimrcp's profile events update through the
 * inbound connection (when one is configured) and failed recognitions update always. Text-to-speech keeps its
 * engine from {@code ivr.runtime.tts-engine} ({@code IVR_TTS_ENGINE}): {@code unimrcp} picks a profile per call,
 * {@code unimrcp:<profile>} names one, {@code flite} and other modules are used as they are.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SpeechConfig.SpeechProperties.class)
public class SpeechConfig {
    private static final Logger log = LoggerFactory.getLogger(SpeechConfig.class);

    /**
     * {@code ivr.speech.*}.
     *
     * @param asrEngine             the FreeSWITCH recognition module ({@code unimrcp}: a profile per call)
     * @param tenantVariable        the channel variable naming a call's tenant (set it in the dialplan)
     * @param closeAfterRecognition close the MRCP session after each recognition (else keep it for the next one and
     *                              close it before the call moves on to something long)
     * @param nBest                 hypotheses to ask the recogniser for
     * @param ssmlEngines           modules that take SSML (others get its plain words)
     * @param health                when a profile counts as down, and for how long
     * @param profiles              the MRCP profiles flows name, for which callers, and their fallbacks
     */
    @ConfigurationProperties("ivr.speech")
    public record SpeechProperties(String asrEngine, String tenantVariable, Boolean closeAfterRecognition, Integer nBest,
                                   List<String> ssmlEngines, Health health, List<Profile> profiles) {
        public SpeechProperties {
            health = health == null ? new Health(null, null) : health;
            profiles = profiles == null ? List.of() : List.copyOf(profiles);
        }

        public SpeechSettings settings(String ttsEngine) {
            return new SpeechSettings(asrEngine, ttsEngine, tenantVariable,
                    closeAfterRecognition == null || closeAfterRecognition, nBest == null ? 3 : nBest, ssmlEngines);
        }

        /** After {@code failuresToDown} failures in a row a profile is down for {@code retryAfter}. */
        public record Health(Integer failuresToDown, Duration retryAfter) {
            public Health {
                failuresToDown = failuresToDown == null ? 2 : failuresToDown;
                retryAfter = retryAfter == null ? Duration.ofSeconds(30) : retryAfter;
            }
        }

        /** One profile; see {@link MrcpProfile} for each setting. */
        public record Profile(String name, String switchProfile, List<String> languages, List<String> tenants,
                              Set<Resource> resources, String voice, String fallback, Integer mrcpVersion,
                              Map<String, String> builtins, Map<String, String> parameters) {
            MrcpProfile toProfile() {
                return new MrcpProfile(name, switchProfile, languages, tenants, resources, voice, fallback,
                        mrcpVersion == null ? 2 : mrcpVersion, builtins, parameters);
            }
        }
    }

    @Bean
    ProfileHealth mrcpProfileHealth(SpeechProperties properties) {
        return new ProfileHealth(InstantSource.system(), properties.health().failuresToDown(),
                properties.health().retryAfter());
    }

    @Bean
    ProfileRegistry mrcpProfileRegistry(SpeechProperties properties, ProfileHealth health) {
        List<MrcpProfile> profiles;
        try {
            profiles = properties.profiles().stream().map(SpeechProperties.Profile::toProfile).toList();
            return new ProfileRegistry(profiles, health);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("ivr.speech.profiles: " + e.getMessage(), e);
        }
    }

    @Bean
    UniMrcpSpeech speechCommands(SpeechProperties properties, ProfileRegistry registry, IvrProperties ivr) {
        String tts = ivr.runtime().ttsEngine();
        UniMrcpSpeech speech = new UniMrcpSpeech(properties.settings(tts), registry);
        log.info("speech: recognition through {}, synthesis through {}, {} MRCP profile(s){}",
                properties.settings(tts).asrEngine(), tts, registry.profiles().size(),
                registry.profiles().isEmpty() ? " (mod_unimrcp's default profile serves)" : " "
                        + registry.profiles().stream().map(p -> p.name() + "=" + p.switchProfile()).toList());
        return speech;
    }

    @Bean
    SpeechHealthIndicator speechHealthIndicator(ProfileRegistry registry) {
        return new SpeechHealthIndicator(registry);
    }

    /**
     * Subscribes the inbound connection to mod_unimrcp's profile events and hands them to the profiles' health;
     * starts after the inbound client (which restores the subscription after every reconnect). The events are
     * fired only with {@code enable-profile-events=true} in unimrcp.conf.xml.
     */
    @Bean
    SmartLifecycle mrcpProfileEvents(EslInboundService inbound, ProfileHealth health) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                running = true;
                inbound.client().ifPresent(this::listen);
            }

            private void listen(InboundClient client) {
                client.addEventListener(e -> e.subclass().ifPresent(s -> health.onEvent(s, e.headers().asMap())));
                client.subscribeCustom(EventFormat.PLAIN, List.of(ProfileHealth.PROFILE_CREATE,
                        ProfileHealth.PROFILE_OPEN, ProfileHealth.PROFILE_CLOSE)).whenComplete((done, error) -> {
                            if (error != null) {
                                log.warn("could not subscribe to mod_unimrcp's profile events: {}", error.toString());
                            }
                        });
            }

            @Override
            public void stop() {
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                return EslOutboundService.PHASE + 1;
            }
        };
    }
}
