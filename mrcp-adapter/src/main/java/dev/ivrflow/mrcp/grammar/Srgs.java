package dev.ivrflow.mrcp.grammar;

import dev.ivrflow.flow.port.SpeechRequest.Phrase;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * SRGS XML grammars (W3C SRGS 1.0, semantics/1.0 tags) built from phrases or keys, one {@code <item>} per choice,
 * each returning what it stands for ({@code out="sales";}), so a recogniser's result carries the menu option, not
 * just the words.
 *
 * <p>Phrases and interpretations are data, never markup: every {@code <}, {@code &}, quote and the characters
 * FreeSWITCH would alter on the way ({@code '} and {@code \} are quote and escape characters to its argument
 * splitter, {@code $} starts a variable) are written as character references, which the recogniser decodes; an
 * interpretation also goes through JavaScript string escaping, since a tag is ECMAScript. So no phrase can close
 * the item, add a rule, or change what another option returns. Only double quotes delimit attributes.
 */
public final class Srgs {
    public static final int MAX_CHOICES = 500;
    public static final int MAX_PHRASE = 200;
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,3}");
    private static final Pattern KEYS = Pattern.compile("[0-9*#A-Da-d]{1,32}");
    private static final String[] DIGIT_WORDS_EN = {"zero", "one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine"};

    private Srgs() {
    }

    /**
     * A voice grammar: the phrases, and each key sequence as spoken ("2", and in English "two"), so a caller may
     * say the option's number as well as its name. Blank phrases are skipped; the same words twice keep the first
     * meaning.
     */
    public static String voice(List<Phrase> phrases, List<Phrase> keys, String language) {
        String lang = language(language);
        Map<String, Item> items = new LinkedHashMap<>();
        for (Phrase p : phrases) {
            String text = words(p.text());
            if (!text.isEmpty()) {
                add(items, text, meaning(p, text));
            }
        }
        for (Phrase k : keys) {
            String digits = keys(k.text());
            if (digits.chars().allMatch(Character::isDigit)) {
                add(items, digits, meaning(k, digits));
                if (lang.toLowerCase(Locale.ROOT).startsWith("en")) {
                    add(items, spokenEnglish(digits), meaning(k, digits));
                }
            }
        }
        return document("voice", lang, items);
    }

    /** A DTMF grammar ({@code mode="dtmf"}): each key sequence, with the meaning it stands for. */
    public static String dtmf(List<Phrase> keys, String language) {
        Map<String, Item> items = new LinkedHashMap<>();
        for (Phrase k : keys) {
            String digits = keys(k.text());
            StringBuilder tokens = new StringBuilder();
            for (char c : digits.toCharArray()) {
                if (!tokens.isEmpty()) {
                    tokens.append(' ');
                }
                tokens.append(c);
            }
            add(items, tokens.toString(), meaning(k, digits));
        }
        return document("dtmf", language(language), items);
    }

    private record Item(String words, String meaning) {
    }

    /** The same words twice (whatever their case) keep the first meaning. */
    private static void add(Map<String, Item> items, String words, String meaning) {
        items.putIfAbsent(words.toLowerCase(Locale.ROOT), new Item(words, meaning));
    }

    private static String document(String mode, String lang, Map<String, Item> items) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a grammar needs at least one phrase or key");
        }
        if (items.size() > MAX_CHOICES) {
            throw new IllegalArgumentException("a grammar of " + items.size() + " choices is more than " + MAX_CHOICES);
        }
        StringBuilder xml = new StringBuilder(128 + items.size() * 64)
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<grammar xmlns=\"http://www.w3.org/2001/06/grammar\" version=\"1.0\" xml:lang=\"").append(lang)
                .append("\" mode=\"").append(mode).append("\" root=\"choice\" tag-format=\"semantics/1.0\">\n")
                .append("<rule id=\"choice\" scope=\"public\">\n<one-of>\n");
        for (Item item : items.values()) {
            xml.append("<item>").append(text(item.words())).append("<tag>out=\"").append(text(jsString(item.meaning())))
                    .append("\";</tag></item>\n");
        }
        return xml.append("</one-of>\n</rule>\n</grammar>").toString();
    }

    /** A valid language tag, or en-US. */
    static String language(String language) {
        return language != null && LANGUAGE.matcher(language).matches() ? language : "en-US";
    }

    /** The words of a phrase: control characters become spaces, runs of blanks one space. */
    static String words(String phrase) {
        if (phrase == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(phrase.length());
        for (int i = 0; i < phrase.length(); i++) {
            char c = phrase.charAt(i);
            out.append(Character.isISOControl(c) || Character.isWhitespace(c) ? ' ' : c);
        }
        String text = out.toString().strip().replaceAll(" {2,}", " ");
        if (text.length() > MAX_PHRASE) {
            throw new IllegalArgumentException("the phrase '" + text.substring(0, 40) + "...' is longer than "
                    + MAX_PHRASE + " characters");
        }
        return text;
    }

    private static String keys(String digits) {
        if (digits == null || !KEYS.matcher(digits).matches()) {
            throw new IllegalArgumentException("'" + digits + "' is not a key sequence (digits, *, #, A-D)");
        }
        return digits;
    }

    private static String meaning(Phrase p, String fallback) {
        String m = p.interpretation() == null ? fallback : words(p.interpretation());
        return m.isEmpty() ? fallback : m;
    }

    private static String spokenEnglish(String digits) {
        StringBuilder out = new StringBuilder();
        for (char c : digits.toCharArray()) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(DIGIT_WORDS_EN[c - '0']);
        }
        return out.toString();
    }

    /** The inside of an ECMAScript double-quoted string. */
    static String jsString(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** XML character data, with what FreeSWITCH's argument handling would alter written as character references. */
    static String text(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&#34;");
                case '\'' -> out.append("&#39;");
                case '\\' -> out.append("&#92;");
                case '$' -> out.append("&#36;");
                case '{' -> out.append("&#123;");
                case '}' -> out.append("&#125;");
                default -> {
                    if (Character.isISOControl(c) || Character.isSurrogate(c) && !validSurrogate(value, i)) {
                        out.append(' ');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static boolean validSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
