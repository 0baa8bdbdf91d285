package dev.ivrflow.mrcp;

import dev.ivrflow.mrcp.command.FsSyntax;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How speech is asked of FreeSWITCH, beyond the profiles.
 *
 * @param asrEngine             the recognition module ({@code detect:<engine>[:<profile>]}); {@code unimrcp} picks
 *                              a profile per call, any other module is used as it is
 * @param ttsEngine             the synthesis engine for text whose prompt names none; a prompt's engine
 *                              ({@code IVR_TTS_ENGINE}) wins. {@code unimrcp} picks a profile per call;
 *                              {@code unimrcp:<profile>} names one; {@code flite} and other modules go as they are
 * @param tenantVariable        the channel variable that names the call's tenant (set it in the dialplan)
 * @param closeAfterRecognition set {@code play_and_detect_speech_close_asr=true}, so each recognition closes its
 *                              MRCP session when it ends; otherwise the session stays open between recognitions
 *                              and {@code detect_speech stop} closes it before the call moves on to something long
 * @param nBest                 how many hypotheses to ask for ({@code N-Best-List-Length}); 1 asks for none
 * @param ssmlEngines           the engines that take SSML; for the others SSML is spoken as its plain text
 */
public record SpeechSettings(String asrEngine, String ttsEngine, String tenantVariable, boolean closeAfterRecognition,
                             int nBest, List<String> ssmlEngines) {
    public static final String UNIMRCP = "unimrcp";
    private static final Pattern MODULE = Pattern.compile("[A-Za-z0-9_]{1,64}");

    public static final SpeechSettings DEFAULT = new SpeechSettings(UNIMRCP, UNIMRCP, "ivr_tenant", true, 3,
            List.of(UNIMRCP));

    public SpeechSettings {
        asrEngine = FsSyntax.token("ASR engine", asrEngine == null || asrEngine.isBlank() ? UNIMRCP : asrEngine,
                MODULE);
        ttsEngine = FsSyntax.token("TTS engine", ttsEngine == null || ttsEngine.isBlank() ? UNIMRCP : ttsEngine,
                FsSyntax.TOKEN);
        tenantVariable = tenantVariable == null || tenantVariable.isBlank() ? "ivr_tenant" : tenantVariable;
        if (nBest < 1 || nBest > 10) {
            throw new IllegalArgumentException("nBest must be between 1 and 10, was " + nBest);
        }
        ssmlEngines = ssmlEngines == null ? List.of(UNIMRCP)
                : ssmlEngines.stream().map(e -> e.toLowerCase(Locale.ROOT)).toList();
    }

    /** The module part of an engine name ({@code unimrcp} of {@code unimrcp:tts-en}). */
    public static String module(String engine) {
        int colon = engine.indexOf(':');
        return (colon < 0 ? engine : engine.substring(0, colon)).toLowerCase(Locale.ROOT);
    }

    public boolean takesSsml(String engine) {
        return ssmlEngines.contains(module(engine));
    }

    /** The tenant of a call, from its channel variables; null when it has none. */
    public String tenant(Map<String, String> variables) {
        String t = variables == null ? null : variables.get(tenantVariable);
        return t == null || t.isBlank() ? null : t;
    }
}
