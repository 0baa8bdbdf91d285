package dev.ivrflow.flow.nodes.echo;

import dev.ivrflow.flow.validate.FieldChecks;
import dev.ivrflow.flow.validate.NodeCheck;
import dev.ivrflow.flow.validate.NodeValidator;

/** A line test only needs a sane length; an hour is far beyond any real test. */
public final class EchoValidator implements NodeValidator<EchoSettings> {
    static final int MAX_SECONDS = 3600;

    @Override
    public void validate(NodeCheck<EchoSettings> check) {
        FieldChecks.inRange(check, "/maxSeconds", check.settings().maxSeconds(), 1, MAX_SECONDS, "seconds");
    }
}
