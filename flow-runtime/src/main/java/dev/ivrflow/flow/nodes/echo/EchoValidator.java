package dev.ivrflow.flow.nodes.echo;

import dev.ivrflow.flow.validate.FieldRange;
import dev.ivrflow.flow.validate.NodeCheck;
import dev.ivrflow.flow.validate.NodeValidator;

import java.util.List;

/** A line test only needs a sane length; an hour is far beyond any real test. */
public final class EchoValidator implements NodeValidator<EchoSettings> {
    static final FieldRange<EchoSettings> MAX_SECONDS =
            FieldRange.from("/maxSeconds", EchoSettings::maxSeconds, 1, 3600, "seconds");

    /** Nothing beyond its one field's range. */
    @Override
    public void validate(NodeCheck<EchoSettings> check) {
    }

    @Override
    public List<FieldRange<EchoSettings>> ranges() {
        return List.of(MAX_SECONDS);
    }
}
