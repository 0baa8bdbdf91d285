package dev.ivrflow.esl.channel;

import dev.ivrflow.flow.port.SpeechResult;

/**
 * Turns the recogniser's result, as FreeSWITCH hands it over in {@code detect_speech_result} (NLSML from
 * mod_unimrcp), into a {@link SpeechResult}. Never throws: a result that cannot be read is
 * {@link SpeechResult#error}. The speech adapter provides the full parser; {@link NlsmlSpeechResultParser} is a
 * small default.
 */
@FunctionalInterface
public interface SpeechResultParser {
    SpeechResult parse(String result);
}
