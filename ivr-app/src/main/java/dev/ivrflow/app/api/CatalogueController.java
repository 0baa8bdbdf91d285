package dev.ivrflow.app.api;

import dev.ivrflow.flow.model.ExitSpec;
import dev.ivrflow.flow.model.NodeType;
import dev.ivrflow.flow.nodes.NodeKinds;
import dev.ivrflow.flow.schema.FlowSchema;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The node catalogue and the flow document's JSON Schema, for the designer and for editors. */
@RestController
@RequestMapping("/api")
public class CatalogueController {

    @GetMapping(value = "/schema", produces = MediaType.APPLICATION_JSON_VALUE)
    public String schema() {
        return FlowSchema.json();
    }

    @GetMapping("/catalogue")
    public List<Map<String, Object>> catalogue() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (NodeType t : NodeType.values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", t.json());
            m.put("category", t.category().title());
            m.put("description", t.description());
            m.put("settingsSchema", "#/$defs/" + t.json() + "Settings");
            m.put("fixedExits", fixedExits(t));
            out.add(m);
        }
        return out;
    }

    /** The exits a node of this type has with empty settings; options, intents, cases and ranges add more. */
    private static List<Map<String, Object>> fixedExits(NodeType t) {
        List<Map<String, Object>> exits = new ArrayList<>();
        for (ExitSpec e : NodeKinds.emptySettings(t).exits()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", e.name());
            m.put("required", e.required());
            if (e.otherwise() != null) m.put("otherwise", e.otherwise());
            m.put("description", e.description());
            exits.add(m);
        }
        return exits;
    }
}
