package dev.ivrflow.esl.channel;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link EslCallChannel} speaks to this FreeSWITCH: names that belong to the switch's configuration rather
 * than to a flow.
 *
 * @param quickAppTimeout   how long {@code set}, {@code sched_hangup}, {@code transfer} and {@code hangup} may take
 *                          to complete before the node fails
 * @param sipProfile        the sofia profile SIP URIs are dialled through ({@code sofia/<profile>/<uri>})
 * @param voicemailProfile  the mod_voicemail profile ({@code voicemail <profile> <domain> <box>})
 * @param voicemailDomain   the domain of a mailbox given without one; expanded by FreeSWITCH ({@code ${domain}})
 * @param beep              what plays before a recording that asks for a beep
 * @param silence           the prompt given to play_and_get_digits when there is nothing to play
 */
public record EslChannelSettings(Duration quickAppTimeout, String sipProfile, String voicemailProfile,
                                 String voicemailDomain, String beep, String silence) {

    public static final EslChannelSettings DEFAULT = new EslChannelSettings(Duration.ofSeconds(10), "external",
            "default", "${domain}", "tone_stream://%(500,0,1000)", "silence_stream://250");

    public EslChannelSettings {
        Objects.requireNonNull(quickAppTimeout, "quickAppTimeout");
        FsArgs.require("sip profile", sipProfile, FsArgs.NAME);
        FsArgs.require("voicemail profile", voicemailProfile, FsArgs.NAME);
        Objects.requireNonNull(voicemailDomain, "voicemailDomain");
        Objects.requireNonNull(beep, "beep");
        Objects.requireNonNull(silence, "silence");
    }

    public EslChannelSettings withQuickAppTimeout(Duration timeout) {
        return new EslChannelSettings(timeout, sipProfile, voicemailProfile, voicemailDomain, beep, silence);
    }
}
