package dev.ivrflow.flow.validate;

import dev.ivrflow.flow.model.Pointers;
import dev.ivrflow.flow.model.Prompt;
import dev.ivrflow.flow.model.PromptRef;
import dev.ivrflow.flow.model.PromptVariant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.ivrflow.flow.validate.Severity.ERROR;
import static dev.ivrflow.flow.validate.Severity.WARNING;

/**
 * Prompts in every language of the flow. A missing language falls back to the default language's version (a
 * warning: the caller hears the wrong language); a missing default leaves those callers with silence (an error).
 */
final class PromptRule implements FlowRule {

    @Override
    public void check(FlowContext context, Issues issues) {
        List<String> languages = context.languages();
        for (NodeFacts n : context.nodes) {
            for (PromptRef ref : n.prompts()) {
                if (ref.prompt() == null) continue;
                checkVariants(context, issues, n, ref, languages);
                if (!languages.isEmpty()) checkCoverage(context, issues, n, ref, languages);
            }
        }
    }

    private static void checkVariants(FlowContext context, Issues issues, NodeFacts n, PromptRef ref,
                                      List<String> languages) {
        for (Map.Entry<String, PromptVariant> e : ref.prompt().byLanguage().entrySet()) {
            String language = e.getKey();
            String pointer = DocumentPointers.settings(n.index(), Pointers.join(ref.pointer(), language));
            List<String> kinds = kinds(e.getValue());
            if (kinds.size() != 1) {
                issues.node(ERROR, ValidationCodes.PROMPT_VARIANT_INVALID, n.node(), n.index(), null, pointer,
                        "the " + language + " version of the prompt must be exactly one of an audio file, a text to"
                                + " speak, a tone or a prompt name, but it has " + (kinds.isEmpty() ? "none"
                                : String.join(" and ", kinds)) + ". Keep one.");
            }
            if (!Prompt.ANY_LANGUAGE.equals(language) && !languages.isEmpty() && !languages.contains(language)) {
                issues.node(WARNING, ValidationCodes.PROMPT_LANGUAGE_UNDECLARED, n.node(), n.index(), null, pointer,
                        "the prompt has a version in " + language + ", which is not one of the flow's languages ("
                                + String.join(", ", languages) + "), so it is never played. Add " + language
                                + " to the flow's languages, or remove the version.");
            }
        }
    }

    private static void checkCoverage(FlowContext context, Issues issues, NodeFacts n, PromptRef ref,
                                      List<String> languages) {
        List<String> missing = languages.stream().filter(l -> !ref.prompt().covers(l)).toList();
        if (missing.isEmpty()) return;
        String pointer = DocumentPointers.settings(n.index(), ref.pointer());
        String defaultLanguage = context.defaultLanguage();
        if (missing.contains(defaultLanguage)) {
            issues.node(ERROR, ValidationCodes.PROMPT_DEFAULT_MISSING, n.node(), n.index(), null, pointer,
                    "the prompt has no version in the default language " + defaultLanguage + ", so callers in "
                            + String.join(", ", missing) + " would hear nothing. Add a " + defaultLanguage
                            + " version (or one for every language, \"*\").");
        } else {
            issues.node(WARNING, ValidationCodes.PROMPT_LANGUAGE_MISSING, n.node(), n.index(), null, pointer,
                    "the prompt has no version in " + String.join(", ", missing) + "; those callers will hear the"
                            + " default language (" + defaultLanguage + ") version. Add the missing versions if they"
                            + " should hear their own language.");
        }
    }

    private static List<String> kinds(PromptVariant v) {
        List<String> out = new ArrayList<>();
        if (v == null) return out;
        if (v.file() != null) out.add("an audio file");
        if (v.tts() != null) out.add("a text to speak");
        if (v.tone() != null) out.add("a tone");
        if (v.ref() != null) out.add("a prompt name");
        return out;
    }
}
