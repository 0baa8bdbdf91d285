package dev.ivrflow.esl.codec;

/**
 * What the decoder hands on for each frame: a well-formed {@link EslMessage}, or an {@link EslMalformedFrame} after
 * which the stream is unusable. Bad input is a value here, so it can never throw out of the event loop.
 */
public sealed interface EslFrame permits EslMessage, EslMalformedFrame {
}
