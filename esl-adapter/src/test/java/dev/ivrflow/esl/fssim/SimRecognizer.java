package dev.ivrflow.esl.fssim;

import dev.ivrflow.flow.port.SpeechRequest;
import dev.ivrflow.flow.port.SpeechResult;
import dev.ivrflow.flow.sim.SpeechMatcher;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The recogniser behind the simulated {@code play_and_detect_speech}: FreeSWITCH's and mod_unimrcp's reading of the
 * argument, step by step as their source does it, then a speech server that matches a caller's words (with the
 * in-memory simulator's matcher, so both simulators hear the same) and keys, and answers in NLSML.
 * <ol>
 *   <li>mod_dptools: the prompt is everything before the first {@code detect:} (trailing blanks cut); what follows is
 *       split once on a blank ({@code switch_separate_string}, quotes and escapes removed) into engine and grammar;
 *       anything else is {@code USAGE ERROR}.</li>
 *   <li>{@code switch_core_asr_open}: the engine is {@code <module>[:<profile>]}; a module other than unimrcp, or a
 *       profile the switch does not have (or whose server is down), cannot be opened: {@code ASR INIT ERROR}.</li>
 *   <li>{@code switch_core_asr_load_grammar}: a leading {@code {...}} (to the matching brace) holds parameters split
 *       on {@code ,} then {@code =}; a missing brace is {@code GRAMMAR ERROR}.</li>
 *   <li>mod_unimrcp: {@code builtin:}, {@code http://}, {@code file://} and {@code session:} make a URI list (one URI a
 *       line); {@code inline:} an inline grammar, which must be SRGS XML here; anything else is a grammar file,
 *       which this switch does not have: {@code GRAMMAR ERROR}.</li>
 * </ol>
 */
public final class SimRecognizer {
    /** Why the switch refused the argument, as play_and_detect_speech reports it. */
    public static final class Refused extends Exception {
        public final String response;

        Refused(String response, String why) {
            super(why);
            this.response = response;
        }
    }

    /** An inline or builtin DTMF grammar: the key sequences with their meaning, or any digits up to a length. */
    public record DtmfGrammar(Map<String, String> keys, int maxDigits, boolean yesNo, String uri) {
    }

    public record Detect(String prompt, String engine, String profile, Map<String, String> params,
                  List<SpeechRequest.GrammarSpec> voice, DtmfGrammar dtmf, String grammarName) {
        public Duration noInputTimeout() {
            String ms = params.get("no-input-timeout");
            return ms == null ? Duration.ofSeconds(5) : Duration.ofMillis(Long.parseLong(ms));
        }
    }

    private SimRecognizer() {
    }

    public static Detect parse(String arg, FsScript script) throws Refused {
        if (arg == null || !arg.contains("detect:")) {
            throw new Refused("USAGE ERROR", "no detect: in '" + arg + "'");
        }
        int at = arg.indexOf("detect:");
        String prompt = arg.substring(0, at).stripTrailing();
        String detect = arg.substring(at + 7);
        List<String> parts = FsArgSplitter.split(detect, ' ', 2);
        if (parts.size() != 2) {
            throw new Refused("USAGE ERROR", "detect: needs an engine and a grammar: '" + detect + "'");
        }
        String engine = parts.get(0);
        String module = engine.contains(":") ? engine.substring(0, engine.indexOf(':')) : engine;
        String profile = engine.contains(":") ? engine.substring(engine.indexOf(':') + 1) : "default";
        if (!module.equals("unimrcp")) {
            throw new Refused("ASR INIT ERROR", "no ASR module " + module);
        }
        if (script.down(profile)) {
            throw new Refused("ASR INIT ERROR", "the server of profile " + profile + " does not answer");
        }
        String rest = parts.get(1).stripLeading();
        Map<String, String> params = new LinkedHashMap<>();
        if (rest.startsWith("{")) {
            int close = endParen(rest);
            if (close < 0) {
                throw new Refused("GRAMMAR ERROR", "the parameters have no closing brace");
            }
            for (String pair : FsArgSplitter.split(rest.substring(1, close), ',', 256)) {
                List<String> nv = FsArgSplitter.split(pair, '=', 2);
                if (nv.size() == 2) {
                    params.put(nv.get(0).toLowerCase(Locale.ROOT), nv.get(1));
                }
            }
            rest = rest.substring(close + 1);
        }
        String grammar = rest.stripLeading();
        List<SpeechRequest.GrammarSpec> voice = new ArrayList<>();
        DtmfGrammar dtmf = null;
        String name;
        if (startsWithAny(grammar, "builtin:", "http://", "file://", "session:")) {
            for (String uri : grammar.split("\r?\n")) {
                if (uri.isBlank()) {
                    continue;
                }
                if (uri.startsWith("builtin:dtmf/")) {
                    dtmf = builtinDtmf(uri);
                } else if (uri.startsWith("builtin:")) {
                    voice.add(SpeechRequest.GrammarSpec.builtin(builtinName(uri)));
                } else {
                    voice.add(SpeechRequest.GrammarSpec.uri(uri));
                }
            }
            name = grammar.split("\r?\n")[0];
        } else if (grammar.startsWith("inline:")) {
            String data = grammar.substring("inline:".length()).stripLeading();
            if (!data.startsWith("<?xml") && !data.startsWith("<grammar")) {
                throw new Refused("GRAMMAR ERROR", "unable to determine grammar type: " + data);
            }
            Srgs srgs = srgs(data);
            if (srgs.dtmf()) {
                dtmf = new DtmfGrammar(srgs.items(), 0, false, null);
            } else {
                List<SpeechRequest.Phrase> phrases = new ArrayList<>();
                srgs.items().forEach((words, meaning) -> phrases.add(new SpeechRequest.Phrase(words, meaning)));
                voice.add(SpeechRequest.GrammarSpec.phrases(phrases));
            }
            // mod_unimrcp defines it (DEFINE-GRAMMAR) under a generated name and recognises session:<name>
            name = "session:" + UUID.randomUUID();
        } else {
            throw new Refused("GRAMMAR ERROR", "could not read grammar file " + grammar + ".gram");
        }
        return new Detect(prompt, engine, profile, params, voice, dtmf, name);
    }

    /** switch_find_end_paren: the index of the brace that closes the first one, counting nesting, ignoring quotes. */
    private static int endParen(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWithAny(String s, String... prefixes) {
        for (String p : prefixes) {
            if (s.length() > p.length() && s.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    private static String builtinName(String uri) {
        String path = uri.substring("builtin:".length());
        int q = path.indexOf('?');
        String name = (q < 0 ? path : path.substring(0, q));
        name = name.substring(name.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return name.equals("boolean") ? "yesno" : name;
    }

    private static DtmfGrammar builtinDtmf(String uri) {
        String name = builtinName(uri);
        int max = 32;
        int q = uri.indexOf('?');
        if (q >= 0) {
            for (String p : uri.substring(q + 1).split("[;&]")) {
                if (p.startsWith("maxlength=") || p.startsWith("length=")) {
                    max = Integer.parseInt(p.substring(p.indexOf('=') + 1));
                }
            }
        }
        return new DtmfGrammar(Map.of(), max, name.equals("yesno"), uri);
    }

    record Srgs(boolean dtmf, Map<String, String> items) {
    }

    /** The items of an SRGS document (words, or keys without blanks) and what each returns. */
    private static Srgs srgs(String xml) throws Refused {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var builder = f.newDocumentBuilder();
            builder.setErrorHandler(null);
            Document doc = builder.parse(new InputSource(new StringReader(xml)));
            Element root = doc.getDocumentElement();
            if (!root.getTagName().equals("grammar")) {
                throw new Refused("GRAMMAR ERROR", "the inline grammar's root is <" + root.getTagName() + ">");
            }
            boolean dtmf = "dtmf".equals(root.getAttribute("mode"));
            NodeList items = doc.getElementsByTagName("item");
            Map<String, String> out = new LinkedHashMap<>();
            for (int i = 0; i < items.getLength(); i++) {
                Element item = (Element) items.item(i);
                String words = item.getFirstChild() == null ? "" : item.getFirstChild().getTextContent().strip();
                if (dtmf) {
                    words = words.replace(" ", "");
                }
                NodeList tags = item.getElementsByTagName("tag");
                String meaning = words;
                if (tags.getLength() > 0) {
                    String tag = tags.item(0).getTextContent().strip();
                    int open = tag.indexOf('"');
                    int close = tag.lastIndexOf('"');
                    if (open >= 0 && close > open) {
                        meaning = tag.substring(open + 1, close).replace("\\\"", "\"").replace("\\\\", "\\");
                    }
                }
                out.putIfAbsent(words, meaning);
            }
            return new Srgs(dtmf, out);
        } catch (Refused r) {
            throw r;
        } catch (Exception e) {
            throw new Refused("GRAMMAR ERROR", "the inline grammar is not valid SRGS: " + e.getMessage());
        }
    }

    static SpeechResult recognise(String said, Double confidence, Detect detect) {
        return new SpeechMatcher().match(said, confidence, detect.voice());
    }

    /** What a DTMF grammar makes of keys: its item's meaning, any digits up to the length, or no match. */
    static SpeechResult keys(String pressed, DtmfGrammar dtmf) {
        if (dtmf.yesNo()) {
            return switch (pressed) {
                case "1" -> keysResult("1", "yes", dtmf.uri());
                case "2" -> keysResult("2", "no", dtmf.uri());
                default -> SpeechResult.noMatch(List.of());
            };
        }
        if (!dtmf.keys().isEmpty()) {
            String meaning = dtmf.keys().get(pressed);
            return meaning == null ? SpeechResult.noMatch(List.of()) : keysResult(pressed, meaning, null);
        }
        String digits = pressed.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? SpeechResult.noMatch(List.of()) : keysResult(digits, digits, dtmf.uri());
    }

    private static SpeechResult keysResult(String keys, String meaning, String grammar) {
        return SpeechResult.recognized(List.of(new SpeechResult.Hypothesis(keys, meaning, 1.0, SpeechResult.Mode.DTMF,
                grammar)));
    }

    /**
     * The body of the server's RECOGNITION-COMPLETE, as an MRCPv2 server writes NLSML (a match, or a no-match with
     * what it heard); {@code grammar} is what the server reports for a match of an inline grammar.
     */
    static String nlsml(SpeechResult result, String grammar) {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\"?>\n<result>\n");
        if (result.status() == SpeechResult.Status.NO_MATCH) {
            SpeechResult.Hypothesis h = result.best();
            x.append("  <interpretation confidence=\"").append(h == null ? "0.0" : h.confidence()).append("\">\n")
                    .append("    <input mode=\"speech\"><nomatch/>").append(h == null ? "" : xml(h.text()))
                    .append("</input>\n  </interpretation>\n");
        } else {
            for (SpeechResult.Hypothesis hyp : result.hypotheses()) {
                String g = hyp.grammar() == null || hyp.grammar().equals("phrases") ? grammar : builtinOf(hyp, grammar);
                x.append("  <interpretation grammar=\"").append(xml(g)).append("\" confidence=\"")
                        .append(hyp.confidence()).append("\">\n");
                if (hyp.interpretation() != null) {
                    x.append("    <instance>").append(xml(hyp.interpretation())).append("</instance>\n");
                }
                x.append("    <input mode=\"").append(hyp.mode() == SpeechResult.Mode.DTMF ? "dtmf" : "speech")
                        .append("\">").append(xml(hyp.text())).append("</input>\n  </interpretation>\n");
            }
        }
        return x.append("</result>\n").toString();
    }

    private static String builtinOf(SpeechResult.Hypothesis hyp, String grammar) {
        return hyp.grammar().startsWith("builtin:") || hyp.grammar().contains("://") ? hyp.grammar() : grammar;
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
