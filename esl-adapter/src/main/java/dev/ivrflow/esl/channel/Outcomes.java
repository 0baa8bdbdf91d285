package dev.ivrflow.esl.channel;

import dev.ivrflow.esl.codec.EslEvent;
import dev.ivrflow.flow.port.BridgeResult;
import dev.ivrflow.flow.port.DigitRequest;
import dev.ivrflow.flow.port.DigitResult;
import dev.ivrflow.flow.port.QueueRequest;
import dev.ivrflow.flow.port.QueueResult;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads what an application did from the channel variables on its CHANNEL_EXECUTE_COMPLETE, as the captures show
 * them. Application-Response is {@code _none_} for nearly every application, so the variables are the result.
 * Variables persist on the channel, so each reader uses only variables the application sets every time it runs
 * (or a name that is fresh for this run), never one a previous run may have left behind.
 */
final class Outcomes {
    private Outcomes() {
    }

    /**
     * play_and_get_digits stores what it read in its own variable, which we name afresh for every request (a
     * failed read leaves the variable unset, and {@code read_result} keeps its old value: capture 11). Digits that
     * FreeSWITCH judged invalid land in {@code <var>_invalid}; they are returned too, so the flow judges them.
     */
    static DigitResult digits(EslEvent done, String variable, DigitRequest request) {
        String digits = nonEmpty(done.variable(variable))
                .or(() -> nonEmpty(done.variable(variable + "_invalid")))
                .orElse("");
        if (digits.isEmpty()) {
            return DigitResult.timeout();
        }
        if (digits.length() >= request.maxDigits()) {
            return new DigitResult(digits, DigitResult.Ending.COMPLETE);
        }
        String used = done.variable("read_terminator_used").orElse("");
        boolean terminated = !used.isEmpty() && request.terminators() != null && request.terminators().contains(used);
        return new DigitResult(digits, terminated ? DigitResult.Ending.TERMINATOR : DigitResult.Ending.TIMEOUT);
    }

    /**
     * bridge sets {@code originate_disposition} and {@code DIALSTATUS} on every run (captures 12a-12d2; the channel
     * unsets them before each bridge all the same, so a bridge that could not even start reads as a failure):
     * SUCCESS, BUSY/USER_BUSY, NOANSWER/NO_ANSWER, anything else a failure whose cause is
     * {@code originate_failed_cause}.
     */
    static BridgeResult bridge(EslEvent done) {
        String dialStatus = done.variable("DIALSTATUS").orElse("").toUpperCase(Locale.ROOT);
        String disposition = done.variable("originate_disposition").orElse("").toUpperCase(Locale.ROOT);
        if (dialStatus.equals("SUCCESS") || disposition.equals("SUCCESS")) {
            String cause = nonEmpty(done.variable("bridge_hangup_cause"))
                    .or(() -> nonEmpty(done.variable("last_bridge_hangup_cause")))
                    .orElse("NORMAL_CLEARING");
            return new BridgeResult(BridgeResult.Outcome.ANSWERED, cause);
        }
        String cause = nonEmpty(done.variable("originate_failed_cause"))
                .or(() -> Optional.of(disposition).filter(d -> !d.isEmpty()))
                .or(() -> Optional.of(dialStatus).filter(d -> !d.isEmpty()))
                .orElse("NORMAL_TEMPORARY_FAILURE");
        if (dialStatus.equals("BUSY") || cause.equals("USER_BUSY")) {
            return new BridgeResult(BridgeResult.Outcome.BUSY, cause);
        }
        if (dialStatus.equals("NOANSWER") || cause.equals("NO_ANSWER") || cause.equals("NO_USER_RESPONSE")
                || cause.equals("ALLOTTED_TIMEOUT")) {
            return new BridgeResult(BridgeResult.Outcome.NO_ANSWER, cause);
        }
        return new BridgeResult(BridgeResult.Outcome.FAILED, cause);
    }

    /**
     * mod_callcenter sets {@code cc_cause} ({@code answered} or {@code cancel}) and, when cancelled,
     * {@code cc_cancel_reason} (TIMEOUT, NO_AGENT_TIMEOUT, BREAK_OUT) on every run (captures 14a, 14b); a key in
     * {@code cc_exit_keys} ends the wait as BREAK_OUT with {@code cc_exit_key} set. The channel unsets these before
     * each run, so with no {@code cc_cause} the queue refused the caller before queueing them (an unknown or unloaded
     * queue; mod_callcenter has no member limit of its own): reported as FULL.
     *
     * @param timerExpired our own max-wait timer broke the wait (mod_callcenter has no per-call max wait)
     */
    static QueueResult queue(EslEvent done, QueueRequest request, boolean timerExpired) {
        String cause = done.variable("cc_cause").orElse("");
        if (cause.equalsIgnoreCase("answered")) {
            String agent = nonEmpty(done.variable("cc_agent")).or(() -> nonEmpty(done.variable("cc_agent_uuid")))
                    .orElse(null);
            return new QueueResult(QueueResult.Outcome.ANSWERED, agent);
        }
        if (cause.isEmpty()) {
            return new QueueResult(QueueResult.Outcome.FULL, null);
        }
        String reason = done.variable("cc_cancel_reason").orElse("").toUpperCase(Locale.ROOT);
        return switch (reason) {
            case "TIMEOUT" -> new QueueResult(QueueResult.Outcome.TIMEOUT, null);
            case "NO_AGENT_TIMEOUT" -> new QueueResult(QueueResult.Outcome.NO_AGENTS, null);
            default -> {
                String key = done.variable("cc_exit_key").orElse("");
                if (!key.isEmpty() && key.equals(request.callbackDigit())) {
                    yield new QueueResult(QueueResult.Outcome.CALLBACK, null);
                }
                if (!key.isEmpty() && key.equals(request.exitDigit())) {
                    yield new QueueResult(QueueResult.Outcome.ABANDONED, null);
                }
                yield new QueueResult(timerExpired ? QueueResult.Outcome.TIMEOUT : QueueResult.Outcome.ABANDONED, null);
            }
        };
    }

    /** record sets {@code record_ms} when it closes the file, 0 for a silent one (capture 15). */
    static Duration recordLength(EslEvent done) {
        Optional<Long> ms = done.variable("record_ms").flatMap(Outcomes::parseLong);
        if (ms.isPresent()) {
            return Duration.ofMillis(Math.max(0, ms.get()));
        }
        return done.variable("record_seconds").flatMap(Outcomes::parseLong).map(s -> Duration.ofSeconds(Math.max(0, s)))
                .orElse(Duration.ZERO);
    }

    /** The key that stopped a playback or speak; the variable is cleared at the start of each (captures 10, 18). */
    static String terminator(EslEvent done) {
        return nonEmpty(done.variable("playback_terminator_used")).orElse(null);
    }

    static Optional<String> nonEmpty(Optional<String> value) {
        return value.filter(v -> !v.isEmpty());
    }

    private static Optional<Long> parseLong(String text) {
        try {
            return Optional.of(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
