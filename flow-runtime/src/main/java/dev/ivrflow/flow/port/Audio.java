package dev.ivrflow.flow.port;

/** A resolved piece of audio for the channel: a file or URL, a tone, or text to speak with an engine and voice. */
public sealed interface Audio {
    record File(String location) implements Audio {
    }

    record Tone(String spec) implements Audio {
    }

    record Speech(String text, String language, String engine, String voice) implements Audio {
    }
}
