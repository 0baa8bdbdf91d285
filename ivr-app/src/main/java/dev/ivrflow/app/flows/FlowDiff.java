package dev.ivrflow.app.flows;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ivrflow.flow.model.Pointers;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The semantic difference between two flow documents, for review before a publish and for the designer to
 * highlight nodes on the canvas. Unlike a text diff it knows what a flow is made of:
 * <ul>
 *   <li>flow-level changes (name, start, fallback, languages, variables, ...) as JSON Pointers with the old and
 *       new values;</li>
 *   <li>nodes matched by id, not by position: added, removed, and changed, where a change lists the exits that
 *       were rewired and the settings that changed (pointers relative to the node, e.g.
 *       {@code /settings/options/1/digits});</li>
 *   <li>layout moves apart from the logic, so moving boxes around never looks like a change of behaviour;</li>
 *   <li>reordering the node list (which changes nothing a caller hears) as a flag only.</li>
 * </ul>
 * Lists inside settings are compared by their longest common subsequence, so inserting a menu option at the
 * top reports one added option rather than every option changed.
 *
 * <p>Pure: no I/O, no clock (the annotations only name the shapes in the OpenAPI document). Works on any two JSON
 * objects; meant for canonical flow documents.
 */
public final class FlowDiff {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Above this many cells (old length x new length) a list is compared position by position instead. */
    private static final long LCS_LIMIT = 250_000;

    private FlowDiff() {
    }

    /** What happened at a pointer, like JSON Patch: a value added, removed or replaced. */
    public enum Op {
        @JsonProperty("add") ADD,
        @JsonProperty("remove") REMOVE,
        @JsonProperty("replace") REPLACE
    }

    /**
     * One changed value. {@code pointer} is a place in the newer document for {@code add} and {@code replace}, and
     * in the older one for {@code remove}; {@code old} is absent for an addition and {@code new} for a removal.
     */
    @Schema(name = "FlowDiffChange")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Change(Op op, String pointer,
                         @Schema(description = "the value before (any JSON value); absent for an addition", implementation = Object.class) JsonNode old,
                         @Schema(name = "new", description = "the value after (any JSON value); absent for a removal", implementation = Object.class)
                         @JsonProperty("new") JsonNode newValue) {
    }

    /** A node as it is in one of the documents; {@code pointer} is its place there ({@code /nodes/3}). */
    @Schema(name = "FlowDiffNode")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NodeInfo(String id, String type, String label, String pointer) {
    }

    /** An exit wired differently: {@code old} or {@code new} is absent when the exit was not wired on that side. */
    @Schema(name = "FlowDiffExitChange")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ExitChange(String exit, String old, @JsonProperty("new") String newValue) {
    }

    /**
     * A node present in both documents with different content.
     *
     * @param type        its type in the newer document
     * @param label       its label in the newer document
     * @param fromPointer its place in the older document
     * @param pointer     its place in the newer document
     * @param fields      changes of the node's own fields other than settings and exits ({@code /type},
     *                    {@code /label}), pointers relative to the node
     * @param exits       the exits wired differently
     * @param settings    the settings changes, pointers relative to the node ({@code /settings/maxTries})
     */
    @Schema(name = "FlowDiffNodeChange")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NodeChange(String id, String type, String label, String fromPointer, String pointer,
                             List<Change> fields, List<ExitChange> exits, List<Change> settings) {
    }

    /** Node changes; {@code reordered} when the nodes both documents hold are listed in another order. */
    @Schema(name = "FlowDiffNodes")
    public record Nodes(List<NodeInfo> added, List<NodeInfo> removed, List<NodeChange> changed, boolean reordered) {
    }

    @Schema(name = "FlowDiffPoint")
    public record Point(int x, int y) {
    }

    /** A node whose canvas position changed; {@code from} or {@code to} is absent when it had no position. */
    @Schema(name = "FlowDiffMove")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Move(String id, Point from, Point to) {
    }

    /**
     * @param identical    the documents are the same (for canonical documents: byte for byte)
     * @param logicChanged anything but the layout and the order of the node list changed
     * @param layoutChanged a node present in both documents moved on the canvas
     * @param flow         flow-level changes, pointers into the documents ({@code /start},
     *                     {@code /variables/account/type})
     * @param nodes        node changes
     * @param layout       canvas moves of nodes present in both documents
     */
    @Schema(name = "FlowDiff")
    public record Result(boolean identical, boolean logicChanged, boolean layoutChanged, List<Change> flow,
                         Nodes nodes, List<Move> layout) {
    }

    /** The difference between two JSON texts; throws {@link tools.jackson.core.JacksonException} on bad JSON. */
    public static Result between(String from, String to) {
        return between(JSON.readTree(from), JSON.readTree(to));
    }

    public static Result between(JsonNode from, JsonNode to) {
        if (!from.isObject() || !to.isObject()) throw new IllegalArgumentException("a flow document is a JSON object");
        List<Change> flow = new ArrayList<>();
        diffObject(withoutNodesAndLayout(from), withoutNodesAndLayout(to), "", "", flow);
        Nodes nodes = nodes(from.path("nodes"), to.path("nodes"));
        Set<String> addedOrRemoved = new LinkedHashSet<>();
        nodes.added().forEach(n -> addedOrRemoved.add(n.id()));
        nodes.removed().forEach(n -> addedOrRemoved.add(n.id()));
        List<Move> moves = layout(from.path("layout"), to.path("layout"), addedOrRemoved);
        boolean logic = !flow.isEmpty() || !nodes.added().isEmpty() || !nodes.removed().isEmpty()
                || !nodes.changed().isEmpty();
        return new Result(from.equals(to), logic, !moves.isEmpty(), List.copyOf(flow), nodes, List.copyOf(moves));
    }

    private static JsonNode withoutNodesAndLayout(JsonNode doc) {
        ObjectNode copy = ((ObjectNode) doc).deepCopy();
        copy.remove("nodes");
        copy.remove("layout");
        return copy;
    }

    private record Indexed(int index, JsonNode node) {
    }

    private static Nodes nodes(JsonNode from, JsonNode to) {
        Map<String, Indexed> before = byId(from);
        Map<String, Indexed> after = byId(to);
        List<NodeInfo> added = new ArrayList<>();
        List<NodeInfo> removed = new ArrayList<>();
        List<NodeChange> changed = new ArrayList<>();
        before.forEach((id, b) -> {
            if (!after.containsKey(id)) removed.add(info(id, b));
        });
        after.forEach((id, a) -> {
            Indexed b = before.get(id);
            if (b == null) added.add(info(id, a));
            else if (!b.node().equals(a.node())) changed.add(change(id, b, a));
        });
        List<String> commonBefore = before.keySet().stream().filter(after::containsKey).toList();
        List<String> commonAfter = after.keySet().stream().filter(before::containsKey).toList();
        return new Nodes(List.copyOf(added), List.copyOf(removed), List.copyOf(changed), !commonBefore.equals(commonAfter));
    }

    private static Map<String, Indexed> byId(JsonNode nodes) {
        Map<String, Indexed> out = new LinkedHashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode n = nodes.get(i);
            String id = text(n, "id");
            out.putIfAbsent(id == null ? "#" + i : id, new Indexed(i, n));
        }
        return out;
    }

    private static NodeInfo info(String id, Indexed n) {
        return new NodeInfo(id, text(n.node(), "type"), text(n.node(), "label"), "/nodes/" + n.index());
    }

    private static NodeChange change(String id, Indexed before, Indexed after) {
        JsonNode b = before.node();
        JsonNode a = after.node();
        List<Change> fields = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        b.propertyNames().forEach(names::add);
        a.propertyNames().forEach(names::add);
        for (String name : names) {
            if (name.equals("settings") || name.equals("exits")) continue;
            String p = Pointers.join("", name);
            diffValue(b.get(name), a.get(name), p, p, fields);
        }
        List<ExitChange> exits = new ArrayList<>();
        JsonNode be = b.path("exits");
        JsonNode ae = a.path("exits");
        Set<String> exitNames = new LinkedHashSet<>();
        be.propertyNames().forEach(exitNames::add);
        ae.propertyNames().forEach(exitNames::add);
        for (String exit : exitNames) {
            String old = text(be, exit);
            String now = text(ae, exit);
            if (!Objects.equals(old, now)) exits.add(new ExitChange(exit, old, now));
        }
        List<Change> settings = new ArrayList<>();
        diffValue(b.get("settings"), a.get("settings"), "/settings", "/settings", settings);
        return new NodeChange(id, text(a, "type"), text(a, "label"), "/nodes/" + before.index(),
                "/nodes/" + after.index(), List.copyOf(fields), List.copyOf(exits), List.copyOf(settings));
    }

    private static List<Move> layout(JsonNode from, JsonNode to, Set<String> skip) {
        Set<String> ids = new LinkedHashSet<>();
        to.propertyNames().forEach(ids::add);
        from.propertyNames().forEach(ids::add);
        List<Move> out = new ArrayList<>();
        for (String id : ids) {
            if (skip.contains(id)) continue;
            JsonNode b = absentIfNull(from.get(id));
            JsonNode a = absentIfNull(to.get(id));
            if (!Objects.equals(b, a)) out.add(new Move(id, point(b), point(a)));
        }
        return out;
    }

    private static Point point(JsonNode p) {
        return p == null ? null : new Point(p.path("x").asInt(0), p.path("y").asInt(0));
    }

    // The generic part: values compared structurally, emitting changes with pointers on both sides.

    private static void diffValue(JsonNode before, JsonNode after, String fromPointer, String toPointer, List<Change> out) {
        JsonNode b = absentIfNull(before);
        JsonNode a = absentIfNull(after);
        if (b == null && a == null) return;
        if (b == null) {
            out.add(new Change(Op.ADD, toPointer, null, a));
        } else if (a == null) {
            out.add(new Change(Op.REMOVE, fromPointer, b, null));
        } else if (b.equals(a)) {
            return;
        } else if (b.isObject() && a.isObject()) {
            diffObject(b, a, fromPointer, toPointer, out);
        } else if (b.isArray() && a.isArray()) {
            diffArray(b, a, fromPointer, toPointer, out);
        } else {
            out.add(new Change(Op.REPLACE, toPointer, b, a));
        }
    }

    private static void diffObject(JsonNode before, JsonNode after, String fromPointer, String toPointer, List<Change> out) {
        for (String name : before.propertyNames()) {
            diffValue(before.get(name), after.get(name), Pointers.join(fromPointer, name), Pointers.join(toPointer, name), out);
        }
        for (String name : after.propertyNames()) {
            if (before.get(name) == null) {
                diffValue(null, after.get(name), Pointers.join(fromPointer, name), Pointers.join(toPointer, name), out);
            }
        }
    }

    /**
     * Items kept in order (the longest common subsequence) are unchanged; between two kept items, old and new
     * items are paired by position and compared, and what is left over was removed or added.
     */
    private static void diffArray(JsonNode before, JsonNode after, String fromPointer, String toPointer, List<Change> out) {
        int n = before.size();
        int m = after.size();
        List<int[]> kept = (long) n * m <= LCS_LIMIT ? commonSubsequence(before, after) : List.of();
        int i = 0;
        int j = 0;
        for (int[] k : kept) {
            gap(before, after, i, k[0], j, k[1], fromPointer, toPointer, out);
            i = k[0] + 1;
            j = k[1] + 1;
        }
        gap(before, after, i, n, j, m, fromPointer, toPointer, out);
    }

    private static void gap(JsonNode before, JsonNode after, int i, int iEnd, int j, int jEnd, String fromPointer,
                            String toPointer, List<Change> out) {
        int paired = Math.min(iEnd - i, jEnd - j);
        for (int k = 0; k < paired; k++) {
            diffValue(before.get(i + k), after.get(j + k), fromPointer + "/" + (i + k), toPointer + "/" + (j + k), out);
        }
        for (int k = i + paired; k < iEnd; k++) out.add(new Change(Op.REMOVE, fromPointer + "/" + k, before.get(k), null));
        for (int k = j + paired; k < jEnd; k++) out.add(new Change(Op.ADD, toPointer + "/" + k, null, after.get(k)));
    }

    /** Index pairs of a longest common subsequence, in order. */
    private static List<int[]> commonSubsequence(JsonNode a, JsonNode b) {
        int n = a.size();
        int m = b.size();
        int[][] len = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                len[i][j] = a.get(i).equals(b.get(j)) ? len[i + 1][j + 1] + 1 : Math.max(len[i + 1][j], len[i][j + 1]);
            }
        }
        List<int[]> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (a.get(i).equals(b.get(j))) {
                out.add(new int[]{i, j});
                i++;
                j++;
            } else if (len[i + 1][j] >= len[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        return out;
    }

    private static JsonNode absentIfNull(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node;
    }

    private static String text(JsonNode object, String name) {
        JsonNode v = object.get(name);
        return v == null || !v.isString() ? null : v.asString();
    }
}
