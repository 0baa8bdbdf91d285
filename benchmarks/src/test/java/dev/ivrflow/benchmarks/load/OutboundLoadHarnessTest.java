package dev.ivrflow.benchmarks.load;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load harness still works, in seconds: 20 calls through the real outbound server over loopback, each waits in
 * the menu, presses its key and ends. The figures themselves are not checked (the machine is shared); that every
 * call waited, got an answer to its key and ended, is.
 */
class OutboundLoadHarnessTest {

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldRunTwentyCallsThroughTheMenuToTheirEnd() throws Exception {
        // given
        var options = new OutboundLoadHarness.Options(20, 10, 8, 500, Duration.ZERO, true, List.of(),
                Duration.ofSeconds(20));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        // when
        OutboundLoadHarness.Report report = OutboundLoadHarness.run(options,
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        // then
        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(report.passed()).as(output).isTrue();
        assertThat(report.setup().waiting()).isEqualTo(20);
        assertThat(report.waitingInMenu()).isEqualTo(20);
        assertThat(report.press().latency().count()).isEqualTo(20);
        // even calls press 1 (queue: cc_exit_keys is set first), odd calls 2 (hang up at once)
        assertThat(report.press().nextCommands()).containsOnlyKeys("sendmsg set", "sendmsg hangup")
                .containsEntry("sendmsg set", 10).containsEntry("sendmsg hangup", 10);
        assertThat(report.press().ended()).isEqualTo(20);
        assertThat(output).contains("PASSED");
    }
}
