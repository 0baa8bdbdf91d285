package dev.ivrflow.esl.outbound;

import dev.ivrflow.esl.channel.ModuleSpeech;
import dev.ivrflow.flow.port.SpeechCommands;
import dev.ivrflow.esl.codec.CloseOnMalformedFrameHandler;
import dev.ivrflow.esl.codec.EslDecoder;
import dev.ivrflow.esl.codec.EslEncoder;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The server FreeSWITCH's {@code socket <host>:<port> async full} connects to, one connection per call.
 * It listens on 127.0.0.1:8084 unless told otherwise. Each connection's pipeline is the codec
 * ({@link EslDecoder}, {@link CloseOnMalformedFrameHandler}, {@link EslEncoder}), event decoding, reply correlation
 * and the call's {@link OutboundConnection}. Flow code runs on a shared executor, one call at a time per call
 * (virtual threads by default): a waiting call holds no thread, so thousands can wait at once.
 *
 * <pre>{@code
 * OutboundServer server = OutboundServer.builder(router).settings(settings).build();
 * InetSocketAddress bound = server.start();
 * ...
 * server.close();
 * }</pre>
 */
public final class OutboundServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(OutboundServer.class.getName());

    private final OutboundSettings settings;
    private final CallRouter router;
    private final Executor callExecutor;
    private final ExecutorService ownedExecutor;
    private final OutboundListener listener;
    private final SpeechCommands speech;
    private final EslEncoder encoder = new EslEncoder();
    private final CloseOnMalformedFrameHandler closeOnMalformed = new CloseOnMalformedFrameHandler();
    private final EslEventDecoding eventDecoding = new EslEventDecoding();
    private final ChannelGroup connections = new DefaultChannelGroup("esl-outbound", GlobalEventExecutor.INSTANCE);

    private EventLoopGroup bossGroup;
    private EventLoopGroup workerGroup;
    private Channel serverChannel;

    private OutboundServer(Builder b) {
        this.settings = b.settings;
        this.router = b.router;
        this.listener = b.listener;
        this.speech = b.speech;
        if (b.callExecutor == null) {
            this.ownedExecutor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("call-", 0).factory());
            this.callExecutor = ownedExecutor;
        } else {
            this.ownedExecutor = null;
            this.callExecutor = b.callExecutor;
        }
    }

    public static Builder builder(CallRouter router) {
        return new Builder(router);
    }

    /** Binds and starts accepting; returns the address actually bound (useful with port 0). */
    public synchronized InetSocketAddress start() throws InterruptedException {
        if (serverChannel != null) {
            throw new IllegalStateException("already started");
        }
        bossGroup = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        workerGroup = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(bossGroup, workerGroup)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        connections.add(ch);
                        ch.pipeline()
                                .addLast("decoder", new EslDecoder(settings.parserLimits()))
                                .addLast("closeOnMalformed", closeOnMalformed)
                                .addLast("events", eventDecoding)
                                .addLast("encoder", encoder)
                                .addLast("correlator", new EslCorrelator(settings.replyTimeout()))
                                .addLast("call", new OutboundConnection(settings, router, callExecutor, listener,
                                        speech));
                    }
                });
        try {
            serverChannel = bootstrap.bind(settings.bindAddress(), settings.port()).sync().channel();
        } catch (RuntimeException | InterruptedException e) {
            shutDownGroups();
            throw e;
        }
        InetSocketAddress bound = (InetSocketAddress) serverChannel.localAddress();
        LOG.log(System.Logger.Level.INFO, "ESL outbound server listening on {0}", bound);
        return bound;
    }

    /** The bound address, or null before {@link #start()}. */
    public synchronized InetSocketAddress address() {
        return serverChannel == null ? null : (InetSocketAddress) serverChannel.localAddress();
    }

    /** Live connections (calls being served or released). */
    public int connectionCount() {
        return connections.size();
    }

    /** Stops accepting, closes every connection (their sessions hear "the socket closed") and frees threads. */
    @Override
    public synchronized void close() {
        if (serverChannel != null) {
            serverChannel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
            serverChannel = null;
        }
        connections.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        shutDownGroups();
        if (ownedExecutor != null) {
            ownedExecutor.shutdown();
        }
    }

    private void shutDownGroups() {
        if (bossGroup != null) {
            bossGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
            bossGroup = null;
        }
        if (workerGroup != null) {
            workerGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
            workerGroup = null;
        }
    }

    /** Builds an {@link OutboundServer}; only the router is required. */
    public static final class Builder {
        private final CallRouter router;
        private OutboundSettings settings = OutboundSettings.DEFAULT;
        private Executor callExecutor;
        private OutboundListener listener = OutboundListener.NONE;
        private SpeechCommands speech = ModuleSpeech.INSTANCE;

        private Builder(CallRouter router) {
            this.router = Objects.requireNonNull(router, "router");
        }

        public Builder settings(OutboundSettings value) {
            this.settings = Objects.requireNonNull(value, "settings");
            return this;
        }

        /** Where flow code runs (each call serialised on it); virtual threads when not set. */
        public Builder callExecutor(Executor value) {
            this.callExecutor = Objects.requireNonNull(value, "callExecutor");
            return this;
        }

        public Builder listener(OutboundListener value) {
            this.listener = Objects.requireNonNull(value, "listener");
            return this;
        }

        /**
         * How calls speak and recognise (mrcp-adapter's {@code UniMrcpSpeech}); without, text is spoken with the
         * engine each prompt names and recognition is unavailable ({@link ModuleSpeech}).
         */
        public Builder speech(SpeechCommands value) {
            this.speech = Objects.requireNonNull(value, "speech");
            return this;
        }

        public OutboundServer build() {
            return new OutboundServer(this);
        }
    }
}
