package dev.ivrflow.flow.validate;

import dev.ivrflow.flow.model.Prompt;
import dev.ivrflow.flow.model.PromptVariant;
import dev.ivrflow.flow.nodes.ask.AskSettings;
import dev.ivrflow.flow.nodes.ask.Grammar;
import dev.ivrflow.flow.nodes.condition.ConditionCase;
import dev.ivrflow.flow.nodes.condition.ConditionSettings;
import dev.ivrflow.flow.nodes.gotonode.GotoSettings;
import dev.ivrflow.flow.nodes.hangup.HangupSettings;
import dev.ivrflow.flow.nodes.input.InputSettings;
import dev.ivrflow.flow.nodes.loop.LoopSettings;
import dev.ivrflow.flow.nodes.menu.MenuOption;
import dev.ivrflow.flow.nodes.menu.MenuSettings;
import dev.ivrflow.flow.nodes.play.PlaySettings;
import dev.ivrflow.flow.nodes.record.RecordSettings;
import dev.ivrflow.flow.nodes.say.SaySettings;
import dev.ivrflow.flow.nodes.set.Assignment;
import dev.ivrflow.flow.nodes.set.SetSettings;

import java.util.List;
import java.util.Map;

/** Short, valid settings for each node type the validator tests use; tests vary one field at a time. */
final class TestSettings {
    private TestSettings() {
    }

    static Prompt tts(String text) {
        return new Prompt(Map.of("en-US", PromptVariant.tts(text)));
    }

    static SaySettings say(String text) {
        return new SaySettings(Map.of("en-US", text), null, null);
    }

    static PlaySettings play(String file) {
        return new PlaySettings(new Prompt(Map.of("*", PromptVariant.file(file))), null);
    }

    static MenuOption option(String exit, String digits) {
        return new MenuOption(exit, digits, null, null);
    }

    static MenuOption option(String exit, String digits, String... phrases) {
        return new MenuOption(exit, digits, List.of(phrases), null);
    }

    static MenuSettings menu(MenuOption... options) {
        return new MenuSettings(tts("Press 1 for sales, 2 for support."), List.of(options), null, null, null, null,
                null, null, null, null);
    }

    static InputSettings input(String variable) {
        return new InputSettings(tts("Enter your account number."), variable, 8, 8, null, null, null, null, null,
                null, null);
    }

    static AskSettings ask(String question) {
        return new AskSettings(tts(question), Grammar.TRANSCRIBE, null, null, null, null, null, null);
    }

    static RecordSettings record() {
        return new RecordSettings(tts("Leave your message after the tone."), null, null, null, null, null);
    }

    static SetSettings set(String variable, String value) {
        return new SetSettings(List.of(new Assignment(variable, value)));
    }

    static ConditionSettings condition(String exit, String when) {
        return new ConditionSettings(List.of(new ConditionCase(exit, when)));
    }

    static LoopSettings loop(int times) {
        return new LoopSettings(times, null);
    }

    static GotoSettings goTo(String target) {
        return new GotoSettings(target, null);
    }

    static HangupSettings hangup() {
        return new HangupSettings(null);
    }
}
