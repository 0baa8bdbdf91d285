package dev.ivrflow.benchmarks;

import dev.ivrflow.flow.FlowToolkit;
import dev.ivrflow.flow.json.ReadResult;
import dev.ivrflow.flow.model.Flow;
import dev.ivrflow.flow.validate.ValidationOptions;
import dev.ivrflow.flow.validate.ValidationReport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FlowGeneratorTest {
    private final FlowToolkit toolkit = new FlowToolkit();

    @Test
    void shouldGenerateAValidFlowOfFiveThousandNodes() {
        Flow flow = FlowGenerator.generate(5_000);

        ValidationReport report = toolkit.validate(flow, ValidationOptions.DEFAULTS);

        assertThat(flow.nodes()).hasSize(5_000);
        assertThat(report.issues()).isEmpty();
    }

    /** 2,000 nodes: the most the flow schema accepts ({@code /nodes} maxItems), though the validator takes more. */
    @Test
    void shouldWriteJsonTheReaderAcceptsAsTheSameFlow() {
        Flow flow = FlowGenerator.generate(2_000);

        ReadResult<Flow> read = toolkit.reader().read(FlowGenerator.json(flow));

        assertThat(read.errors()).isEmpty();
        assertThat(read.asOptional()).contains(flow);
    }

    @Test
    void shouldGenerateValidFlowsOfEverySize() {
        for (int n : new int[]{3, 4, 22, 23, 24, 50, 101}) {
            Flow flow = FlowGenerator.generate(n);
            assertThat(flow.nodes()).as("nodes of %d", n).hasSize(n);
            assertThat(toolkit.validate(flow, ValidationOptions.DEFAULTS).issues()).as("issues of %d", n).isEmpty();
        }
    }

    @Test
    void shouldGenerateAValidLoopFlow() {
        for (boolean nodeResults : new boolean[]{false, true}) {
            Flow flow = FlowGenerator.loopFlow(100, 30, nodeResults);
            assertThat(toolkit.validate(flow, ValidationOptions.DEFAULTS).issues()).isEmpty();
        }
    }
}
