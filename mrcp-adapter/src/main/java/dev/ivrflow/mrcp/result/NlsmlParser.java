package dev.ivrflow.mrcp.result;

import dev.ivrflow.flow.port.SpeechResult.Hypothesis;
import dev.ivrflow.flow.port.SpeechResult.Mode;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

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
 * Reads an NLSML recognition result (RFC 6787 section 9.6; RFC 4463 for MRCPv1): each {@code <interpretation>} of
 * the {@code <result>} is one hypothesis, best first: the {@code <input>} words, the {@code <instance>} as what they
 * mean, the confidence (from 0 to 1; MRCPv1 servers give 0 to 100), the input mode ({@code speech}, {@code dtmf})
 * and the {@code grammar} that matched. {@code <noinput/>} means nothing was said; {@code <nomatch/>} that what
 * was said fitted no grammar.
 *
 * <p>The text comes from a speech server, so it is read defensively: no DTD, no entity of any kind, no XInclude
 * (an XXE payload fails to parse instead of reading a file); at most {@value #MAX_CHARS} characters and
 * {@value #MAX_HYPOTHESES} hypotheses; a hypothesis's words at most {@value #MAX_WORDS} characters. Whatever cannot be
 * read becomes {@link Unreadable} with the reason, never an exception. Values that are odd but usable (a confidence
 * of 87 from a server that claims MRCPv2, a negative one, one that is not a number) are corrected and noted.
 * One parser serves every call at once.
 */
public final class NlsmlParser {
    public static final int MAX_CHARS = 64 * 1024;
    public static final int MAX_HYPOTHESES = 10;
    public static final int MAX_WORDS = 4_000;
    private static final java.util.regex.Pattern DECIMAL =
            java.util.regex.Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d{1,3})?");

    private final DocumentBuilderFactory factory;

    public NlsmlParser() {
        factory = DocumentBuilderFactory.newInstance();
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (ParserConfigurationException | IllegalArgumentException e) {
            throw new IllegalStateException("the XML parser cannot be made safe for NLSML", e);
        }
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setNamespaceAware(false);
        factory.setValidating(false);
    }

    /** What an NLSML document said: {@link Parsed}, or {@link Unreadable} with why. */
    public sealed interface Nlsml permits Parsed, Unreadable {
    }

    /**
     * A readable result.
     *
     * @param matches  the hypotheses that matched a grammar, best first
     * @param heard    what was heard but matched nothing ({@code <nomatch/>} with words), best first
     * @param noInput  an interpretation said {@code <noinput/>}
     * @param noMatch  an interpretation said {@code <nomatch/>}, or there was none
     * @param notes    what was odd and corrected, for the log
     */
    public record Parsed(List<Hypothesis> matches, List<Hypothesis> heard, boolean noInput, boolean noMatch,
                         List<String> notes) implements Nlsml {
    }

    public record Unreadable(String reason) implements Nlsml {
    }

    /**
     * @param mrcpVersion 1: confidences are 0 to 100; 2: 0 to 1, but a document whose confidences exceed 1 is
     *                    read as 0 to 100 (with a note), since some servers mix the two
     */
    public Nlsml parse(String text, int mrcpVersion) {
        try {
            return read(text, mrcpVersion);
        } catch (RuntimeException e) {
            // the parser is third-party code fed by a remote server: nothing it throws may end a call
            return new Unreadable("the recognition result could not be read: " + e);
        }
    }

    private Nlsml read(String text, int mrcpVersion) {
        if (text == null || text.isBlank()) {
            return new Unreadable("the recognition result is empty");
        }
        if (text.length() > MAX_CHARS) {
            return new Unreadable("the recognition result is " + text.length() + " characters long, more than "
                    + MAX_CHARS);
        }
        Document doc;
        try {
            DocumentBuilder builder;
            synchronized (factory) { // a factory is not guaranteed thread-safe; the builder is this call's own
                builder = factory.newDocumentBuilder();
            }
            builder.setErrorHandler(SILENT);
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity " + systemId + " refused");
            });
            doc = builder.parse(new InputSource(new StringReader(text.strip())));
        } catch (SAXException | IOException | ParserConfigurationException e) {
            return new Unreadable("the recognition result is not well-formed NLSML: " + e.getMessage());
        }
        Element root = doc.getDocumentElement();
        if (!"result".equals(localName(root))) {
            return new Unreadable("the recognition result's root element is <" + localName(root) + ">, not <result>");
        }
        List<String> notes = new ArrayList<>();
        List<Raw> raws = new ArrayList<>();
        boolean noInput = false;
        boolean noMatch = false;
        List<Element> interpretations = children(root, "interpretation");
        if (interpretations.size() > MAX_HYPOTHESES) {
            notes.add(interpretations.size() + " interpretations; the first " + MAX_HYPOTHESES + " are kept");
            interpretations = interpretations.subList(0, MAX_HYPOTHESES);
        }
        for (Element interpretation : interpretations) {
            Element input = first(interpretation, "input");
            if (input != null && first(input, "noinput") != null) {
                noInput = true;
                continue;
            }
            boolean unmatched = input != null && first(input, "nomatch") != null;
            noMatch |= unmatched;
            String words = input == null ? "" : collapse(input.getTextContent());
            String meaning = unmatched ? null : instance(first(interpretation, "instance"));
            if (words.isEmpty() && (meaning == null || meaning.isEmpty())) {
                continue;
            }
            if (words.length() > MAX_WORDS) {
                notes.add("words of " + words.length() + " characters cut to " + MAX_WORDS);
                words = words.substring(0, MAX_WORDS);
            }
            String rawConfidence = attribute(interpretation, "confidence");
            if (rawConfidence == null && input != null) {
                rawConfidence = attribute(input, "confidence");
            }
            raws.add(new Raw(words.isEmpty() ? meaning : words, meaning == null || meaning.isEmpty() ? null : meaning,
                    rawConfidence, mode(input, interpretation), attribute(interpretation, "grammar"), unmatched));
        }
        if (interpretations.isEmpty()) {
            noMatch = true;
        }
        double scale = scale(raws, mrcpVersion, notes);
        List<Hypothesis> matches = new ArrayList<>();
        List<Hypothesis> heard = new ArrayList<>();
        for (Raw r : raws) {
            Hypothesis h = new Hypothesis(r.words(), r.meaning(), confidence(r.confidence(), scale, notes), r.mode(),
                    r.grammar());
            (r.unmatched() ? heard : matches).add(h);
        }
        if (matches.isEmpty() && !noInput) {
            noMatch = true;
        }
        return new Parsed(List.copyOf(matches), List.copyOf(heard), noInput, noMatch, List.copyOf(notes));
    }

    private record Raw(String words, String meaning, String confidence, Mode mode, String grammar, boolean unmatched) {
    }

    /** 100 when the document's confidences are on MRCPv1's 0 to 100 scale, else 1. */
    private static double scale(List<Raw> raws, int mrcpVersion, List<String> notes) {
        if (mrcpVersion == 1) {
            return 100.0;
        }
        for (Raw r : raws) {
            Double v = number(r.confidence());
            if (v != null && v > 1.0) {
                notes.add("confidence " + r.confidence() + " is above 1: read on the 0 to 100 scale of MRCPv1");
                return 100.0;
            }
        }
        return 1.0;
    }

    private static double confidence(String raw, double scale, List<String> notes) {
        if (raw == null) {
            return 1.0; // NLSML's default: a result given without a confidence is certain
        }
        Double v = number(raw);
        if (v == null) {
            notes.add("confidence '" + shorten(raw) + "' is not a number: read as 0");
            return 0.0;
        }
        double c = v / scale;
        if (c < 0) {
            notes.add("confidence " + raw + " is negative: read as 0");
            return 0.0;
        }
        if (c > 1.0) {
            notes.add("confidence " + raw + " is above the scale's top: read as 1");
            return 1.0;
        }
        return c;
    }

    /** A plain decimal number (no hex, no type suffix, no Infinity or NaN); null for anything else. */
    private static Double number(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip();
        if (s.endsWith("%")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        if (s.length() > 32 || !DECIMAL.matcher(s).matches()) {
            return null;
        }
        return Double.parseDouble(s);
    }

    private static Mode mode(Element input, Element interpretation) {
        String mode = input == null ? null : attribute(input, "mode");
        if (mode == null) {
            mode = attribute(interpretation, "mode");
        }
        return mode != null && mode.strip().toLowerCase(Locale.ROOT).startsWith("dtmf") ? Mode.DTMF : Mode.SPEECH;
    }

    /**
     * The meaning: the instance's text; with structured content (several elements), {@code name=value} pairs in
     * order, so nothing the grammar returned is lost.
     */
    private static String instance(Element instance) {
        if (instance == null) {
            return null;
        }
        List<Element> elements = new ArrayList<>();
        NodeList nodes = instance.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e) {
                elements.add(e);
            }
        }
        if (elements.size() <= 1) {
            return collapse(instance.getTextContent());
        }
        StringBuilder out = new StringBuilder();
        for (Element e : elements) {
            if (!out.isEmpty()) {
                out.append("; ");
            }
            out.append(localName(e)).append('=').append(collapse(e.getTextContent()));
        }
        return out.toString();
    }

    private static String collapse(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
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
        return (colon >= 0 ? name.substring(colon + 1) : name).toLowerCase(Locale.ROOT);
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    /** Turns every parse problem into an exception (caught above) and prints nothing to stderr. */
    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };
}
