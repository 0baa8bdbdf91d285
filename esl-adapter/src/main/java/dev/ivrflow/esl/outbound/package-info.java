/**
 * The outbound Event Socket server: FreeSWITCH's {@code socket 127.0.0.1:8084 async full} connects here once per
 * call. {@link dev.ivrflow.esl.outbound.OutboundServer} accepts, {@link dev.ivrflow.esl.outbound.OutboundConnection}
 * sets the call up ({@code connect}, {@code myevents json}, {@code linger}), asks the
 * {@link dev.ivrflow.esl.outbound.CallRouter} what to run and runs it as a {@code CallSession} on an
 * {@link dev.ivrflow.esl.channel.EslCallChannel}. Replies and completions are matched by a handler of their own
 * (FIFO for replies, Event-UUID for executions), each with a timeout, so no call can wait forever.
 */
package dev.ivrflow.esl.outbound;
