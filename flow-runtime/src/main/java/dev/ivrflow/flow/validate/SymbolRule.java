package dev.ivrflow.flow.validate;

import dev.ivrflow.flow.model.Environment;
import dev.ivrflow.flow.model.SymbolKind;
import dev.ivrflow.flow.model.SymbolRef;

import java.util.List;

import static dev.ivrflow.flow.validate.Severity.ERROR;

/**
 * Symbolic names (queues, gateways, prompts, calendars, profiles, mailboxes) the environment must bind. A kind
 * the environment does not declare at all passes names through unchanged, so only declared kinds are checked.
 */
final class SymbolRule implements FlowRule {
    private static final int SHOWN_NAMES = 10;

    @Override
    public void check(FlowContext context, Issues issues) {
        Environment env = context.options.environment();
        for (NodeFacts n : context.nodes) {
            for (SymbolRef ref : n.references()) {
                if (ref.kind() == null || ref.name() == null || ref.name().isBlank() || !env.declares(ref.kind())) continue;
                if (env.names(ref.kind()).containsKey(ref.name())) continue;
                String code = ref.kind() == SymbolKind.CALENDAR ? ValidationCodes.CALENDAR_REF_UNKNOWN
                        : ValidationCodes.SYMBOL_UNKNOWN;
                issues.node(ERROR, code, n.node(), n.index(), null, DocumentPointers.settings(n.index(), ref.pointer()),
                        "the " + word(ref.kind()) + " \"" + ref.name() + "\" is not defined in this environment"
                                + known(env, ref.kind()) + ". Choose a defined one, or ask an administrator to add it.");
            }
        }
    }

    private static String known(Environment env, SymbolKind kind) {
        List<String> names = env.names(kind).keySet().stream().toList();
        String shown = String.join(", ", names.subList(0, Math.min(SHOWN_NAMES, names.size())));
        return " (it has " + shown + (names.size() > SHOWN_NAMES ? ", ..." : "") + ")";
    }

    private static String word(SymbolKind kind) {
        return switch (kind) {
            case QUEUE -> "queue";
            case GATEWAY -> "gateway";
            case PROMPT -> "prompt";
            case CALENDAR -> "shared calendar";
            case PROFILE -> "speech profile";
            case MAILBOX -> "mailbox";
            case CONFERENCE_PROFILE -> "conference profile";
        };
    }
}
