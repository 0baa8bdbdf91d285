package dev.ivrflow.flow.nodes.queue;

import dev.ivrflow.flow.validate.FieldChecks;
import dev.ivrflow.flow.validate.NodeCheck;
import dev.ivrflow.flow.validate.NodeValidator;
import dev.ivrflow.flow.validate.ValidationCodes;

/** A queue to wait in, bounded waits and announcements, and a callback key a phone can send. */
public final class QueueValidator implements NodeValidator<QueueSettings> {
    static final int MAX_WAIT_SECONDS = 86_400;
    /** More often than every ten seconds, announcements would drown the hold music. */
    static final int MIN_ANNOUNCE_SECONDS = 10;
    static final int MAX_ANNOUNCE_SECONDS = 3600;

    @Override
    public void validate(NodeCheck<QueueSettings> check) {
        QueueSettings s = check.settings();
        FieldChecks.required(check, "/queue", s.queue(), "Choose the queue callers wait in.");
        FieldChecks.inRange(check, "/maxWaitSeconds", s.maxWaitSeconds(), 1, MAX_WAIT_SECONDS, "seconds");
        FieldChecks.inRange(check, "/announceEverySeconds", s.announceEverySeconds(), MIN_ANNOUNCE_SECONDS,
                MAX_ANNOUNCE_SECONDS, "seconds");
        String digit = s.callbackDigit();
        if (digit != null && !digit.matches("[0-9*#]")) {
            check.error(ValidationCodes.SETTING_INVALID, "/callbackDigit", "the callback key \"" + digit + "\" is not"
                    + " a single key a phone can send. Use one of 0-9, * or #.");
        }
    }
}
