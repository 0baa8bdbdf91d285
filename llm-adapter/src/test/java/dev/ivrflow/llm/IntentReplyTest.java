package dev.ivrflow.llm;

import dev.ivrflow.flow.port.IntentClassifier.Classification;
import org.junit.jupiter.api.Test;

import static dev.ivrflow.llm.LlmIntentClassifierTest.LABELS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A reply is read strictly: one object, one label, one number; ambiguity is a bad reply, not a guess. */
class IntentReplyTest {

    @Test
    void shouldReadALabelAndAConfidence() {
        assertThat(IntentReply.read("{\"label\": \"roadside\", \"confidence\": 0.42}", LABELS))
                .isEqualTo(new Classification("roadside", 0.42, Classification.LLM, null));
    }

    @Test
    void shouldRefuseAReplyNamingTwoLabels() {
        // given a reply with the label key twice (the second would win in a lenient reader)
        // when read, then refused
        assertThatThrownBy(() -> IntentReply.read("{\"label\": \"billing\", \"label\": \"admin\", \"confidence\": 1}", LABELS))
                .isInstanceOf(IntentReply.InvalidReply.class);
    }

    @Test
    void shouldRefuseTextAroundTheObjectAndNonObjects() {
        assertThatThrownBy(() -> IntentReply.read("[\"billing\", 0.9]", LABELS)).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> IntentReply.read("\"billing\"", LABELS)).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> IntentReply.read("{\"label\": \"billing\", \"confidence\": 0.9} and more", LABELS))
                .isInstanceOf(IntentReply.InvalidReply.class);
        assertThatThrownBy(() -> IntentReply.read("   ", LABELS)).hasMessageContaining("no content");
    }

    @Test
    void shouldMatchLabelsExactly() {
        // given labels differing in case or with spaces
        // when read, then not a declared intent
        assertThat(IntentReply.read("{\"label\": \"Billing\", \"confidence\": 0.9}", LABELS).label()).isNull();
        assertThat(IntentReply.read("{\"label\": \" billing\", \"confidence\": 0.9}", LABELS).label()).isNull();
    }
}
