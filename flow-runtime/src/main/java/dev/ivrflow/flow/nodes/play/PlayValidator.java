package dev.ivrflow.flow.nodes.play;

import dev.ivrflow.flow.validate.FieldChecks;
import dev.ivrflow.flow.validate.NodeCheck;
import dev.ivrflow.flow.validate.NodeValidator;

/** A play node needs something to play; the prompt's languages and variants are checked for every node. */
public final class PlayValidator implements NodeValidator<PlaySettings> {
    @Override
    public void validate(NodeCheck<PlaySettings> check) {
        FieldChecks.required(check, "/prompt", check.settings().prompt(), "Choose the audio file, URL or tone to play.");
    }
}
