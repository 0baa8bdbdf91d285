package dev.ivrflow.flow.nodes.http;

import dev.ivrflow.flow.model.Pointers;
import dev.ivrflow.flow.validate.FieldChecks;
import dev.ivrflow.flow.validate.FieldRange;
import dev.ivrflow.flow.validate.NodeCheck;
import dev.ivrflow.flow.validate.NodeValidator;
import dev.ivrflow.flow.validate.TemplateText;
import dev.ivrflow.flow.validate.ValidationCodes;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A web call the runtime can make within a call: an http(s) address (as far as the template lets us see), a
 * known method, a timeout short enough that the caller is not left in silence, and fields mapped by JSON Pointer.
 */
public final class HttpValidator implements NodeValidator<HttpSettings> {
    static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");
    /** Ten seconds of silence is already as much as a caller will sit through. */
    static final FieldRange<HttpSettings> TIMEOUT =
            FieldRange.from("/timeoutMs", HttpSettings::timeoutMs, 100, 10_000, "milliseconds");
    private static final Pattern JSON_POINTER = Pattern.compile("(/([^~/]|~[01])*)*");

    @Override
    public void validate(NodeCheck<HttpSettings> check) {
        HttpSettings s = check.settings();
        if (FieldChecks.required(check, "/url", s.url(), "Enter the address to call, such as"
                + " https://crm.example.com/customers/{{call.callerNumber}}.")) {
            checkUrl(check, s.url());
        }
        FieldChecks.oneOf(check, "/method", s.method(), METHODS);
        s.mapOrEmpty().forEach((variable, pointer) -> {
            String at = Pointers.join("/map", variable);
            if (pointer == null) {
                check.error(ValidationCodes.SETTING_MISSING, at, "no field of the answer is chosen for \"" + variable
                        + "\". Enter its JSON Pointer, such as /customer/name.");
            } else if (!JSON_POINTER.matcher(pointer).matches()) {
                check.error(ValidationCodes.HTTP_MAP_POINTER_INVALID, at, "\"" + pointer + "\" (for \"" + variable
                        + "\") is not a JSON Pointer. Write the path to the field starting with /, such as"
                        + " /customer/name or /items/0/id.");
            }
        });
    }

    @Override
    public List<FieldRange<HttpSettings>> ranges() {
        return List.of(TIMEOUT);
    }

    private static void checkUrl(NodeCheck<HttpSettings> check, String url) {
        String prefix = TemplateText.literalPrefix(url).toLowerCase(Locale.ROOT);
        boolean schemeOk = prefix.startsWith("http://") || prefix.startsWith("https://")
                || "http://".startsWith(prefix) || "https://".startsWith(prefix);
        boolean hostOk = !TemplateText.isLiteral(url) || hasHost(url);
        if (!schemeOk || !hostOk) {
            check.error(ValidationCodes.HTTP_URL_INVALID, "/url", "the address \"" + url + "\" is not an http or"
                    + " https address. Write it in full, such as https://crm.example.com/lookup.");
        }
    }

    private static boolean hasHost(String url) {
        try {
            return new URI(url).getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
