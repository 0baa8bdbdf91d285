package dev.ivrflow.flow.port;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The switch's speech modules as a call channel drives them: which engine and voice speak a text, the application
 * that recognises speech, and how its answer reads. The channel owns the call's connection and runs the
 * applications; this port chooses their arguments (profile, grammar, parameters, escaping) and interprets what comes
 * back, so the channel knows nothing of MRCP, SRGS or NLSML. {@code mrcp-adapter} implements it for FreeSWITCH's
 * mod_unimrcp (and, through the same code, for any other FreeSWITCH speech module such as {@code flite}).
 *
 * <p>Arguments are complete: the channel sends them as they are, in the {@code sendmsg} body when
 * {@link SwitchApp#inBody()} says so.
 */
public interface SpeechCommands {

    /** The engine and voice that speak {@code speech} on this call, for text inside a prompt ({@code say:}). */
    Voice voice(Audio.Speech speech, CallInfo call);

    /**
     * The application that speaks {@code speech} on its own ({@code speak <engine>|<voice>|<text or SSML>}).
     *
     * @throws IllegalArgumentException when the text cannot be spoken safely; the node fails with the reason
     */
    SwitchApp speak(Audio.Speech speech, CallInfo call);

    /** Channel variables every recognition of a call relies on, set (once) before the first. */
    Map<String, String> recognitionVariables();

    /**
     * The recognition of {@code request} while {@code prompt} plays ({@code prompt} is a playable target the channel
     * built, possibly silence).
     *
     * @throws IllegalArgumentException when the request cannot be put to the switch safely (a grammar URI with a
     *                                  space, an unknown builtin...); the node fails with the reason
     */
    Recognition recognize(String prompt, SpeechRequest request, CallInfo call);

    /**
     * What a recognition heard, from how it ended. Never throws: an answer that cannot be read is
     * {@link SpeechResult.Status#ERROR} with the reason, and the reason is logged.
     */
    SpeechResult read(Recognition recognition, RecognitionOutcome outcome);

    /**
     * The application that releases a recogniser the call may still hold, to run before the call moves on to
     * something long (a queue, a bridge, a recording); empty when recognitions release their resources themselves.
     */
    Optional<SwitchApp> release();

    /** A TTS engine as the switch names it ({@code unimrcp:tts-en}, {@code flite}) and a voice (possibly empty). */
    record Voice(String engine, String voice) {
    }

    /** One dialplan application and its argument; {@code inBody}: send the argument in the message body. */
    record SwitchApp(String name, String arg, boolean inBody) {
    }

    /**
     * A recognition as sent: the call it is for (for logs), its application, the engine and profile it went to (for
     * health and for reading the answer), a short description of its grammar, and whether the recogniser itself
     * answers keys (a DTMF grammar is active, so a key is a result of the recognition rather than an event beside it).
     */
    record Recognition(String callId, SwitchApp app, String engine, String profile, String grammar,
                       boolean keysFromRecognizer) {
    }

    /**
     * How a recognition ended: the application's response ({@code DONE}, {@code ASR INIT ERROR}, ...), the result
     * it left ({@code detect_speech_result}; null when unset) and the speech events of the call meanwhile, in order.
     */
    record RecognitionOutcome(String response, String result, List<SpeechEvent> events) {
        public RecognitionOutcome {
            events = events == null ? List.of() : List.copyOf(events);
        }
    }

    /** One speech event ({@code DETECTED_SPEECH}): its type ({@code begin-speaking}, ...), headers and body. */
    record SpeechEvent(String type, Map<String, String> headers, String body) {
        public SpeechEvent {
            headers = headers == null ? Map.of() : Map.copyOf(headers);
        }
    }
}
