package dev.ivrflow.flow.validate;

import dev.ivrflow.flow.model.NodeType;
import dev.ivrflow.flow.nodes.NodeKinds;
import dev.ivrflow.flow.nodes.NodeValidators;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

class NodeValidatorsTest {

    @Test
    void shouldHaveAValidatorForEveryNodeType() {
        assertThat(NodeValidators.standard().types()).containsExactlyInAnyOrderElementsOf(EnumSet.allOf(NodeType.class));
    }

    @Test
    void shouldKeepEachValidatorInItsNodeTypesPackage() {
        NodeValidators validators = NodeValidators.standard();
        for (NodeType type : NodeType.values()) {
            assertThat(validators.get(type).getClass().getPackageName())
                    .as(type.json()).isEqualTo(NodeKinds.settingsClass(type).getPackageName());
        }
    }
}
