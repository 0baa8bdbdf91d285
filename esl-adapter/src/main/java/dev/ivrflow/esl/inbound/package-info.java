/**
 * The inbound Event Socket client: one connection to FreeSWITCH's port 8021 for api and bgapi commands and for
 * cluster-wide events, kept up by reconnecting with backoff.
 *
 * <p>{@link dev.ivrflow.esl.inbound.InboundClient} is the entry point. Inside, each connection is a Netty pipeline of
 * small handlers: the codec's decoder and encoder, {@code ReplyCorrelator} (FIFO pairing of {@code api/response} and
 * {@code command/reply} with their commands), {@code EventDecodingHandler}, {@code BackgroundJobCorrelator} (Job-UUID
 * pairing of {@code BACKGROUND_JOB} with its bgapi) and {@code InboundSession} (the {@code auth} handshake).
 */
package dev.ivrflow.esl.inbound;
