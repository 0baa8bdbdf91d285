package dev.ivrflow.flow.nodes.transfer;

import dev.ivrflow.flow.validate.FieldChecks;
import dev.ivrflow.flow.validate.FieldRange;
import dev.ivrflow.flow.validate.NodeCheck;
import dev.ivrflow.flow.validate.NodeValidator;
import dev.ivrflow.flow.validate.ValidationCodes;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A transfer needs a destination in every mode. A bridge to a phone number goes out through a gateway, so that
 * one needs a gateway too; the other kinds and the blind mode do not use it.
 */
public final class TransferValidator implements NodeValidator<TransferSettings> {
    static final List<String> MODES = List.of("bridge", "blind");
    static final List<String> KINDS = List.of("number", "sip", "user");
    static final FieldRange<TransferSettings> RING_TIMEOUT =
            FieldRange.from("/timeoutSeconds", TransferSettings::timeoutSeconds, 1, 600, "seconds");
    private static final Pattern CONTEXT = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    @Override
    public void validate(NodeCheck<TransferSettings> check) {
        TransferSettings s = check.settings();
        FieldChecks.oneOf(check, "/mode", s.mode(), MODES);
        if (s.blind()) {
            FieldChecks.required(check, "/to", s.to(), "Enter the dialplan extension to send the call to.");
            if (s.context() != null && !CONTEXT.matcher(s.context()).matches()) {
                check.error(ValidationCodes.SETTING_INVALID, "/context", "the dialplan context \"" + s.context()
                        + "\" is not a context name. Use letters, digits and _ . - only, such as default.");
            }
            return;
        }
        FieldChecks.required(check, "/to", s.to(), "Enter where to connect the call: a number, a SIP address or a"
                + " user.");
        FieldChecks.oneOf(check, "/kind", s.kind(), KINDS);
        if ("number".equals(s.kindOrDefault())) {
            FieldChecks.required(check, "/gateway", s.gateway(), "Choose the gateway that places calls to phone"
                    + " numbers.");
        }
    }

    @Override
    public List<FieldRange<TransferSettings>> ranges() {
        return List.of(RING_TIMEOUT);
    }

    /** The other side answered; busy, no answer and failure happen whatever the caller does. */
    @Override
    public Set<String> responseExits(TransferSettings settings) {
        return Set.of("answered");
    }
}
