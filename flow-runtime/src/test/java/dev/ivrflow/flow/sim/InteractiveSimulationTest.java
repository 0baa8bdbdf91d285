package dev.ivrflow.flow.sim;

import dev.ivrflow.flow.FlowToolkit;
import dev.ivrflow.flow.model.*;
import dev.ivrflow.flow.nodes.hangup.HangupSettings;
import dev.ivrflow.flow.nodes.menu.MenuOption;
import dev.ivrflow.flow.nodes.menu.MenuSettings;
import dev.ivrflow.flow.nodes.say.SaySettings;
import dev.ivrflow.flow.port.FlowResolver;
import dev.ivrflow.flow.validate.ValidationOptions;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class InteractiveSimulationTest {
    private static final FlowToolkit TOOLKIT = new FlowToolkit();

    private static Flow menuFlow() {
        var menu = new MenuSettings(new Prompt(Map.of("en-US", PromptVariant.tts("Press 1"))),
                List.of(new MenuOption("one", "1", List.of("sales"), null)), 4.0, null, 2, null, null, null, null, null);
        return new Flow(Flow.SCHEMA, "live", "Live", null, "en-US", null, "menu", null, null, List.of(
                new Node("menu", NodeType.MENU, null, menu, Map.of("one", "thanks", "failure", "bye")),
                new Node("thanks", NodeType.SAY, null, new SaySettings(Map.of("en-US", "Thanks"), null, null), Map.of("next", "bye")),
                new Node("bye", NodeType.HANGUP, null, new HangupSettings(null), null)), null);
    }

    @Test
    void shouldWaitForTheCallerAndGoOnWhenTheyAct() {
        var compiled = TOOLKIT.compile(menuFlow(), 1, ValidationOptions.DEFAULTS).orElseThrow();
        List<String> events = new ArrayList<>();

        Simulator.Run run = TOOLKIT.simulator(FlowResolver.NONE).startInteractive(compiled, SimCall.of());
        run.channel().listen(e -> events.add(e.kind()));
        run.settle();

        assertThat(run.ended()).isFalse();
        assertThat(run.channel().waitingForCaller()).isTrue();
        assertThat(run.session().currentNodeId()).isEqualTo("menu");

        run.feed(CallerStep.silent());
        assertThat(run.clock().now()).isEqualTo(SimCall.DEFAULT_TIME.plus(Duration.ofSeconds(4)));
        assertThat(run.channel().waitingForCaller()).isTrue();

        run.feed(CallerStep.press("1"));
        assertThat(run.ended()).isTrue();
        assertThat(run.result().path()).containsExactly("menu", "thanks", "bye");
        assertThat(events).contains("caller", "heard", "action");
    }

    @Test
    void shouldEndTheCallWhenTheCallerHangsUpWhileTheFlowWaits() {
        var compiled = TOOLKIT.compile(menuFlow(), 1, ValidationOptions.DEFAULTS).orElseThrow();
        Simulator.Run run = TOOLKIT.simulator(FlowResolver.NONE).startInteractive(compiled, SimCall.of());

        run.feed(CallerStep.hangUp());

        assertThat(run.ended()).isTrue();
        assertThat(run.result().endReason()).startsWith("caller hung up");
    }
}
