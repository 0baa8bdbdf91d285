package dev.ivrflow.app.designer;

import dev.ivrflow.flow.model.SymbolKind;
import dev.ivrflow.flow.schema.FlowSchema;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class SymbolNamesTest {

    @Test
    void shouldKeyEveryKindAsTheFlowSchemasWidgetHintNamesIt() {
        String schema = FlowSchema.json();

        for (SymbolKind kind : SymbolKind.values()) {
            assertThat(schema).as(kind.name()).containsPattern("\"x-widget\"\\s*:\\s*\"symbol:" + SymbolNames.widget(kind) + "\"");
        }
        assertThat(Arrays.stream(SymbolKind.values()).map(SymbolNames::widget))
                .containsExactly("queue", "gateway", "prompt", "calendar", "profile", "mailbox", "conferenceProfile");
    }
}
