package dev.ivrflow.mrcp.profile;

import java.util.Locale;
import java.util.Optional;

/** The two MRCP resources a profile may serve: speech recognition and speech synthesis. */
public enum Resource {
    ASR, TTS;

    /** The resource named by mod_unimrcp's {@code MRCP-Resource-Type} header ({@code ASR} or {@code TTS}). */
    public static Optional<Resource> fromHeader(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return switch (value.strip().toUpperCase(Locale.ROOT)) {
            case "ASR", "RECOGNIZER", "SPEECHRECOG" -> Optional.of(ASR);
            case "TTS", "SYNTHESIZER", "SPEECHSYNTH" -> Optional.of(TTS);
            default -> Optional.empty();
        };
    }
}
