package dev.ivrflow.flow.runtime;

import dev.ivrflow.flow.model.Prompt;
import dev.ivrflow.flow.runtime.JournalEvent.Kind;

import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The retry behaviour menus and inputs share: run an attempt (a prompt and the caller's answer), judge the answer,
 * and on a timeout or an invalid answer play the matching reprompt and try again, up to {@code maxTries}. After the
 * last try the node leaves by {@code timeout} or {@code invalid}, after the last try's reason.
 */
public final class Attempts {
    private Attempts() {
    }

    /** How an answer was judged. */
    public sealed interface Verdict {
        record Accept(Step step) implements Verdict {
        }

        record Invalid(String answer) implements Verdict {
        }

        record Timeout() implements Verdict {
        }
    }

    public static Verdict accept(Step step) {
        return new Verdict.Accept(step);
    }

    public static Verdict invalid(String answer) {
        return new Verdict.Invalid(answer);
    }

    public static Verdict timeout() {
        return new Verdict.Timeout();
    }

    public static <R> Step run(NodeContext<?> ctx, int maxTries, Prompt invalidPrompt, Prompt timeoutPrompt,
                               IntFunction<CompletionStage<R>> attempt, Function<R, Verdict> judge) {
        return tryNumber(1, ctx, maxTries, invalidPrompt, timeoutPrompt, attempt, judge);
    }

    private static <R> Step tryNumber(int n, NodeContext<?> ctx, int maxTries, Prompt invalidPrompt,
                                      Prompt timeoutPrompt, IntFunction<CompletionStage<R>> attempt,
                                      Function<R, Verdict> judge) {
        return Step.await(attempt.apply(n), answer -> {
            Verdict v = judge.apply(answer);
            if (v instanceof Verdict.Accept a) return a.step();
            boolean timedOut = v instanceof Verdict.Timeout;
            ctx.journal(Kind.INPUT, timedOut ? Map.of("timeout", true, "try", n)
                    : Map.of("invalid", ((Verdict.Invalid) v).answer(), "try", n));
            if (n >= maxTries) {
                ctx.putResult(Map.of("tries", n, "outcome", timedOut ? "timeout" : "invalid"));
                return Step.take(timedOut ? "timeout" : "invalid");
            }
            Prompt reprompt = timedOut ? timeoutPrompt : invalidPrompt;
            if (reprompt != null) {
                var audio = ctx.audio(reprompt);
                if (!audio.isEmpty()) {
                    return Step.await(ctx.ports().channel().play(audio, false), played ->
                            tryNumber(n + 1, ctx, maxTries, invalidPrompt, timeoutPrompt, attempt, judge));
                }
            }
            return tryNumber(n + 1, ctx, maxTries, invalidPrompt, timeoutPrompt, attempt, judge);
        });
    }
}
