package dev.ivrflow.mrcp.command;

import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;

/**
 * SSML as the speech modules see it. mod_unimrcp sends a text as {@code application/ssml+xml} when it starts with
 * {@code <?xml} or {@code <speak} (after blanks), else as {@code text/plain}; a module without SSML (flite) would
 * read the markup aloud, so for it SSML becomes its plain words.
 */
public final class Ssml {
    private Ssml() {
    }

    public static boolean is(String text) {
        if (text == null) {
            return false;
        }
        String t = text.stripLeading();
        return t.startsWith("<?xml") || t.startsWith("<speak");
    }

    /** The words of an SSML document, blanks collapsed; markup that does not parse is removed by its angle brackets. */
    public static String plainText(String ssml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            var builder = f.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler());
            Document doc = builder.parse(new InputSource(new StringReader(ssml.strip())));
            return collapse(doc.getDocumentElement().getTextContent());
        } catch (Exception e) {
            return collapse(ssml.replaceAll("<[^>]*>", " "));
        }
    }

    private static String collapse(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s+", " ");
    }
}
