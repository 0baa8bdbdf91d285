package dev.ivrflow.flow.nodes.queue;

import dev.ivrflow.flow.validate.FieldChecks;
import dev.ivrflow.flow.validate.FieldRange;
import dev.ivrflow.flow.validate.NodeCheck;
import dev.ivrflow.flow.validate.NodeValidator;
import dev.ivrflow.flow.validate.ValidationCodes;

import java.util.List;
import java.util.Set;

/** A queue to wait in, bounded waits and announcements, and a callback key a phone can send. */
public final class QueueValidator implements NodeValidator<QueueSettings> {
    static final String QUEUE_ANNOUNCEMENTS_UNSUPPORTED = "QUEUE_ANNOUNCEMENTS_UNSUPPORTED";
    static final FieldRange<QueueSettings> MAX_WAIT =
            FieldRange.from("/maxWaitSeconds", QueueSettings::maxWaitSeconds, 1, 86_400, "seconds");
    /** More often than every ten seconds, announcements would drown the hold music. */
    static final FieldRange<QueueSettings> ANNOUNCE_EVERY =
            FieldRange.from("/announceEverySeconds", QueueSettings::announceEverySeconds, 10, 3600, "seconds");

    @Override
    public void validate(NodeCheck<QueueSettings> check) {
        QueueSettings s = check.settings();
        FieldChecks.required(check, "/queue", s.queue(), "Choose the queue callers wait in.");
        if (Boolean.TRUE.equals(s.announcePosition()) || Boolean.TRUE.equals(s.announceEstimatedWait())) {
            // Said rather than silently ignored: FreeSWITCH's mod_callcenter has no position or wait announcements.
            check.warning(QUEUE_ANNOUNCEMENTS_UNSUPPORTED, Boolean.TRUE.equals(s.announcePosition())
                    ? "/announcePosition" : "/announceEstimatedWait", "FreeSWITCH's call center (mod_callcenter) cannot"
                    + " announce the caller's position or the estimated wait, so this has no effect on a live call."
                    + " Put announcements in the queue's music on hold instead.");
        }
        String digit = s.callbackDigit();
        if (digit != null && !digit.matches("[0-9*#]")) {
            check.error(ValidationCodes.SETTING_INVALID, "/callbackDigit", "the callback key \"" + digit + "\" is not"
                    + " a single key a phone can send. Use one of 0-9, * or #.");
        }
    }

    @Override
    public List<FieldRange<QueueSettings>> ranges() {
        return List.of(MAX_WAIT, ANNOUNCE_EVERY);
    }

    /** An agent answered, or the caller pressed the callback key; waiting in silence ends in timeout. */
    @Override
    public Set<String> responseExits(QueueSettings settings) {
        return Set.of("answered", "callback", "abandoned");
    }
}
