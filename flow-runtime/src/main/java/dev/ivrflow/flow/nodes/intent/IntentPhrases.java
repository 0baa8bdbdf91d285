package dev.ivrflow.flow.nodes.intent;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the intent node says when its settings give no prompt of their own: "Did you mean …?" and "Please tell me
 * again", in the languages below, picked by the call's language (its primary subtag), else the flow's default
 * language, else English. The yes and no words and keys are the builtin yes/no grammar's and 1 and 2.
 */
final class IntentPhrases {
    private IntentPhrases() {
    }

    /** "%s" is the intent as the caller hears it named (its label). */
    private static final Map<String, String> CONFIRM = Map.of(
            "en", "Did you mean: %s? Please say yes or no. You can also press 1 for yes, or 2 for no.",
            "fr", "Vous souhaitez : %s, c'est bien cela ? Dites oui ou non, ou appuyez sur 1 pour oui, ou sur 2 pour non.",
            "de", "Meinten Sie: %s? Bitte sagen Sie ja oder nein, oder drücken Sie die 1 für ja und die 2 für nein.",
            "es", "¿Quiso decir: %s? Diga sí o no, o pulse 1 para sí, o 2 para no.");

    private static final Map<String, String> REPROMPT = Map.of(
            "en", "Sorry, I didn't quite get that. Please tell me again, in a few words, what you are calling about.",
            "fr", "Désolé, je n'ai pas bien compris. Pouvez-vous me redire, en quelques mots, l'objet de votre appel ?",
            "de", "Entschuldigung, das habe ich nicht verstanden. Bitte sagen Sie mir noch einmal kurz, worum es geht.",
            "es", "Perdone, no le he entendido bien. Dígame otra vez, en pocas palabras, el motivo de su llamada.");

    static Set<String> languages() {
        return CONFIRM.keySet();
    }

    static boolean covers(String language) {
        return language != null && CONFIRM.containsKey(primary(language));
    }

    static String confirm(String label, String language, String defaultLanguage) {
        return String.format(Locale.ROOT, CONFIRM.get(pick(language, defaultLanguage)), label);
    }

    static String reprompt(String language, String defaultLanguage) {
        return REPROMPT.get(pick(language, defaultLanguage));
    }

    /** The language the built-in phrase is in (for the synthesiser's voice). */
    static String spokenIn(String language, String defaultLanguage) {
        if (covers(language)) return language;
        if (covers(defaultLanguage)) return defaultLanguage;
        return "en-US";
    }

    private static String pick(String language, String defaultLanguage) {
        if (covers(language)) return primary(language);
        if (covers(defaultLanguage)) return primary(defaultLanguage);
        return "en";
    }

    private static String primary(String language) {
        int dash = language.indexOf('-');
        return (dash < 0 ? language : language.substring(0, dash)).toLowerCase(Locale.ROOT);
    }
}
