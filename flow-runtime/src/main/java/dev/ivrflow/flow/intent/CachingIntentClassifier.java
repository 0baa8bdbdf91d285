package dev.ivrflow.flow.intent;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Interner;
import dev.ivrflow.flow.port.IntentClassifier;
import dev.ivrflow.flow.port.RuntimeClock;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Remembers the LLM's answers: the same question (the same labels, descriptions, examples and context, that is the
 * same intent node of the same flow version) about the same words (compared case-, accent-, punctuation- and
 * space-insensitively) is answered from memory, as source {@value Classification#CACHE}. Only real LLM answers are
 * kept: a local fallback after an error is not, so an outage leaves nothing behind. Bounded in size, each answer
 * kept for a time to live on the injected clock.
 */
public final class CachingIntentClassifier implements IntentClassifier {
    private final IntentClassifier delegate;
    private final Cache<Key, Classification> answers;
    private final Interner<Question> questions = Interner.newWeakInterner();

    /** One node's question: its labels and its context. Interned, so cached answers share one copy of it. */
    private record Question(List<Label> labels, String context) {
    }

    private record Key(Question question, String words) {
    }

    public CachingIntentClassifier(IntentClassifier delegate, long maxEntries, Duration timeToLive, RuntimeClock clock) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        Objects.requireNonNull(clock, "clock");
        this.answers = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfterWrite(timeToLive)
                .ticker(() -> nanos(clock.now()))
                .build();
    }

    @Override
    public CompletionStage<Classification> classify(String text, List<Label> labels, String context) {
        String words = normalize(text);
        Key key = new Key(questions.intern(new Question(List.copyOf(labels), context == null ? "" : context)), words);
        Classification known = answers.getIfPresent(key);
        if (known != null) return CompletableFuture.completedFuture(known.withSource(Classification.CACHE, null));
        return delegate.classify(text, labels, context).thenApply(c -> {
            if (c != null && Classification.LLM.equals(c.source()) && !words.isEmpty()) answers.put(key, c);
            return c;
        });
    }

    /** How many answers are kept now (after pending evictions). */
    public long size() {
        answers.cleanUp();
        return answers.estimatedSize();
    }

    /** Lower case, no accents, punctuation as space, single spaces: "Billing, please!" and "billing please" meet. */
    static String normalize(String text) {
        if (text == null) return "";
        return Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[\\p{P}\\p{S}]", " ").strip().replaceAll("\\s+", " ");
    }

    private static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }
}
