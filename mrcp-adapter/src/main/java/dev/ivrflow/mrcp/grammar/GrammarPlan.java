package dev.ivrflow.mrcp.grammar;

import dev.ivrflow.flow.port.SpeechRequest;
import dev.ivrflow.flow.port.SpeechRequest.GrammarSpec;
import dev.ivrflow.flow.port.SpeechRequest.Phrase;
import dev.ivrflow.mrcp.command.FsSyntax;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The grammar of one recognition, as mod_unimrcp takes it after {@code {params}}. mod_unimrcp reads it as:
 * <ul>
 *   <li>a URI when it starts with {@code builtin:}, {@code http://}, {@code file://} or {@code session:}; the
 *       whole text is sent as a {@code text/uri-list}, so several URIs, one per line, are recognised together;</li>
 *   <li>an inline grammar when it starts with {@code inline:} (SRGS XML after it), sent with DEFINE-GRAMMAR;</li>
 *   <li>anything else is a file name under FreeSWITCH's grammar directory ({@code <name>.gram}).</li>
 * </ul>
 * and it takes an inline grammar only alone: "Grammar ... can only be used alone (not a URI list)". Hence:
 * <ul>
 *   <li>builtins and URIs go together as one URI list; when keys are allowed and the builtin has a key form
 *       ({@code builtin:dtmf/digits}), that joins the list, so the recogniser itself answers keys;</li>
 *   <li>phrases become one inline SRGS voice grammar, which also takes each option's digits spoken; keys pressed
 *       during it reach the recogniser (FreeSWITCH feeds DTMF to it) but are read by the channel from the switch's
 *       DTMF events, since no DTMF grammar can join an inline one;</li>
 *   <li>keys alone become an inline SRGS DTMF grammar;</li>
 *   <li>nothing at all is free transcription.</li>
 * </ul>
 * mod_unimrcp does not take {@code https://} (it would look for a file of that name), so such a URI is refused
 * with a reason rather than failing at the switch.
 *
 * @param text               the grammar as it follows the parameters
 * @param description        a short description for logs and the journal
 * @param keysFromRecognizer whether a DTMF grammar is active, so keys come back as recognition results
 * @param inBody             whether it must travel in the message body (inline grammars, URI lists)
 */
public record GrammarPlan(String text, String description, boolean keysFromRecognizer, boolean inBody) {
    private static final Pattern URI = Pattern.compile("(http://|file://|session:|builtin:)[^\\s'\"\\\\{}<>]{1,1000}");

    public static GrammarPlan of(SpeechRequest request, BuiltinGrammars builtins) {
        List<String> uris = new ArrayList<>();
        List<Phrase> phrases = new ArrayList<>();
        List<String> names = new ArrayList<>();
        boolean keys = false;
        for (GrammarSpec g : request.grammars()) {
            if (g.builtin() != null) {
                uris.add(builtins.voice(g.builtin()));
                names.add("builtin " + g.builtin());
                if (request.digitsToo()) {
                    var dtmf = builtins.dtmf(g.builtin(), request.maxDigits());
                    if (dtmf.isPresent() && !uris.contains(dtmf.get())) {
                        uris.add(dtmf.get());
                        keys = true;
                    }
                }
            } else if (g.uri() != null) {
                uris.add(uri(g.uri()));
                names.add(g.uri());
            } else if (g.phrases() != null) {
                phrases.addAll(g.phrases());
            }
        }
        if (!uris.isEmpty() && !phrases.isEmpty()) {
            throw new IllegalArgumentException("mod_unimrcp takes an inline grammar only alone: phrases cannot be "
                    + "recognised together with " + String.join(", ", names));
        }
        if (!uris.isEmpty()) {
            if (request.digitsToo() && !keys && !request.dtmf().isEmpty()) {
                String dtmf = builtins.dtmf("digits", request.maxDigits()).orElseThrow();
                uris.add(dtmf);
                keys = true;
            }
            String text = String.join("\r\n", uris);
            return new GrammarPlan(text, String.join(" + ", uris), keys, uris.size() > 1);
        }
        if (!phrases.isEmpty()) {
            String srgs = Srgs.voice(phrases, request.digitsToo() ? request.dtmf() : List.of(), request.language());
            return new GrammarPlan("inline:" + srgs, "inline SRGS of " + phrases.size() + " phrase(s)", false, true);
        }
        if (!request.dtmf().isEmpty()) {
            String srgs = Srgs.dtmf(request.dtmf(), request.language());
            return new GrammarPlan("inline:" + srgs, "inline DTMF SRGS of " + request.dtmf().size() + " key(s)",
                    true, true);
        }
        String transcribe = builtins.voice("transcribe");
        return new GrammarPlan(transcribe, transcribe, false, false);
    }

    private static String uri(String uri) {
        String u = uri == null ? "" : uri.strip();
        FsSyntax.noExpansion("grammar URI", u);
        if (!URI.matcher(u).matches()) {
            throw new IllegalArgumentException("grammar URI '" + (u.length() > 60 ? u.substring(0, 60) + "..." : u)
                    + "' is not one mod_unimrcp passes on: it must start with http://, file://, session: or builtin: "
                    + "and hold no spaces, quotes, backslashes, braces or angle brackets");
        }
        return u;
    }
}
