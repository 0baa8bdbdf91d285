package dev.ivrflow.flow.nodes.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.ivrflow.flow.model.*;

import java.util.*;

/**
 * {@code http}: call a web API. The url, headers and body are templates. A 2xx answer takes {@code ok} and
 * {@code map} copies fields of its JSON body (JSON Pointers, values) into variables (keys); any other status,
 * or a body that is not the JSON expected, takes {@code error}; no answer in time takes {@code timeout}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"method", "url", "headers", "body", "timeoutMs", "map"})
public record HttpSettings(String method, String url, Map<String, String> headers, String body, Integer timeoutMs,
                           Map<String, String> map) implements NodeSettings {

    public HttpSettings {
        headers = headers == null ? null : Collections.unmodifiableMap(new TreeMap<>(headers));
        map = map == null ? null : Collections.unmodifiableMap(new TreeMap<>(map));
    }

    public String methodOrDefault() {
        return method == null ? "GET" : method;
    }

    public int timeoutMsOrDefault() {
        return timeoutMs == null ? 3000 : timeoutMs;
    }

    public Map<String, String> headersOrEmpty() {
        return headers == null ? Map.of() : headers;
    }

    public Map<String, String> mapOrEmpty() {
        return map == null ? Map.of() : map;
    }

    @Override
    public List<ExitSpec> exits() {
        return List.of(ExitSpec.required("ok", "a 2xx answer"), ExitSpec.required("error", "another status or a bad body"),
                ExitSpec.optional("timeout", "error", "no answer in time"));
    }

    @Override
    public List<ExpressionRef> expressions() {
        List<ExpressionRef> out = new ArrayList<>();
        if (url != null) out.add(ExpressionRef.template("/url", url));
        headersOrEmpty().forEach((k, v) -> out.add(ExpressionRef.template(Pointers.join("/headers", k), v)));
        if (body != null) out.add(ExpressionRef.template("/body", body));
        return out;
    }

    @Override
    public List<VariableRef> writes() {
        List<VariableRef> out = new ArrayList<>();
        mapOrEmpty().keySet().forEach(k -> out.add(new VariableRef(Pointers.join("/map", k), k)));
        return out;
    }
}
