package dev.ivrflow.esl.channel;

import dev.ivrflow.flow.port.Audio;

import java.util.ArrayList;
import java.util.List;

/**
 * Audio as FreeSWITCH names it. A file or URL goes as it is, a tone as {@code tone_stream://<spec>}, and text as
 * {@code say:<text>}, which {@code switch_ivr_play_file} speaks with the channel's {@code tts_engine} and
 * {@code tts_voice}. Several pieces become one {@code file_string://a!b!c}, so barge-in stops all of them at once
 * and one completion reports the key that did it.
 */
final class AudioArgs {
    private AudioArgs() {
    }

    /** The first piece of speech, whose engine and voice {@code say:} needs; null when there is none. */
    static Audio.Speech firstSpeech(List<Audio> audio) {
        for (Audio a : audio) {
            if (a instanceof Audio.Speech s) {
                return s;
            }
        }
        return null;
    }

    /** One playable target for {@code playback} (or a prompt argument) covering every piece, in order. */
    static String target(List<Audio> audio) {
        if (audio.size() == 1) {
            return piece(audio.getFirst());
        }
        List<String> pieces = new ArrayList<>();
        for (Audio a : audio) {
            pieces.add(FsArgs.escapeElement(piece(a), '!'));
        }
        return "file_string://" + String.join("!", pieces);
    }

    static String piece(Audio audio) {
        return switch (audio) {
            case Audio.File f -> FsArgs.location("audio file", f.location());
            case Audio.Tone t -> "tone_stream://" + FsArgs.require("tone", t.spec(), FsArgs.TONE);
            case Audio.Speech s -> "say:" + FsArgs.speakable(s.text());
        };
    }

    static String describe(List<Audio> audio) {
        return audio.stream().map(a -> switch (a) {
            case Audio.Speech s -> "speech:" + s.text();
            case Audio.File f -> "file:" + f.location();
            case Audio.Tone t -> "tone:" + t.spec();
        }).toList().toString();
    }
}
