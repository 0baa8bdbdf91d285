package dev.ivrflow.esl.fssim;

import dev.ivrflow.flow.sim.SpeechMatcher;
import dev.ivrflow.flow.port.SpeechRequest;
import dev.ivrflow.flow.port.SpeechResult;
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

/**
 * The recogniser behind the simulated {@code play_and_detect_speech}: reads the {@code detect:} argument the way
 * FreeSWITCH and mod_unimrcp do (engine, {@code {params}}, one grammar: builtin, URI or inline SRGS), matches an
 * utterance with the in-memory simulator's matcher, and answers in NLSML as a speech server would.
 */
final class SimRecognizer {
    record Detect(String prompt, String engine, Map<String, String> params, List<SpeechRequest.GrammarSpec> grammars) {
        Duration noInputTimeout() {
            String ms = params.get("no-input-timeout");
            return ms == null ? Duration.ofSeconds(5) : Duration.ofMillis(Long.parseLong(ms));
        }
    }

    private SimRecognizer() {
    }

    /** {@code <prompt> detect:<engine> {params}<grammar>}, split as play_and_detect_speech does. */
    static Detect parse(String arg) {
        int at = arg.indexOf("detect:");
        if (at < 0) {
            throw new IllegalArgumentException("no detect: in '" + arg + "'");
        }
        String prompt = arg.substring(0, at).strip();
        List<String> parts = FsArgSplitter.split(arg.substring(at + 7), ' ', 2);
        if (parts.size() != 2) {
            throw new IllegalArgumentException("detect: needs an engine and a grammar: '" + arg + "'");
        }
        String rest = parts.get(1);
        Map<String, String> params = new LinkedHashMap<>();
        if (rest.startsWith("{")) {
            int close = rest.indexOf('}');
            for (String p : rest.substring(1, close).split(",")) {
                int eq = p.indexOf('=');
                if (eq > 0) {
                    params.put(p.substring(0, eq), p.substring(eq + 1));
                }
            }
            rest = rest.substring(close + 1);
        }
        return new Detect(prompt, parts.get(0), params, List.of(grammar(rest)));
    }

    static SpeechRequest.GrammarSpec grammar(String g) {
        if (g.startsWith("builtin:")) {
            String name = g.substring(g.lastIndexOf('/') + 1);
            return SpeechRequest.GrammarSpec.builtin(switch (name.toLowerCase(Locale.ROOT)) {
                case "boolean" -> "yesno";
                default -> name;
            });
        }
        if (g.startsWith("<")) {
            return new SpeechRequest.GrammarSpec(null, null, phrases(g));
        }
        return new SpeechRequest.GrammarSpec(null, g, null);
    }

    private static List<SpeechRequest.Phrase> phrases(String srgs) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList items = f.newDocumentBuilder().parse(new InputSource(new StringReader(srgs)))
                    .getElementsByTagName("item");
            List<SpeechRequest.Phrase> out = new ArrayList<>();
            for (int i = 0; i < items.getLength(); i++) {
                Element item = (Element) items.item(i);
                String text = item.getFirstChild() == null ? "" : item.getFirstChild().getTextContent().strip();
                NodeList tags = item.getElementsByTagName("tag");
                String meaning = text;
                if (tags.getLength() > 0) {
                    String tag = tags.item(0).getTextContent().strip();
                    int open = tag.indexOf('"');
                    int close = tag.lastIndexOf('"');
                    if (open >= 0 && close > open) {
                        meaning = tag.substring(open + 1, close).replace("\\\"", "\"").replace("\\\\", "\\");
                    }
                }
                out.add(new SpeechRequest.Phrase(text, meaning));
            }
            return out;
        } catch (Exception e) {
            throw new IllegalArgumentException("the inline grammar is not valid SRGS: " + e.getMessage(), e);
        }
    }

    static SpeechResult recognise(String said, Double confidence, Detect detect) {
        return new SpeechMatcher().match(said, confidence, detect.grammars());
    }

    /** The result as NLSML; empty for no input (FreeSWITCH then leaves detect_speech_result empty). */
    static String nlsml(SpeechResult result) {
        if (result.status() == SpeechResult.Status.NO_INPUT) {
            return "";
        }
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\"?><result>");
        SpeechResult.Hypothesis h = result.best();
        if (result.status() == SpeechResult.Status.NO_MATCH) {
            x.append("<interpretation confidence=\"").append(h == null ? 0.0 : h.confidence()).append("\">")
                    .append("<input mode=\"speech\"><nomatch/>").append(h == null ? "" : xml(h.text()))
                    .append("</input></interpretation>");
        } else {
            for (SpeechResult.Hypothesis hyp : result.hypotheses()) {
                x.append("<interpretation grammar=\"").append(xml(hyp.grammar() == null ? "" : hyp.grammar()))
                        .append("\" confidence=\"").append(hyp.confidence()).append("\">");
                if (hyp.interpretation() != null) {
                    x.append("<instance>").append(xml(hyp.interpretation())).append("</instance>");
                }
                x.append("<input mode=\"").append(hyp.mode() == SpeechResult.Mode.DTMF ? "dtmf" : "speech").append("\">")
                        .append(xml(hyp.text())).append("</input></interpretation>");
            }
        }
        return x.append("</result>").toString();
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
