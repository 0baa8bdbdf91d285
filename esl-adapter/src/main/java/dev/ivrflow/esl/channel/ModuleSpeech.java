package dev.ivrflow.esl.channel;

import dev.ivrflow.flow.port.Audio;
import dev.ivrflow.flow.port.CallInfo;
import dev.ivrflow.flow.port.SpeechCommands;
import dev.ivrflow.flow.port.SpeechRequest;
import dev.ivrflow.flow.port.SpeechResult;

import java.util.Map;
import java.util.Optional;

/**
 * The speech a channel has when no speech adapter is wired: text is spoken with the engine and voice the prompt
 * names, through whatever FreeSWITCH module that is ({@code speak flite|kal|Hello}, capture 18), and recognition is
 * not available (it answers {@link SpeechResult.Status#ERROR}, so a menu goes on with keys). The application wires
 * mrcp-adapter's {@code UniMrcpSpeech} instead, which adds profiles, grammars and results.
 *
 * <p>{@code speak} takes its text unstripped from after the second {@code |} (mod_dptools), so the text is sent as
 * it is: only {@code ${} is defused and line breaks become spaces.
 */
public final class ModuleSpeech implements SpeechCommands {
    public static final ModuleSpeech INSTANCE = new ModuleSpeech();

    private ModuleSpeech() {
    }

    @Override
    public Voice voice(Audio.Speech speech, CallInfo call) {
        String engine = FsArgs.require("TTS engine", speech.engine(), FsArgs.ENGINE);
        String voice = speech.voice() == null || speech.voice().isBlank() ? ""
                : FsArgs.require("TTS voice", speech.voice(), FsArgs.ENGINE);
        return new Voice(engine, voice);
    }

    @Override
    public SwitchApp speak(Audio.Speech speech, CallInfo call) {
        Voice v = voice(speech, call);
        String text = FsArgs.speakable(speech.text());
        if (text.isBlank()) {
            throw FsArgs.invalid("there is no text to speak");
        }
        return new SwitchApp("speak", v.engine() + "|" + v.voice() + "|" + text, false);
    }

    @Override
    public Map<String, String> recognitionVariables() {
        return Map.of();
    }

    @Override
    public Recognition recognize(String prompt, SpeechRequest request, CallInfo call) {
        throw new UnsupportedOperationException("no speech recogniser is configured (wire mrcp-adapter's "
                + "UniMrcpSpeech into the outbound server)");
    }

    @Override
    public SpeechResult read(Recognition recognition, RecognitionOutcome outcome) {
        return SpeechResult.error("no speech recogniser is configured");
    }

    @Override
    public Optional<SwitchApp> release() {
        return Optional.empty();
    }
}
