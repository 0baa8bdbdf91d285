package dev.ivrflow.mrcp;

import dev.ivrflow.flow.port.Audio;
import dev.ivrflow.flow.port.CallInfo;
import dev.ivrflow.flow.port.SpeechCommands;
import dev.ivrflow.flow.port.SpeechRequest;
import dev.ivrflow.flow.port.SpeechResult;
import dev.ivrflow.mrcp.command.AsrParameters;
import dev.ivrflow.mrcp.command.FsSyntax;
import dev.ivrflow.mrcp.command.Ssml;
import dev.ivrflow.mrcp.grammar.BuiltinGrammars;
import dev.ivrflow.mrcp.grammar.GrammarPlan;
import dev.ivrflow.mrcp.profile.MrcpProfile;
import dev.ivrflow.mrcp.profile.ProfileRegistry;
import dev.ivrflow.mrcp.profile.Resource;
import dev.ivrflow.mrcp.result.NlsmlParser;
import dev.ivrflow.mrcp.result.RecognitionReader;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Speech through FreeSWITCH's speech modules, mod_unimrcp first: the {@link SpeechCommands} the ESL call channel
 * runs.
 * <ul>
 *   <li><b>Synthesis</b>: {@code speak unimrcp:<profile>|<voice>|<text or SSML>}, the profile chosen for the call's
 *       language and tenant ({@link ProfileRegistry}); the same code speaks through any other module
 *       ({@code speak flite|kal|Hello}, capture 18). SSML goes in the message body; for a module without SSML it
 *       becomes its plain words.</li>
 *   <li><b>Recognition</b>: {@code play_and_detect_speech <prompt> detect:unimrcp:<profile> {params}<grammar>},
 *       with {@code start-input-timers=false} (FreeSWITCH starts the no-input timer when the prompt ends),
 *       the node's timeouts, its language, the n-best length and the profile's own parameters, and the grammar
 *       of {@link GrammarPlan}. Before the first recognition of a call, {@code fire_asr_events=true} (the
 *       DETECTED_SPEECH events reach the socket: barge-in is seen, and the completion cause) and, by default,
 *       {@code play_and_detect_speech_close_asr=true} (the MRCP session closes when the recognition ends, so a
 *       call waiting in a queue holds no recogniser).</li>
 *   <li><b>Results</b>: {@link RecognitionReader}; {@code ASR INIT ERROR} counts against the profile's health, any
 *       readable answer for it.</li>
 * </ul>
 */
public final class UniMrcpSpeech implements SpeechCommands {
    private static final System.Logger LOG = System.getLogger(UniMrcpSpeech.class.getName());

    private final SpeechSettings settings;
    private final ProfileRegistry registry;
    private final RecognitionReader reader = new RecognitionReader(new NlsmlParser());

    public UniMrcpSpeech(SpeechSettings settings, ProfileRegistry registry) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    public ProfileRegistry registry() {
        return registry;
    }

    @Override
    public Voice voice(Audio.Speech speech, CallInfo call) {
        String engine = speech.engine() == null || speech.engine().isBlank() ? settings.ttsEngine() : speech.engine();
        FsSyntax.token("TTS engine", engine, FsSyntax.TOKEN);
        String voice = speech.voice();
        if (SpeechSettings.module(engine).equals(SpeechSettings.UNIMRCP)) {
            String named = engine.contains(":") ? engine.substring(engine.indexOf(':') + 1) : null;
            Optional<ProfileRegistry.Choice> choice = registry.choose(Resource.TTS, named, speech.language(),
                    tenant(call));
            if (choice.isPresent()) {
                MrcpProfile p = choice.get().profile();
                engine = SpeechSettings.UNIMRCP + ":" + p.switchProfile();
                if (voice == null || voice.isBlank()) {
                    voice = p.voice();
                }
            }
        }
        voice = voice == null || voice.isBlank() ? "" : FsSyntax.token("TTS voice", voice, FsSyntax.VOICE);
        return new Voice(engine, voice);
    }

    @Override
    public SwitchApp speak(Audio.Speech speech, CallInfo call) {
        Voice v = voice(speech, call);
        boolean ssml = Ssml.is(speech.text());
        String text = speech.text();
        if (ssml && !settings.takesSsml(v.engine())) {
            text = Ssml.plainText(text);
            ssml = false;
        }
        String spoken = FsSyntax.speakText(text, ssml);
        return new SwitchApp("speak", v.engine() + "|" + v.voice() + "|" + spoken, ssml || spoken.indexOf('\n') >= 0);
    }

    @Override
    public Map<String, String> recognitionVariables() {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("fire_asr_events", "true");
        vars.put("play_and_detect_speech_close_asr", settings.closeAfterRecognition() ? "true" : "false");
        return vars;
    }

    @Override
    public Recognition recognize(String prompt, SpeechRequest request, CallInfo call) {
        if (prompt == null || prompt.isBlank()) {
            throw new IllegalArgumentException("a recognition needs a prompt (silence_stream:// for none)");
        }
        if (prompt.contains("detect:")) {
            throw new IllegalArgumentException("a speech prompt must not contain 'detect:': FreeSWITCH splits the "
                    + "argument at its first occurrence");
        }
        FsSyntax.noExpansion("speech prompt", prompt);
        String engine = settings.asrEngine();
        MrcpProfile profile = null;
        if (engine.equals(SpeechSettings.UNIMRCP)) {
            Optional<ProfileRegistry.Choice> choice = registry.choose(Resource.ASR, request.profile(),
                    request.language(), tenant(call));
            if (choice.isPresent()) {
                profile = choice.get().profile();
                engine = engine + ":" + profile.switchProfile();
                if (choice.get().fallback()) {
                    LOG.log(System.Logger.Level.INFO, "{0}: recognising with {1}", call.uuid(), choice.get().why());
                }
            }
        }
        BuiltinGrammars builtins = new BuiltinGrammars(profile == null ? Map.of() : profile.builtins());
        GrammarPlan grammar = GrammarPlan.of(request, builtins);
        AsrParameters params = new AsrParameters().put("start-input-timers", "false")
                .millis("no-input-timeout", request.noInputTimeout())
                .millis("recognition-timeout", request.recognitionTimeout())
                .millis("speech-complete-timeout", request.speechCompleteTimeout());
        if (request.language() != null && FsSyntax.LANGUAGE.matcher(request.language()).matches()) {
            params.put("speech-language", request.language());
        }
        if (settings.nBest() > 1) {
            params.put("n-best-list-length", Integer.toString(settings.nBest()));
        }
        if (profile != null) {
            profile.parameters().forEach(params::put);
        }
        String arg = prompt + " detect:" + engine + " " + params.block() + grammar.text();
        return new Recognition(call.uuid(), new SwitchApp("play_and_detect_speech", arg, grammar.inBody()), engine,
                profile == null ? null : profile.switchProfile(), grammar.description(), grammar.keysFromRecognizer());
    }

    @Override
    public SpeechResult read(Recognition recognition, RecognitionOutcome outcome) {
        int version = recognition.profile() == null ? 2 : registry.profiles().stream()
                .filter(p -> p.switchProfile().equals(recognition.profile())).mapToInt(MrcpProfile::mrcpVersion)
                .findFirst().orElse(2);
        RecognitionReader.Reading reading;
        try {
            reading = reader.read(outcome, version);
        } catch (RuntimeException e) {
            reading = new RecognitionReader.Reading(SpeechResult.error("the recognition result could not be read: "
                    + e), java.util.List.of(), false);
        }
        SpeechResult result = reading.result();
        if (recognition.profile() != null) {
            if (reading.recognizerDown()) {
                registry.health().failed(recognition.profile(), result.error());
            } else if (result.status() != SpeechResult.Status.ERROR) {
                registry.health().succeeded(recognition.profile());
            }
        }
        if (result.status() == SpeechResult.Status.ERROR) {
            LOG.log(System.Logger.Level.WARNING, "{0}: recognition with {1} ({2}) failed: {3}", recognition.callId(),
                    recognition.engine(), recognition.grammar(), result.error());
        }
        if (!reading.notes().isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "{0}: the recognition result of {1} was odd: {2}",
                    recognition.callId(), recognition.engine(), String.join("; ", reading.notes()));
        }
        return result;
    }

    @Override
    public Optional<SwitchApp> release() {
        return settings.closeAfterRecognition() ? Optional.empty()
                : Optional.of(new SwitchApp("detect_speech", "stop", false));
    }

    private String tenant(CallInfo call) {
        return call == null ? null : settings.tenant(call.variables());
    }
}
