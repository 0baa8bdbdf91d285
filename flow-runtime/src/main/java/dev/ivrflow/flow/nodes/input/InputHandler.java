package dev.ivrflow.flow.nodes.input;

import dev.ivrflow.flow.port.DigitRequest;
import dev.ivrflow.flow.port.DigitResult;
import dev.ivrflow.flow.runtime.Attempts;
import dev.ivrflow.flow.runtime.Attempts.Verdict;
import dev.ivrflow.flow.runtime.JournalEvent.Kind;
import dev.ivrflow.flow.runtime.NodeContext;
import dev.ivrflow.flow.runtime.NodeHandler;
import dev.ivrflow.flow.runtime.Step;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Collects digits, checks their length and pattern, and stores them in the variable. */
public final class InputHandler implements NodeHandler<InputSettings> {
    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

    @Override
    public Step enter(NodeContext<InputSettings> ctx) {
        InputSettings s = ctx.settings();
        DigitRequest request = new DigitRequest(s.minLengthOrDefault(), s.maxLengthOrDefault(), s.terminatorOrDefault(),
                seconds(s.timeoutOrDefault()), seconds(s.interDigitTimeoutOrDefault()), true);
        return Attempts.run(ctx, s.maxTriesOrDefault(), s.invalidPrompt(), s.timeoutPrompt(),
                attempt -> ctx.ports().channel().collectDigits(ctx.audio(s.prompt()), request),
                answer -> judge(ctx, s, answer));
    }

    private Verdict judge(NodeContext<InputSettings> ctx, InputSettings s, DigitResult answer) {
        if (answer.empty()) return Attempts.timeout();
        String digits = answer.digits();
        boolean lengthOk = digits.length() >= s.minLengthOrDefault() && digits.length() <= s.maxLengthOrDefault();
        boolean patternOk = s.pattern() == null
                || patterns.computeIfAbsent(s.pattern(), Pattern::compile).matcher(digits).matches();
        if (!lengthOk || !patternOk) return Attempts.invalid(digits);
        ctx.setVariable(s.variable(), digits);
        ctx.putResult(Map.of("digits", digits));
        ctx.journal(Kind.INPUT, Map.of("digits", digits));
        return Attempts.accept(Step.take("next"));
    }

    private static Duration seconds(double s) {
        return Duration.ofMillis(Math.round(s * 1000));
    }
}
