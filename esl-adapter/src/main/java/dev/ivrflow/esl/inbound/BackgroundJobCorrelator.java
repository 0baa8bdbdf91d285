package dev.ivrflow.esl.inbound;

import dev.ivrflow.esl.codec.EslEvent;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairs each {@code BACKGROUND_JOB} event with the bgapi that started it, by the Job-UUID the client chose. A job is
 * registered before its bgapi is written, so an event that overtakes the {@code +OK Job-UUID} reply still finds it.
 * Our jobs' events are consumed here; any other event (another client's job included) is passed on. One instance
 * per channel, confined to its event loop.
 */
final class BackgroundJobCorrelator extends ChannelInboundHandlerAdapter {
    static final String BACKGROUND_JOB = "BACKGROUND_JOB";

    private final String target;
    private final Map<String, Pending<EslEvent>> jobs = new HashMap<>();
    private ChannelHandlerContext ctx;
    private boolean closed;

    BackgroundJobCorrelator(String target) {
        this.target = target;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    /** Waits for the job's event; fails at once when the connection is already gone. Call on the event loop. */
    void register(String jobUuid, Pending<EslEvent> job) {
        if (closed) {
            job.fail(new EslConnectionException("the connection to FreeSWITCH at " + target + " is closed; '"
                    + job.description() + "' was not sent"));
            return;
        }
        jobs.put(jobUuid, job);
        job.startTimer(ctx.executor(), "report background job", () -> jobs.remove(jobUuid));
    }

    /** Fails a job whose bgapi was refused or never answered; does nothing if it already finished. */
    void fail(String jobUuid, Throwable failure) {
        Pending<EslEvent> job = jobs.remove(jobUuid);
        if (job != null) {
            job.fail(failure);
        }
    }

    /** The connection failed before the bgapi was answered: FreeSWITCH may have started the job all the same. */
    void lost(String jobUuid, Throwable cause) {
        Pending<EslEvent> job = jobs.remove(jobUuid);
        if (job != null) {
            job.fail(lostError(job, cause));
        }
    }

    /** FreeSWITCH chose another Job-UUID than ours (a version that ignores the header): wait for that one. */
    void rekey(String from, String to) {
        Pending<EslEvent> job = jobs.remove(from);
        if (job != null) {
            jobs.put(to, job);
        }
    }

    int pendingCount() {
        return jobs.size();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof EslEvent event && BACKGROUND_JOB.equals(event.name())) {
            Pending<EslEvent> job = event.jobUuid().map(jobs::remove).orElse(null);
            if (job != null) {
                job.complete(event);
                return;
            }
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        failAll();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        failAll();
    }

    private void failAll() {
        closed = true;
        for (Pending<EslEvent> job : List.copyOf(jobs.values())) {
            job.fail(lostError(job, null));
        }
        jobs.clear();
    }

    private EslConnectionException lostError(Pending<EslEvent> job, Throwable cause) {
        return new EslConnectionException("the connection to FreeSWITCH at " + target + " closed before '"
                + job.description() + "' reported its result; the job may still have run", cause);
    }
}
