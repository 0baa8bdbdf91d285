package dev.ivrflow.flow.intent;

import dev.ivrflow.flow.port.IntentClassifier;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A deterministic classifier: no model, no network. It scores each label by how well the caller's words match
 * its name (a keyword), its examples (token overlap, tolerant of small misspellings and word endings) and, more
 * weakly, its description. It can only ever answer a declared label. It is the default when no LLM is configured,
 * the fallback when the LLM fails, and the oracle in tests.
 */
public final class LocalIntentClassifier implements IntentClassifier {
    private static final Set<String> STOP_WORDS = Set.of("a", "an", "the", "i", "i'd", "id", "im", "to", "my", "me",
            "please", "want", "would", "like", "need", "can", "you", "for", "of", "is", "it", "and", "or", "on", "in",
            "with", "about", "some", "do", "be", "speak", "talk", "hi", "hello", "yes", "je", "veux", "le", "la",
            "les", "un", "une", "de", "du", "des", "mon", "ma", "mes", "pour", "et", "svp", "voudrais");
    static final String SOURCE = Classification.LOCAL;

    @Override
    public CompletionStage<Classification> classify(String text, List<Label> labels, String context) {
        return CompletableFuture.completedFuture(classifyNow(text, labels));
    }

    public Classification classifyNow(String text, List<Label> labels) {
        List<String> said = tokens(text);
        if (said.isEmpty() || labels.isEmpty()) return new Classification(null, 0, SOURCE);
        String bestLabel = null;
        double best = 0;
        double second = 0;
        for (Label label : labels) {
            double score = score(said, label);
            if (score > best) {
                second = best;
                best = score;
                bestLabel = label.name();
            } else if (score > second) {
                second = score;
            }
        }
        if (bestLabel == null || best <= 0) return new Classification(null, 0, SOURCE);
        // Two labels that fit almost equally well is an ambiguity, not a confident answer.
        double confidence = best - second < 0.1 ? best * 0.7 : best;
        return new Classification(bestLabel, Math.min(1.0, round(confidence)), SOURCE);
    }

    private static double score(List<String> said, Label label) {
        double score = 0;
        for (String keyword : tokens(splitName(label.name()))) {
            if (said.stream().anyMatch(w -> similar(w, keyword))) score = Math.max(score, 0.85);
        }
        if (label.examples() != null) {
            for (String example : label.examples()) score = Math.max(score, dice(said, tokens(example)));
        }
        if (label.description() != null) score = Math.max(score, 0.6 * dice(said, tokens(label.description())));
        return score;
    }

    /** Dice overlap of two token lists, counting near-equal tokens as equal. */
    private static double dice(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) return 0;
        Set<Integer> used = new HashSet<>();
        int matches = 0;
        for (String x : a) {
            for (int j = 0; j < b.size(); j++) {
                if (!used.contains(j) && similar(x, b.get(j))) {
                    used.add(j);
                    matches++;
                    break;
                }
            }
        }
        return 2.0 * matches / (a.size() + b.size());
    }

    static boolean similar(String a, String b) {
        if (a.equals(b)) return true;
        if (a.length() >= 5 && b.length() >= 5 && a.regionMatches(0, b, 0, 5)) return true;
        return a.length() >= 4 && b.length() >= 4 && Math.abs(a.length() - b.length()) <= 1 && levenshtein(a, b) <= 1;
    }

    private static int levenshtein(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    static List<String> tokens(String text) {
        if (text == null) return List.of();
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9' ]", " ");
        List<String> out = new ArrayList<>();
        for (String t : plain.split("\\s+")) {
            if (!t.isBlank() && !STOP_WORDS.contains(t)) out.add(t);
        }
        return out;
    }

    private static String splitName(String name) {
        return name == null ? "" : name.replaceAll("([a-z])([A-Z])", "$1 $2").replace('_', ' ');
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
