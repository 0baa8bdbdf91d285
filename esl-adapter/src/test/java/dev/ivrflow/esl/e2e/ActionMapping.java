package dev.ivrflow.esl.e2e;

import dev.ivrflow.esl.channel.EslChannelSettings;
import dev.ivrflow.esl.fssim.FsArgSplitter;
import dev.ivrflow.esl.fssim.FsExecution;
import dev.ivrflow.flow.sim.SimAction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One vocabulary for what a call did, so the in-memory simulator's channel actions and the applications the
 * simulated FreeSWITCH ran can be compared: {@code play}, {@code collectDigits}, {@code queue:sales},
 * {@code bridge:user:reception}, {@code hangup:NORMAL_CLEARING}... Applications the channel runs for itself (answer,
 * {@code set} of its own variables, {@code multiunset}, the beep before a recording, the prompt played before a
 * play_and_get_digits or a recognition without barge-in, the rest of the digits read after a key stopped a
 * recognition, {@code detect_speech stop} releasing a recogniser) are not actions of the
 * flow and are left out; so are HTTP requests (compared apart) and the in-memory caller's hang-up marker.
 */
final class ActionMapping {
    private static final Set<String> CHANNEL_OWN_VARIABLES = Set.of("playback_terminators", "tts_engine", "tts_voice",
            "continue_on_fail", "hangup_after_bridge", "cc_exit_keys", "skip_greeting", "fire_asr_events",
            "play_and_detect_speech_close_asr");

    private ActionMapping() {
    }

    static List<String> fromInMemory(List<SimAction> actions) {
        List<String> out = new ArrayList<>();
        for (SimAction a : actions) {
            Map<String, Object> d = a.detail();
            switch (a.action()) {
                case "http", "callerHangup" -> {
                }
                case "play" -> {
                    if (!(d.get("audio") instanceof List<?> audio) || !audio.isEmpty()) {
                        out.add("play");
                    }
                }
                case "bridge" -> out.add("bridge:" + d.get("kind") + ":" + stripSip(String.valueOf(d.get("destination"))));
                case "blindTransfer" -> out.add("blindTransfer:" + d.get("extension") + "@" + d.get("context"));
                case "queue" -> out.add("queue:" + d.get("queue"));
                case "voicemail" -> out.add("voicemail:" + d.get("mailbox"));
                case "conference" -> out.add("conference:" + d.get("room") + "@" + d.get("profile"));
                case "setVariable" -> out.add("setVariable:" + d.get("name") + "=" + d.get("value"));
                case "scheduleHangup" -> out.add("scheduleHangup:" + d.get("seconds"));
                case "hangup" -> out.add("hangup:" + d.get("cause"));
                default -> out.add(a.action());
            }
        }
        return out;
    }

    static List<String> fromSwitch(List<FsExecution> executions) {
        List<String> out = new ArrayList<>();
        String beep = EslChannelSettings.DEFAULT.beep();
        for (int i = 0; i < executions.size(); i++) {
            FsExecution e = executions.get(i);
            String arg = e.arg() == null ? "" : e.arg();
            String next = i + 1 < executions.size() ? executions.get(i + 1).app() : "";
            switch (e.app()) {
                case "answer", "multiunset", "unset", "detect_speech" -> {
                }
                case "set" -> {
                    String name = arg.substring(0, Math.max(0, arg.indexOf('=')));
                    if (!CHANNEL_OWN_VARIABLES.contains(name)) {
                        out.add("setVariable:" + arg);
                    }
                }
                case "speak" -> out.add("play");
                case "playback" -> {
                    boolean beforeRecord = next.equals("record") && arg.equals(beep);
                    boolean promptOfDigits = next.equals("play_and_get_digits")
                            && promptOf(executions.get(i + 1)).startsWith("silence_stream://");
                    boolean promptOfSpeech = next.equals("play_and_detect_speech")
                            && executions.get(i + 1).arg().startsWith("silence_stream://");
                    if (!beforeRecord && !promptOfDigits && !promptOfSpeech) {
                        out.add("play");
                    }
                }
                case "play_and_get_digits" -> {
                    List<String> a = FsArgSplitter.split(arg, ' ', 11);
                    boolean keysAfterSpeech = a.size() > 7 && a.get(7).startsWith("ivrflow_more_digits_");
                    if (!keysAfterSpeech) {
                        out.add("collectDigits");
                    }
                }
                case "play_and_detect_speech" -> out.add("detectSpeech");
                case "bridge" -> out.add("bridge:" + dialed(arg));
                case "transfer" -> {
                    List<String> p = FsArgSplitter.split(arg, ' ', 3);
                    out.add("blindTransfer:" + p.get(0) + "@" + p.get(2));
                }
                case "callcenter" -> out.add("queue:" + arg);
                case "voicemail" -> {
                    List<String> p = FsArgSplitter.split(arg, ' ', 3);
                    String domain = p.get(1);
                    out.add("voicemail:" + p.get(2) + (domain.startsWith("${") ? "" : "@" + domain));
                }
                case "conference" -> {
                    int plus = arg.indexOf('+');
                    out.add("conference:" + (plus < 0 ? arg : arg.substring(0, plus)));
                }
                case "sched_hangup" -> out.add("scheduleHangup:" + FsArgSplitter.split(arg, ' ', 2).getFirst().replace("+", ""));
                case "hangup" -> out.add("hangup:" + arg);
                default -> out.add(e.app());
            }
        }
        return out;
    }

    private static String promptOf(FsExecution pagd) {
        List<String> a = FsArgSplitter.split(pagd.arg(), ' ', 11);
        return a.size() > 5 ? a.get(5) : "";
    }

    /** {@code {vars}endpoint} back to kind and destination as the flow named them. */
    private static String dialed(String dial) {
        String endpoint = dial.substring(dial.indexOf('}') + 1);
        if (endpoint.startsWith("user/")) {
            return "user:" + endpoint.substring(5);
        }
        if (endpoint.startsWith("sofia/gateway/")) {
            return "number:" + endpoint.substring(endpoint.lastIndexOf('/') + 1);
        }
        if (endpoint.startsWith("loopback/")) {
            return "number:" + endpoint.substring(9);
        }
        String uri = endpoint.substring(endpoint.indexOf('/', "sofia/".length()) + 1);
        return "sip:" + uri;
    }

    private static String stripSip(String destination) {
        return destination.regionMatches(true, 0, "sip:", 0, 4) ? destination.substring(4) : destination;
    }
}
