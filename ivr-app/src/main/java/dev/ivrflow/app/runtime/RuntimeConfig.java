package dev.ivrflow.app.runtime;

import com.mongodb.reactivestreams.client.MongoDatabase;
import dev.ivrflow.app.config.IvrProperties;
import dev.ivrflow.app.flows.FlowStore;
import dev.ivrflow.esl.channel.ModuleSpeech;
import dev.ivrflow.esl.outbound.CallServices;
import dev.ivrflow.esl.outbound.OutboundListener;
import dev.ivrflow.esl.outbound.OutboundSettings;
import dev.ivrflow.flow.FlowToolkit;
import dev.ivrflow.flow.compile.CompiledFlowCache;
import dev.ivrflow.flow.json.EnvironmentReader;
import dev.ivrflow.flow.json.ReadResult;
import dev.ivrflow.flow.model.Environment;
import dev.ivrflow.flow.port.HttpPort;
import dev.ivrflow.flow.port.IntentClassifier;
import dev.ivrflow.flow.port.JournalSink;
import dev.ivrflow.flow.port.RecordingStore;
import dev.ivrflow.flow.port.SpeechCommands;
import dev.ivrflow.flow.port.SpeechRecognizer;
import dev.ivrflow.flow.port.SpeechSynthesizer;
import dev.ivrflow.flow.runtime.RuntimeLimits;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DeferredImportSelector;
import org.springframework.context.annotation.Import;
import org.springframework.core.type.AnnotationMetadata;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * The call runtime wired into the application: the ESL outbound server and the optional inbound client as lifecycle
 * beans, the router (numbers and {@code ivr_flow} to the latest published version, compiled and cached), the publish
 * watcher, the ports every call uses, metrics and health.
 *
 * <p>The ports other parts of the application may provide ({@link JournalSink}, {@link RecordingStore},
 * {@link HttpPort}, {@link IntentClassifier}, {@link SpeechSynthesizer}) have fallbacks here, registered only when no
 * such bean exists. They are imported through a {@link DeferredImportSelector}, which Spring processes after every
 * other configuration class (as it does auto-configurations), so the "missing bean" conditions see the application's
 * own beans whatever order the classes are scanned in.
 */
@Configuration(proxyBeanMethods = false)
@Import(RuntimeConfig.Fallbacks.class)
public class RuntimeConfig {
    private static final Logger log = LoggerFactory.getLogger(RuntimeConfig.class);
    /** The name of a {@link Clock} bean that replaces the system clock for calls (tests set a calendar's date with it). */
    public static final String CALL_TIME = "ivrCallTime";
    static final int DEFAULT_OUTBOUND_PORT = 8084;

    @Bean
    SystemRuntimeClock ivrRuntimeClock(@Qualifier(CALL_TIME) ObjectProvider<Clock> time) {
        return new SystemRuntimeClock(time.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    PublishWatcher publishWatcher(FlowStore store, IvrProperties properties) {
        IvrProperties.RuntimeSettings r = properties.runtime();
        return new PublishWatcher(store, r.publishPoll(), r.publishOverlap(), r.reconcileEvery(), Clock.systemUTC());
    }

    /**
     * The environment bindings ({@code ivr.runtime.environment}), read once at start: calls resolve their symbolic
     * names with them, and the designer offers their names ({@code GET /api/environment}) and previews their shared
     * calendars. An invalid file fails the start.
     */
    @Bean
    Environment ivrEnvironment(IvrProperties properties) {
        return environment(properties.runtime().environment());
    }

    @Bean
    PublishedFlowLoader publishedFlowLoader(FlowStore store, FlowToolkit toolkit, Environment environment) {
        return new PublishedFlowLoader(store, toolkit, environment, Duration.ofSeconds(10));
    }

    @Bean
    CompiledFlowCache compiledFlowCache(PublishedFlowLoader loader, IvrProperties properties) {
        return new CompiledFlowCache(properties.runtime().compiledFlows(), loader);
    }

    @Bean
    FlowWarmup ivrFlowWarmup(PublishWatcher watcher, CompiledFlowCache cache) {
        return new FlowWarmup(watcher, cache);
    }

    @Bean
    NumberRoutes numberRoutes(MongoDatabase db) {
        return new NumberRoutes(db);
    }

    @Bean
    CallMetrics callMetrics(ObjectProvider<MeterRegistry> registry) {
        return new CallMetrics(registry.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    LiveCalls liveCalls() {
        return new LiveCalls(Clock.systemUTC());
    }

    /** The ports every call shares (its channel is the outbound connection's own). */
    @Bean
    CallServices callServices(SystemRuntimeClock clock, JournalSink journal, RecordingStore recordings, HttpPort http,
                              IntentClassifier classifier, SpeechSynthesizer synthesizer, CompiledFlowCache flows,
                              ObjectProvider<MeterRegistry> registry) {
        return new CallServices(SpeechRecognizer.viaChannel(), synthesizer, classifier, http, clock,
                new MeteredJournalSink(journal, registry.getIfAvailable(SimpleMeterRegistry::new)), recordings, flows);
    }

    @Bean
    FlowCallRouter flowCallRouter(NumberRoutes routes, PublishWatcher watcher, CompiledFlowCache cache, FlowToolkit toolkit,
                                  CallServices services, IvrProperties properties) {
        IvrProperties.RuntimeSettings r = properties.runtime();
        return new FlowCallRouter(routes, watcher, cache, toolkit.handlers(), services,
                new RuntimeLimits(r.maxSteps(), r.maxCallLength()));
    }

    @Bean
    EslOutboundService eslOutboundService(IvrProperties properties, FlowCallRouter router,
                                          ObjectProvider<OutboundListener> listeners,
                                          ObjectProvider<SpeechCommands> speech,
                                          org.springframework.core.env.Environment env) {
        IvrProperties.EslOutbound o = properties.esl().outbound();
        int port = o.port() != null ? o.port() : "0".equals(env.getProperty("server.port")) ? 0 : DEFAULT_OUTBOUND_PORT;
        OutboundSettings settings = OutboundSettings.DEFAULT.withBindAddress(o.host()).withPort(port)
                .withUnrouted(o.unrouted()).withAnswerCalls(o.answerCalls());
        return new EslOutboundService(o.enabled(), settings, router, listeners.orderedStream().toList(), o.drainTimeout(),
                speech.getIfAvailable(() -> ModuleSpeech.INSTANCE));
    }

    @Bean
    EslInboundService eslInboundService(IvrProperties properties) {
        return new EslInboundService(properties.esl().inbound());
    }

    @Bean
    EslHealthIndicator eslHealthIndicator(EslOutboundService outbound, EslInboundService inbound) {
        return new EslHealthIndicator(outbound, inbound);
    }

    @Bean
    MongoHealthIndicator mongoHealthIndicator(MongoDatabase db, IvrProperties properties) {
        return new MongoHealthIndicator(db, properties.mongodb().embedded());
    }

    @Bean
    FlowsHealthIndicator flowsHealthIndicator(PublishWatcher watcher) {
        return new FlowsHealthIndicator(watcher, Clock.systemUTC());
    }

    /** Indexes for the routes and, when they are ours, the recordings; idempotent. */
    @Bean
    ApplicationRunner runtimeIndexes(NumberRoutes routes, RecordingStore recordings) {
        return args -> {
            routes.createIndexes().block(Duration.ofSeconds(30));
            if (recordings instanceof MongoRecordingStore mongo) mongo.createIndexes().block(Duration.ofSeconds(30));
        };
    }

    private static Environment environment(Path file) {
        if (file == null) return Environment.PASS_THROUGH;
        ReadResult<Environment> read = new EnvironmentReader().read(file);
        if (!read.isValid()) {
            throw new IllegalStateException("ivr.runtime.environment: " + file.toAbsolutePath() + " is not a valid "
                    + "environment file: " + read.errors());
        }
        log.info("flows run with the environment bindings of {}", file.toAbsolutePath());
        return read.asOptional().orElseThrow();
    }

    /** Imports {@link PortFallbacks} after every other configuration class (see the class comment). */
    public static final class Fallbacks implements DeferredImportSelector {
        @Override
        public String[] selectImports(AnnotationMetadata metadata) {
            return new String[] {PortFallbacks.class.getName()};
        }
    }
}
