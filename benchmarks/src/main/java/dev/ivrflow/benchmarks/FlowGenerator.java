package dev.ivrflow.benchmarks;

import dev.ivrflow.flow.calendar.CalendarSpec;
import dev.ivrflow.flow.calendar.HolidayRegion;
import dev.ivrflow.flow.json.FlowWriter;
import dev.ivrflow.flow.model.Flow;
import dev.ivrflow.flow.model.Node;
import dev.ivrflow.flow.model.NodeSettings;
import dev.ivrflow.flow.model.NodeType;
import dev.ivrflow.flow.model.Position;
import dev.ivrflow.flow.model.Prompt;
import dev.ivrflow.flow.model.PromptVariant;
import dev.ivrflow.flow.model.VariableDecl;
import dev.ivrflow.flow.model.VariableType;
import dev.ivrflow.flow.nodes.calendar.CalendarSettings;
import dev.ivrflow.flow.nodes.condition.ConditionCase;
import dev.ivrflow.flow.nodes.condition.ConditionSettings;
import dev.ivrflow.flow.nodes.hangup.HangupSettings;
import dev.ivrflow.flow.nodes.http.HttpSettings;
import dev.ivrflow.flow.nodes.loop.LoopSettings;
import dev.ivrflow.flow.nodes.menu.MenuOption;
import dev.ivrflow.flow.nodes.menu.MenuSettings;
import dev.ivrflow.flow.nodes.play.PlaySettings;
import dev.ivrflow.flow.nodes.queue.QueueSettings;
import dev.ivrflow.flow.nodes.say.SaySettings;
import dev.ivrflow.flow.nodes.set.Assignment;
import dev.ivrflow.flow.nodes.set.SetSettings;
import dev.ivrflow.flow.nodes.transfer.TransferSettings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds valid flows of any size for the benchmarks, deterministically (the same size gives the same bytes).
 *
 * <p>{@link #generate} chains departments of {@value #SECTION_SIZE} nodes, each what a real front desk does:
 * opening hours, a greeting, a visit counter, a CRM lookup, a VIP condition, a menu with a reprompt loop bounded
 * by a loop node, queues, transfers and hang-ups. A menu option leads on to the next department, so every node is
 * reachable; the only loops go through a menu (which waits for the caller) and end by its failure exit. Every
 * expression text differs (it names its department), so nothing is compiled once and shared by accident.
 */
public final class FlowGenerator {
    public static final int SECTION_SIZE = 20;
    /** The fallback transfer, its hang-up, and the final hang-up. */
    private static final int FIXED_NODES = 3;
    private static final String EN = "en-US";
    private static final String FR = "fr-FR";

    private final List<Node> nodes = new ArrayList<>();
    private final Map<String, Position> layout = new LinkedHashMap<>();
    private int column;
    private int row;

    private FlowGenerator() {
    }

    /** A valid flow of exactly {@code nodeCount} nodes (at least {@value #FIXED_NODES}). */
    public static Flow generate(int nodeCount) {
        if (nodeCount < FIXED_NODES) throw new IllegalArgumentException("at least " + FIXED_NODES + " nodes");
        return new FlowGenerator().build(nodeCount);
    }

    public static byte[] json(Flow flow) {
        return new FlowWriter().write(flow);
    }

    private Flow build(int nodeCount) {
        int sections = (nodeCount - FIXED_NODES) / SECTION_SIZE;
        int padding = nodeCount - FIXED_NODES - sections * SECTION_SIZE;
        String tail = padding > 0 ? "pad_0" : "end";
        for (int k = 0; k < sections; k++) section(k, k + 1 < sections ? "s" + (k + 1) + "_hours" : tail);
        row++;
        column = 0;
        for (int i = 0; i < padding; i++) {
            String next = i + 1 < padding ? "pad_" + (i + 1) : "end";
            if (i % 2 == 0) node("pad_" + i, say("Thank you for calling, " + i + ".", "Merci de votre appel, " + i + "."), "next", next);
            else node("pad_" + i, set("section", "\"pad-" + i + "\""), "next", next);
        }
        node("end", new HangupSettings(null));
        node("fallbackOperator", new TransferSettings(null, "number", "+33100000000", "carrier", null, 30, null, null),
                "answered", "fallbackBye", "failed", "fallbackBye");
        node("fallbackBye", new HangupSettings("unavailable"));

        Map<String, VariableDecl> variables = new LinkedHashMap<>();
        variables.put("visits", new VariableDecl(VariableType.INT, null, "calls seen in this flow"));
        variables.put("tier", new VariableDecl(VariableType.STRING, "standard", "customer tier from the CRM"));
        variables.put("section", new VariableDecl(VariableType.STRING, null, "the department last entered"));
        variables.put("repeats", new VariableDecl(VariableType.INT, null, "times the menu was repeated"));
        String start = sections > 0 ? "s0_hours" : tail;
        return new Flow(Flow.SCHEMA, "generated-" + nodeCount, "Generated flow of " + nodeCount + " nodes",
                "A benchmark flow: departments with hours, CRM lookups, menus and queues.", EN, List.of(EN, FR),
                start, "fallbackOperator", variables, nodes, layout);
    }

    /** One department; its menu's "more" option leads on to {@code onward}, the next department or the tail. */
    private void section(int k, String onward) {
        String p = "s" + k + "_";
        row++;
        column = 0;
        Map<String, List<String>> week = new LinkedHashMap<>();
        for (String day : List.of("mon", "tue", "wed", "thu", "fri")) week.put(day, List.of(String.format("%02d:00-18:00", 7 + k % 3)));
        if (k % 4 == 0) week.put("sat", List.of("09:00-12:30"));
        node(p + "hours", new CalendarSettings(new CalendarSpec(k % 2 == 0 ? "Europe/Paris" : "America/New_York", week,
                null, k % 3 == 0 ? HolidayRegion.of(k % 2 == 0 ? "FR" : "US") : null, null), null),
                "open", p + "welcome", "closed", p + "closedMsg");
        node(p + "closedMsg", say("Department " + k + " is closed. Please call back, {{call.callerNumber}}.",
                "Le service " + k + " est fermé. Rappelez-nous, {{call.callerNumber}}."), "next", p + "closedBye");
        node(p + "closedBye", new HangupSettings(null));
        node(p + "welcome", say("Welcome to department " + k + ". This is visit {{visits + 1}}.",
                "Bienvenue au service " + k + ". Visite {{visits + 1}}."), "next", p + "count");
        node(p + "count", new SetSettings(List.of(new Assignment("visits", "visits + 1"),
                new Assignment("section", "\"department-" + k + "\""))), "next", p + "crm");
        node(p + "crm", new HttpSettings("GET", "https://crm.example.com/customers/{{call.callerNumber}}?dept=" + k,
                Map.of("Accept", "application/json"), null, 2000, Map.of("tier", "/customer/tier")),
                "ok", p + "vip", "error", p + "menu");
        node(p + "vip", new ConditionSettings(List.of(
                new ConditionCase("gold", "tier == \"gold\" && visits < " + (3 + k % 7)),
                new ConditionCase("french", "call.callerNumber.startsWith(\"+33\") || nodes." + p + "crm.status == " + (500 + k % 50)))),
                "gold", p + "goldSay", "french", p + "lang", "else", p + "menu");
        node(p + "goldSay", say("As a {{tier}} customer of department " + k + ", you skip the queue.",
                "Client {{tier}} du service " + k + ", vous passez en priorité."), "next", p + "priority");
        node(p + "priority", new TransferSettings(null, "sip", "sip:vip-" + k + "@desk.example.com", null, null, 25,
                null, "VIP {{call.callerNumber}}"), "answered", p + "bye", "failed", p + "menu");
        node(p + "lang", set("call.language", "\"fr-FR\""), "next", p + "menu");
        node(p + "menu", menu(k), "sales", p + "salesPlay", "support", p + "supportQueue", "repeat", p + "repeatLoop",
                "more", p + "onward", "invalid", p + "sorry", "failure", p + "operator");
        node(p + "sorry", say("Sorry, that is not a choice in department " + k + ".", "Ce choix n'existe pas."),
                "next", p + "menu");
        node(p + "repeatLoop", new LoopSettings(2, "repeats"), "body", p + "repeatSay", "done", p + "operator");
        node(p + "repeatSay", say("Here are the choices again ({{repeats}}).", "Voici de nouveau les choix ({{repeats}})."),
                "next", p + "menu");
        node(p + "salesPlay", new PlaySettings(new Prompt(Map.of(EN, PromptVariant.file("prompts/sales-" + k + ".wav"),
                FR, PromptVariant.file("prompts/fr/sales-" + k + ".wav"))), true), "next", p + "salesQueue");
        node(p + "salesQueue", new QueueSettings("sales", 600, null, null, null, false, null),
                "answered", p + "bye", "timeout", p + "operator");
        node(p + "supportQueue", new QueueSettings("support", 900, null, null, null, k % 2 == 0, k % 2 == 0 ? "1" : null),
                k % 2 == 0 ? new String[]{"answered", p + "bye", "timeout", p + "operator", "callback", p + "bye"}
                        : new String[]{"answered", p + "bye", "timeout", p + "operator"});
        node(p + "operator", new TransferSettings(null, "number", "+3312345" + String.format("%04d", k), "carrier", null,
                30, null, null), "answered", p + "bye", "failed", p + "bye");
        node(p + "bye", new HangupSettings(null));
        node(p + "onward", set("section", "\"leaving-" + k + "\""), "next", onward);
    }

    /** Even departments take keys only (so a call waits in collectDigits); odd ones also take speech. */
    private static MenuSettings menu(int k) {
        boolean speech = k % 2 == 1;
        List<MenuOption> options = List.of(
                new MenuOption("sales", "1", speech ? List.of("sales", "buy") : null, "Sales"),
                new MenuOption("support", "2", speech ? List.of("support", "help") : null, "Support"),
                new MenuOption("repeat", "0", speech ? List.of("repeat") : null, "Repeat"),
                new MenuOption("more", "9", speech ? List.of("other departments") : null, "Other departments"));
        return new MenuSettings(both("Department " + k + ": for sales press 1, support 2, repeat 0, other departments 9.",
                "Service " + k + " : ventes 1, support 2, répéter 0, autres services 9."), options, 5.0, 2.0, 3,
                both("That is not a choice.", "Ce choix n'existe pas."), null, true, null, null);
    }

    /**
     * A flow whose single call takes {@code iterations * (bodyLength + 2) + 2} node steps: a loop node runs a body of
     * set, condition and say nodes, then a menu where the caller presses 1 to go round again (the menu is what makes
     * the loop valid: a loop in which nothing waits for the caller is rejected). With {@code readNodeResults} the
     * expressions read {@code nodes.<id>} instead of flow variables.
     */
    public static Flow loopFlow(int iterations, int bodyLength, boolean readNodeResults) {
        FlowGenerator g = new FlowGenerator();
        g.node("loop", new LoopSettings(iterations, "round"), "body", bodyLength > 0 ? "b0" : "again", "done", "bye");
        String round = readNodeResults ? "nodes.loop.iteration" : "round";
        for (int j = 0; j < bodyLength; j++) {
            String next = j + 1 < bodyLength ? "b" + (j + 1) : "again";
            NodeSettings settings = switch (j % 3) {
                case 0 -> set("total", "total + " + round + " * " + (j + 1));
                case 1 -> new ConditionSettings(List.of(new ConditionCase("even", round + " % 2 == " + (j % 2))));
                default -> say("Round {{" + round + "}}, step " + j + ", total {{total}}.",
                        "Tour {{" + round + "}}, étape " + j + ", total {{total}}.");
            };
            if (j % 3 == 1) g.node("b" + j, settings, "even", next, "else", next);
            else g.node("b" + j, settings, "next", next);
        }
        g.node("again", new MenuSettings(both("Press 1 to go on.", "Tapez 1 pour continuer."),
                List.of(new MenuOption("go", "1", null, null)), 5.0, 2.0, 1, null, null, false, null, null),
                "go", "loop", "failure", "bye");
        g.node("bye", new HangupSettings(null));
        Map<String, VariableDecl> variables = Map.of(
                "total", new VariableDecl(VariableType.INT, null, null),
                "round", new VariableDecl(VariableType.INT, null, null));
        return new Flow(Flow.SCHEMA, "loop", "Loop", null, EN, List.of(EN, FR), "loop", "bye", variables, g.nodes, g.layout);
    }

    private void node(String id, NodeSettings settings, String... exits) {
        Map<String, String> wired = new LinkedHashMap<>();
        for (int i = 0; i < exits.length; i += 2) wired.put(exits[i], exits[i + 1]);
        nodes.add(new Node(id, typeOf(settings), null, settings, wired));
        layout.put(id, new Position(column++ * 240, row * 180));
    }

    private static NodeType typeOf(NodeSettings settings) {
        return switch (settings) {
            case CalendarSettings c -> NodeType.CALENDAR;
            case SaySettings s -> NodeType.SAY;
            case HangupSettings h -> NodeType.HANGUP;
            case SetSettings s -> NodeType.SET;
            case HttpSettings h -> NodeType.HTTP;
            case ConditionSettings c -> NodeType.CONDITION;
            case TransferSettings t -> NodeType.TRANSFER;
            case MenuSettings m -> NodeType.MENU;
            case LoopSettings l -> NodeType.LOOP;
            case PlaySettings p -> NodeType.PLAY;
            case QueueSettings q -> NodeType.QUEUE;
            default -> throw new IllegalArgumentException("no type for " + settings);
        };
    }

    private static SetSettings set(String variable, String value) {
        return new SetSettings(List.of(new Assignment(variable, value)));
    }

    private static SaySettings say(String english, String french) {
        return new SaySettings(Map.of(EN, english, FR, french), null, null);
    }

    private static Prompt both(String english, String french) {
        return new Prompt(Map.of(EN, PromptVariant.tts(english), FR, PromptVariant.tts(french)));
    }
}
