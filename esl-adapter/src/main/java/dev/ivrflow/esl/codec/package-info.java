/**
 * The FreeSWITCH Event Socket wire format, with no knowledge of calls or flows.
 *
 * <p>{@link dev.ivrflow.esl.codec.EslParser} turns bytes into {@link dev.ivrflow.esl.codec.EslFrame}s and works
 * without Netty; {@link dev.ivrflow.esl.codec.EslDecoder} wraps it for a pipeline. Commands are built and checked
 * as {@link dev.ivrflow.esl.codec.EslCommand} values, so a bad one fails where it is built, not on the wire.
 * Reply correlation (FIFO for replies, Job-UUID for bgapi) belongs to a handler of its own, not here.
 */
package dev.ivrflow.esl.codec;
