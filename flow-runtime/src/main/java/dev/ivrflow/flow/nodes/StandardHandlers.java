package dev.ivrflow.flow.nodes;

import dev.ivrflow.flow.calendar.CalendarEvaluator;
import dev.ivrflow.flow.model.NodeType;
import dev.ivrflow.flow.nodes.ask.AskHandler;
import dev.ivrflow.flow.nodes.calendar.CalendarHandler;
import dev.ivrflow.flow.nodes.callername.CallerNameHandler;
import dev.ivrflow.flow.nodes.condition.ConditionHandler;
import dev.ivrflow.flow.nodes.conference.ConferenceHandler;
import dev.ivrflow.flow.nodes.echo.EchoHandler;
import dev.ivrflow.flow.nodes.gotonode.GotoHandler;
import dev.ivrflow.flow.nodes.hangup.HangupHandler;
import dev.ivrflow.flow.nodes.http.HttpHandler;
import dev.ivrflow.flow.nodes.input.InputHandler;
import dev.ivrflow.flow.nodes.intent.IntentHandler;
import dev.ivrflow.flow.nodes.loop.LoopHandler;
import dev.ivrflow.flow.nodes.maxduration.MaxDurationHandler;
import dev.ivrflow.flow.nodes.menu.MenuHandler;
import dev.ivrflow.flow.nodes.play.PlayHandler;
import dev.ivrflow.flow.nodes.queue.QueueHandler;
import dev.ivrflow.flow.nodes.record.RecordHandler;
import dev.ivrflow.flow.nodes.say.SayHandler;
import dev.ivrflow.flow.nodes.set.SetHandler;
import dev.ivrflow.flow.nodes.subflow.SubflowHandler;
import dev.ivrflow.flow.nodes.transfer.TransferHandler;
import dev.ivrflow.flow.nodes.voicemail.VoicemailHandler;
import dev.ivrflow.flow.nodes.wait.WaitHandler;
import dev.ivrflow.flow.runtime.NodeHandlers;

/** The handler of every node type, each built with its collaborators. */
public final class StandardHandlers {
    private StandardHandlers() {
    }

    public static NodeHandlers create() {
        return create(new CalendarEvaluator());
    }

    public static NodeHandlers create(CalendarEvaluator calendars) {
        return NodeHandlers.builder()
                .register(NodeType.PLAY, new PlayHandler())
                .register(NodeType.SAY, new SayHandler())
                .register(NodeType.MENU, new MenuHandler())
                .register(NodeType.INPUT, new InputHandler())
                .register(NodeType.ASK, new AskHandler())
                .register(NodeType.INTENT, new IntentHandler())
                .register(NodeType.CONDITION, new ConditionHandler())
                .register(NodeType.SET, new SetHandler())
                .register(NodeType.LOOP, new LoopHandler())
                .register(NodeType.GOTO, new GotoHandler())
                .register(NodeType.SUBFLOW, new SubflowHandler())
                .register(NodeType.HTTP, new HttpHandler())
                .register(NodeType.WAIT, new WaitHandler())
                .register(NodeType.CALENDAR, new CalendarHandler(calendars))
                .register(NodeType.TRANSFER, new TransferHandler())
                .register(NodeType.QUEUE, new QueueHandler())
                .register(NodeType.VOICEMAIL, new VoicemailHandler())
                .register(NodeType.RECORD, new RecordHandler())
                .register(NodeType.CONFERENCE, new ConferenceHandler())
                .register(NodeType.HANGUP, new HangupHandler())
                .register(NodeType.CALLER_NAME, new CallerNameHandler())
                .register(NodeType.MAX_DURATION, new MaxDurationHandler())
                .register(NodeType.ECHO, new EchoHandler())
                .build();
    }
}
