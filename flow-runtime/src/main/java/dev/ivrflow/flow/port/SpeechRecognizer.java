package dev.ivrflow.flow.port;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Recognises speech on a call. The default sends the request to the call's channel (FreeSWITCH runs the
 * recogniser through mod_unimrcp); the speech adapter adds grammars, profiles and result parsing.
 */
public interface SpeechRecognizer {
    CompletionStage<SpeechResult> recognize(CallChannel channel, List<Audio> prompt, SpeechRequest request);

    static SpeechRecognizer viaChannel() {
        return CallChannel::detectSpeech;
    }
}
