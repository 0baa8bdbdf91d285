package dev.ivrflow.esl.channel;

import dev.ivrflow.flow.port.SpeechResult;
import dev.ivrflow.flow.port.SpeechResult.Hypothesis;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small NLSML reader (RFC 6787 section 9.6): each {@code <interpretation>} of the {@code <result>} becomes a
 * hypothesis, best first, with the {@code <input>} text, the {@code <instance>} as its meaning, the
 * {@code confidence} (0 to 1, or 0 to 100 from older servers) and the input {@code mode}. An input of
 * {@code <noinput/>} means nothing was said; {@code <nomatch/>}, or no interpretation at all, means what was said
 * fitted no grammar.
 *
 * <p>The XML parser refuses DOCTYPEs and external entities: the text comes from a speech server, and an entity
 * could otherwise make us read files or loop. Anything unreadable is an {@link SpeechResult.Status#ERROR} with the
 * reason, never an exception.
 */
public final class NlsmlSpeechResultParser implements SpeechResultParser {
    private static final int MAX_LENGTH = 256 * 1024;

    private final DocumentBuilderFactory factory;

    public NlsmlSpeechResultParser() {
        factory = DocumentBuilderFactory.newInstance();
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (ParserConfigurationException | IllegalArgumentException e) {
            throw new IllegalStateException("the XML parser cannot be made safe for NLSML", e);
        }
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setNamespaceAware(false);
    }

    @Override
    public SpeechResult parse(String nlsml) {
        if (nlsml == null || nlsml.isBlank()) {
            return SpeechResult.noInput();
        }
        if (nlsml.length() > MAX_LENGTH) {
            return SpeechResult.error("the recognition result is " + nlsml.length() + " characters, more than " + MAX_LENGTH);
        }
        Document doc;
        try {
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            doc = builder.parse(new InputSource(new StringReader(nlsml.strip())));
        } catch (SAXException | IOException | ParserConfigurationException e) {
            return SpeechResult.error("the recognition result is not well-formed NLSML: " + e.getMessage());
        }
        Element root = doc.getDocumentElement();
        if (!"result".equals(localName(root))) {
            return SpeechResult.error("the recognition result's root element is <" + localName(root) + ">, not <result>");
        }
        List<Hypothesis> hypotheses = new ArrayList<>();
        boolean noInput = false;
        boolean noMatch = false;
        for (Element interpretation : children(root, "interpretation")) {
            Element input = first(interpretation, "input");
            if (input != null && first(input, "noinput") != null) {
                noInput = true;
                continue;
            }
            if (input != null && first(input, "nomatch") != null) {
                noMatch = true;
                String heard = input.getTextContent().strip();
                if (!heard.isEmpty()) {
                    hypotheses.add(new Hypothesis(heard, null, confidence(interpretation, input), mode(input),
                            attribute(interpretation, "grammar")));
                }
                continue;
            }
            String text = input == null ? "" : input.getTextContent().strip();
            Element instance = first(interpretation, "instance");
            String meaning = instance == null ? null : instance.getTextContent().strip();
            if (text.isEmpty() && (meaning == null || meaning.isEmpty())) {
                continue;
            }
            hypotheses.add(new Hypothesis(text.isEmpty() ? meaning : text, meaning == null || meaning.isEmpty() ? null : meaning,
                    confidence(interpretation, input), mode(input), attribute(interpretation, "grammar")));
        }
        if (!noMatch && !hypotheses.isEmpty()) {
            return new SpeechResult(SpeechResult.Status.RECOGNIZED, hypotheses, null);
        }
        if (noInput && hypotheses.isEmpty() && !noMatch) {
            return SpeechResult.noInput();
        }
        return new SpeechResult(SpeechResult.Status.NO_MATCH, hypotheses, null);
    }

    private static double confidence(Element interpretation, Element input) {
        String raw = attribute(interpretation, "confidence");
        if (raw == null && input != null) {
            raw = attribute(input, "confidence");
        }
        if (raw == null) {
            return 1.0;
        }
        try {
            double value = Double.parseDouble(raw.strip());
            if (Double.isNaN(value) || value < 0) {
                return 0.0;
            }
            return value > 1.0 ? Math.min(1.0, value / 100.0) : value;
        } catch (NumberFormatException e) {
            return 0.0;
        }
    }

    private static SpeechResult.Mode mode(Element input) {
        String mode = input == null ? null : attribute(input, "mode");
        return mode != null && mode.toLowerCase(Locale.ROOT).startsWith("dtmf") ? SpeechResult.Mode.DTMF
                : SpeechResult.Mode.SPEECH;
    }

    private static String attribute(Element element, String name) {
        return element.hasAttribute(name) ? element.getAttribute(name) : null;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && name.equals(localName(e))) {
                out.add(e);
            }
        }
        return out;
    }

    private static Element first(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.getFirst();
    }

    private static String localName(Node node) {
        String name = node.getNodeName();
        int colon = name.indexOf(':');
        return colon >= 0 ? name.substring(colon + 1) : name;
    }
}
