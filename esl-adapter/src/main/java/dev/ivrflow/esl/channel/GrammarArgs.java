package dev.ivrflow.esl.channel;

import dev.ivrflow.flow.port.SpeechRequest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The {@code detect:<engine> {params}<grammar>} part of {@code play_and_detect_speech}. FreeSWITCH splits it once
 * on a space into engine and grammar, and the grammar (the rest) is stripped of single quotes and backslashes
 * ({@code switch_separate_string}); so an inline grammar is written with double-quoted attributes only, and every
 * {@code '}, {@code \} and {@code $} in its text becomes an XML character reference, which the recogniser decodes.
 * <ul>
 *   <li>builtin {@code yesno}, {@code digits}, {@code transcribe} become MRCP's {@code builtin:grammar/boolean},
 *       {@code builtin:grammar/digits} and {@code builtin:speech/transcribe}; other builtins
 *       {@code builtin:grammar/<name>};</li>
 *   <li>a URI is passed as it is;</li>
 *   <li>phrases become one inline SRGS grammar whose items return their interpretation
 *       ({@code out="sales";}).</li>
 * </ul>
 * Requests with several grammars merge their phrases; a builtin or URI among them wins over phrases, as the
 * recogniser is given one grammar.
 */
final class GrammarArgs {
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,3}");

    private GrammarArgs() {
    }

    static String detect(SpeechRequest request, String engine) {
        FsArgs.require("recogniser", engine, FsArgs.ENGINE);
        return "detect:" + engine + " " + params(request) + grammar(request);
    }

    static String params(SpeechRequest request) {
        List<String> params = new ArrayList<>();
        params.add("start-input-timers=false");
        add(params, "no-input-timeout", request.noInputTimeout());
        add(params, "recognition-timeout", request.recognitionTimeout());
        add(params, "speech-complete-timeout", request.speechCompleteTimeout());
        if (request.language() != null && LANGUAGE.matcher(request.language()).matches()) {
            params.add("speech-language=" + request.language());
        }
        return "{" + String.join(",", params) + "}";
    }

    static String grammar(SpeechRequest request) {
        List<SpeechRequest.Phrase> phrases = new ArrayList<>();
        for (SpeechRequest.GrammarSpec g : request.grammars()) {
            if (g.builtin() != null) {
                return builtin(g.builtin());
            }
            if (g.uri() != null) {
                String uri = FsArgs.location("grammar URI", g.uri());
                if (uri.indexOf(' ') >= 0 || uri.indexOf('\'') >= 0 || uri.indexOf('\\') >= 0) {
                    throw FsArgs.invalid("grammar URI '" + uri + "' must not contain spaces, quotes or backslashes");
                }
                return uri;
            }
            if (g.phrases() != null) {
                phrases.addAll(g.phrases());
            }
        }
        if (phrases.isEmpty()) {
            return builtin("transcribe");
        }
        return srgs(phrases, request.language());
    }

    static String builtin(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "yesno", "boolean" -> "builtin:grammar/boolean";
            case "digits" -> "builtin:grammar/digits";
            case "transcribe" -> "builtin:speech/transcribe";
            default -> "builtin:grammar/" + FsArgs.require("builtin grammar", name, FsArgs.NAME);
        };
    }

    static String srgs(List<SpeechRequest.Phrase> phrases, String language) {
        String lang = language != null && LANGUAGE.matcher(language).matches() ? language : "en-US";
        StringBuilder xml = new StringBuilder(256)
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .append("<grammar xmlns=\"http://www.w3.org/2001/06/grammar\" xml:lang=\"").append(lang)
                .append("\" version=\"1.0\" mode=\"voice\" root=\"choices\" tag-format=\"semantics/1.0\">")
                .append("<rule id=\"choices\" scope=\"public\"><one-of>");
        for (SpeechRequest.Phrase p : phrases) {
            String text = FsArgs.speakable(p.text()).strip();
            if (text.isEmpty()) {
                continue;
            }
            xml.append("<item>").append(xmlText(text));
            String meaning = p.interpretation() == null ? text : p.interpretation();
            xml.append("<tag>out=\"").append(xmlText(jsString(FsArgs.speakable(meaning)))).append("\";</tag>");
            xml.append("</item>");
        }
        return xml.append("</one-of></rule></grammar>").toString();
    }

    /** The inside of a JavaScript double-quoted string. */
    private static String jsString(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** Text for XML content, with the characters FreeSWITCH would alter written as character references. */
    private static String xmlText(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\'' -> out.append("&#39;");
                case '\\' -> out.append("&#92;");
                case '$' -> out.append("&#36;");
                case '"' -> out.append("&#34;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static void add(List<String> params, String name, Duration value) {
        if (value != null && !value.isNegative() && !value.isZero()) {
            params.add(name + "=" + value.toMillis());
        }
    }
}
