package dev.ivrflow.flow.nodes;

import dev.ivrflow.flow.model.NodeSettings;
import dev.ivrflow.flow.model.NodeType;
import dev.ivrflow.flow.nodes.ask.AskSettings;
import dev.ivrflow.flow.nodes.calendar.CalendarSettings;
import dev.ivrflow.flow.nodes.callername.CallerNameSettings;
import dev.ivrflow.flow.nodes.condition.ConditionSettings;
import dev.ivrflow.flow.nodes.conference.ConferenceSettings;
import dev.ivrflow.flow.nodes.echo.EchoSettings;
import dev.ivrflow.flow.nodes.gotonode.GotoSettings;
import dev.ivrflow.flow.nodes.hangup.HangupSettings;
import dev.ivrflow.flow.nodes.http.HttpSettings;
import dev.ivrflow.flow.nodes.input.InputSettings;
import dev.ivrflow.flow.nodes.intent.IntentSettings;
import dev.ivrflow.flow.nodes.loop.LoopSettings;
import dev.ivrflow.flow.nodes.maxduration.MaxDurationSettings;
import dev.ivrflow.flow.nodes.menu.MenuSettings;
import dev.ivrflow.flow.nodes.play.PlaySettings;
import dev.ivrflow.flow.nodes.queue.QueueSettings;
import dev.ivrflow.flow.nodes.record.RecordSettings;
import dev.ivrflow.flow.nodes.say.SaySettings;
import dev.ivrflow.flow.nodes.set.SetSettings;
import dev.ivrflow.flow.nodes.subflow.SubflowSettings;
import dev.ivrflow.flow.nodes.transfer.TransferSettings;
import dev.ivrflow.flow.nodes.voicemail.VoicemailSettings;
import dev.ivrflow.flow.nodes.wait.WaitSettings;

import java.util.EnumMap;
import java.util.Map;

/**
 * The settings record of every node type, and where its code lives: package
 * {@code dev.ivrflow.flow.nodes.<package>} holds the settings, the handler and the validator, and the resource
 * folder of the same name holds the settings' JSON Schema ({@code <type>.schema.json}).
 */
public final class NodeKinds {
    private static final Map<NodeType, Class<? extends NodeSettings>> SETTINGS = new EnumMap<>(NodeType.class);

    static {
        SETTINGS.put(NodeType.PLAY, PlaySettings.class);
        SETTINGS.put(NodeType.SAY, SaySettings.class);
        SETTINGS.put(NodeType.MENU, MenuSettings.class);
        SETTINGS.put(NodeType.INPUT, InputSettings.class);
        SETTINGS.put(NodeType.ASK, AskSettings.class);
        SETTINGS.put(NodeType.INTENT, IntentSettings.class);
        SETTINGS.put(NodeType.CONDITION, ConditionSettings.class);
        SETTINGS.put(NodeType.SET, SetSettings.class);
        SETTINGS.put(NodeType.LOOP, LoopSettings.class);
        SETTINGS.put(NodeType.GOTO, GotoSettings.class);
        SETTINGS.put(NodeType.SUBFLOW, SubflowSettings.class);
        SETTINGS.put(NodeType.HTTP, HttpSettings.class);
        SETTINGS.put(NodeType.WAIT, WaitSettings.class);
        SETTINGS.put(NodeType.CALENDAR, CalendarSettings.class);
        SETTINGS.put(NodeType.TRANSFER, TransferSettings.class);
        SETTINGS.put(NodeType.QUEUE, QueueSettings.class);
        SETTINGS.put(NodeType.VOICEMAIL, VoicemailSettings.class);
        SETTINGS.put(NodeType.RECORD, RecordSettings.class);
        SETTINGS.put(NodeType.CONFERENCE, ConferenceSettings.class);
        SETTINGS.put(NodeType.HANGUP, HangupSettings.class);
        SETTINGS.put(NodeType.CALLER_NAME, CallerNameSettings.class);
        SETTINGS.put(NodeType.MAX_DURATION, MaxDurationSettings.class);
        SETTINGS.put(NodeType.ECHO, EchoSettings.class);
    }

    private NodeKinds() {
    }

    public static Class<? extends NodeSettings> settingsClass(NodeType type) {
        Class<? extends NodeSettings> c = SETTINGS.get(type);
        if (c == null) throw new IllegalStateException("no settings class for node type " + type.json());
        return c;
    }

    /** The Java package (under {@code dev.ivrflow.flow.nodes}) and resource folder of a node type. */
    public static String packageName(NodeType type) {
        String simple = settingsClass(type).getPackageName();
        return simple.substring(simple.lastIndexOf('.') + 1);
    }

    /** Settings of this type with every field unset: what a node dropped on the canvas starts with. */
    public static NodeSettings emptySettings(NodeType type) {
        Class<? extends NodeSettings> c = settingsClass(type);
        var components = c.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) types[i] = components[i].getType();
        try {
            return c.getDeclaredConstructor(types).newInstance(new Object[components.length]);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build empty settings for " + type.json(), e);
        }
    }

    public static String schemaResource(NodeType type) {
        return "/dev/ivrflow/flow/nodes/" + packageName(type) + "/" + type.json() + ".schema.json";
    }
}
