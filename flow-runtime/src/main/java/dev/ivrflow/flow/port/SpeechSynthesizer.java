package dev.ivrflow.flow.port;

/** Picks the TTS engine and voice for a language (and an optional requested voice). */
public interface SpeechSynthesizer {
    Audio.Speech speech(String text, String language, String voice);

    /** A synthesizer that names one engine for every language (for example {@code unimrcp:tts} or {@code flite}). */
    static SpeechSynthesizer fixed(String engine, String defaultVoice) {
        return (text, language, voice) -> new Audio.Speech(text, language, engine, voice != null ? voice : defaultVoice);
    }
}
