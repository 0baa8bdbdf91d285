package dev.ivrflow.esl.codec;

import java.util.Objects;
import java.util.Optional;

/** The outcome of reading an event out of a message: the event, or why there is none (never an exception). */
public sealed interface EslEventResult {
    record Decoded(EslEvent event) implements EslEventResult {
        public Decoded {
            Objects.requireNonNull(event, "event");
        }
    }

    record Undecodable(String reason) implements EslEventResult {
        public Undecodable {
            Objects.requireNonNull(reason, "reason");
        }
    }

    default Optional<EslEvent> asOptional() {
        return this instanceof Decoded decoded ? Optional.of(decoded.event()) : Optional.empty();
    }
}
