package dev.ivrflow.app.runtime;

import dev.ivrflow.app.flows.FlowStore;
import dev.ivrflow.esl.fssim.FreeSwitchSimulator;
import dev.ivrflow.esl.fssim.FsCallLog;
import dev.ivrflow.esl.fssim.FsScript;
import dev.ivrflow.esl.fssim.SimulatedCall;
import dev.ivrflow.flow.sim.SimCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Stopping the application: new calls are handed back to the dialplan while calls in progress finish (up to the
 * drain timeout), then the ESL server stops listening.
 */
class ShutdownTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final String FLOW = "shutdown";

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start(String drainTimeout) {
        ConfigurableApplicationContext app = StandaloneApp.start(
                "--server.port=0", "--server.address=127.0.0.1", "--ivr.data-dir=" + dataDir,
                "--ivr.esl.outbound.port=0", "--ivr.esl.outbound.drain-timeout=" + drainTimeout);
        FlowStore store = app.getBean(FlowStore.class);
        String json = RuntimeTestSupport.sayFlow(FLOW, "First prompt", "Second prompt");
        store.create(FLOW, FLOW, json, "test").block(TIMEOUT);
        store.publish(FLOW, FLOW, json, "test", "test").block(TIMEOUT);
        return app;
    }

    private static SimCall call(String caller) {
        return new SimCall(caller, null, "+15550199", Map.of("ivr_flow", FLOW), null, List.of(), null);
    }

    private static void awaitLive(ConfigurableApplicationContext app, String uuid) throws InterruptedException {
        LiveCalls live = app.getBean(LiveCalls.class);
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (live.find(uuid).isEmpty() && System.nanoTime() < deadline) Thread.sleep(5);
        assertThat(live.find(uuid)).as("call in progress").isPresent();
    }

    private static void awaitDraining(FlowCallRouter router) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!router.draining() && System.nanoTime() < deadline) Thread.sleep(5);
        assertThat(router.draining()).isTrue();
    }

    @Test
    void shouldLetCallsInProgressFinishAndHandNewOnesBackWhileStopping() throws Exception {
        ConfigurableApplicationContext app = start("15s");
        InetSocketAddress esl = app.getBean(EslOutboundService.class).address();
        FlowCallRouter router = app.getBean(FlowCallRouter.class);
        try (FreeSwitchSimulator freeswitch = new FreeSwitchSimulator(esl)) {
            SimulatedCall inProgress = freeswitch.call(call("+15550001"), FsScript.none().delays("speak", Duration.ofSeconds(2)));
            awaitLive(app, inProgress.uuid());

            CompletableFuture<Void> stopped = CompletableFuture.runAsync(app::close);
            awaitDraining(router);
            FsCallLog late = freeswitch.call(call("+15550002")).awaitEnd(TIMEOUT);

            assertThat(late.resumed()).as("a call arriving while stopping goes back to the dialplan").isTrue();
            FsCallLog early = inProgress.awaitEnd(TIMEOUT);
            assertThat(early.heard()).as("the call in progress finished").containsExactly("First prompt", "Second prompt");
            assertThat(early.hangupCause()).isEqualTo("NORMAL_CLEARING");
            stopped.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } finally {
            app.close();
        }
        assertThatThrownBy(() -> {
            try (Socket s = new Socket()) {
                s.connect(esl, 1_000);
            }
        }).as("nothing listens any more").isInstanceOf(IOException.class);
    }

    @Test
    void shouldCloseCallsStillRunningAfterTheDrainTimeout() throws Exception {
        ConfigurableApplicationContext app = start("500ms");
        try (FreeSwitchSimulator freeswitch = new FreeSwitchSimulator(app.getBean(EslOutboundService.class).address())) {
            SimulatedCall longCall = freeswitch.call(call("+15550003"), FsScript.none().on("speak", FsScript.Action.NO_COMPLETION));
            awaitLive(app, longCall.uuid());
            long start = System.nanoTime();

            app.close();

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            assertThat(longCall.awaitEnd(TIMEOUT).isClosed()).as("its socket was closed").isTrue();
        } finally {
            app.close();
        }
    }
}
