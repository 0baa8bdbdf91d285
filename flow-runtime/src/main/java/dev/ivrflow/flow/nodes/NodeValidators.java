package dev.ivrflow.flow.nodes;

import dev.ivrflow.flow.model.NodeSettings;
import dev.ivrflow.flow.model.NodeType;
import dev.ivrflow.flow.nodes.ask.AskValidator;
import dev.ivrflow.flow.nodes.calendar.CalendarValidator;
import dev.ivrflow.flow.nodes.callername.CallerNameValidator;
import dev.ivrflow.flow.nodes.condition.ConditionValidator;
import dev.ivrflow.flow.nodes.conference.ConferenceValidator;
import dev.ivrflow.flow.nodes.echo.EchoValidator;
import dev.ivrflow.flow.nodes.gotonode.GotoValidator;
import dev.ivrflow.flow.nodes.hangup.HangupValidator;
import dev.ivrflow.flow.nodes.http.HttpValidator;
import dev.ivrflow.flow.nodes.input.InputValidator;
import dev.ivrflow.flow.nodes.intent.IntentValidator;
import dev.ivrflow.flow.nodes.loop.LoopValidator;
import dev.ivrflow.flow.nodes.maxduration.MaxDurationValidator;
import dev.ivrflow.flow.nodes.menu.MenuValidator;
import dev.ivrflow.flow.nodes.play.PlayValidator;
import dev.ivrflow.flow.nodes.queue.QueueValidator;
import dev.ivrflow.flow.nodes.record.RecordValidator;
import dev.ivrflow.flow.nodes.say.SayValidator;
import dev.ivrflow.flow.nodes.set.SetValidator;
import dev.ivrflow.flow.nodes.subflow.SubflowValidator;
import dev.ivrflow.flow.nodes.transfer.TransferValidator;
import dev.ivrflow.flow.nodes.voicemail.VoicemailValidator;
import dev.ivrflow.flow.nodes.wait.WaitValidator;
import dev.ivrflow.flow.validate.NodeValidator;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/** The validator of each node type, registered by type. {@link #standard()} builds the set for every type. */
public final class NodeValidators {
    private final Map<NodeType, NodeValidator<?>> validators;

    private NodeValidators(Map<NodeType, NodeValidator<?>> validators) {
        this.validators = new EnumMap<>(validators);
    }

    public static NodeValidators standard() {
        return standard(new dev.ivrflow.flow.calendar.CalendarValidator());
    }

    public static NodeValidators standard(dev.ivrflow.flow.calendar.CalendarValidator calendars) {
        return builder()
                .register(NodeType.PLAY, new PlayValidator())
                .register(NodeType.SAY, new SayValidator())
                .register(NodeType.MENU, new MenuValidator())
                .register(NodeType.INPUT, new InputValidator())
                .register(NodeType.ASK, new AskValidator())
                .register(NodeType.INTENT, new IntentValidator())
                .register(NodeType.CONDITION, new ConditionValidator())
                .register(NodeType.SET, new SetValidator())
                .register(NodeType.LOOP, new LoopValidator())
                .register(NodeType.GOTO, new GotoValidator())
                .register(NodeType.SUBFLOW, new SubflowValidator())
                .register(NodeType.HTTP, new HttpValidator())
                .register(NodeType.WAIT, new WaitValidator())
                .register(NodeType.CALENDAR, new CalendarValidator(calendars))
                .register(NodeType.TRANSFER, new TransferValidator())
                .register(NodeType.QUEUE, new QueueValidator())
                .register(NodeType.VOICEMAIL, new VoicemailValidator())
                .register(NodeType.RECORD, new RecordValidator())
                .register(NodeType.CONFERENCE, new ConferenceValidator())
                .register(NodeType.HANGUP, new HangupValidator())
                .register(NodeType.CALLER_NAME, new CallerNameValidator())
                .register(NodeType.MAX_DURATION, new MaxDurationValidator())
                .register(NodeType.ECHO, new EchoValidator())
                .build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @SuppressWarnings("unchecked")
    public <S extends NodeSettings> NodeValidator<S> get(NodeType type) {
        NodeValidator<?> v = validators.get(type);
        if (v == null) throw new IllegalStateException("no validator for node type " + type.json());
        return (NodeValidator<S>) v;
    }

    public Set<NodeType> types() {
        return validators.keySet();
    }

    public static final class Builder {
        private final Map<NodeType, NodeValidator<?>> validators = new EnumMap<>(NodeType.class);

        public Builder register(NodeType type, NodeValidator<?> validator) {
            if (validators.putIfAbsent(type, validator) != null) {
                throw new IllegalStateException("two validators for node type " + type.json());
            }
            return this;
        }

        public NodeValidators build() {
            return new NodeValidators(validators);
        }
    }
}
