package dev.ivrflow.app.designer;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import java.util.List;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.accept;

/**
 * The designer is a single-page app: its own router draws {@code /login}, {@code /flows} and {@code /flows/{id}} in
 * the browser. So that a deep link or a reload of such a page works, the server answers each of those paths (and
 * {@code /}) with the app's {@code index.html}, found in the first static location that has one (the designer-ui
 * jar puts it at {@code classpath:/static/index.html}, next to its {@code /assets/**}, which Spring serves as they
 * are). Only page loads are answered ({@code GET} accepting HTML); anything else falls through to the usual 404.
 *
 * <p>{@code index.html} is never cached ({@code no-cache}): it names the content-hashed assets of the current build,
 * so a browser must not keep an old one after an upgrade. Without an {@code index.html} the answer is a short 404
 * saying the designer was not built (the API works all the same).
 */
public final class DesignerPages {
    /** The paths the designer's router draws. */
    public static final List<String> PATHS = List.of("/", "/login", "/flows", "/flows/**");
    static final String NOT_BUILT = "The designer was not built: its index.html is not among the static files.\n"
            + "Build it with `mvn install -pl designer-ui` (or `./ivr start`, which builds everything); the API under "
            + "/api works without it.\n";

    private final ResourceLoader resources;
    private final List<String> locations;

    /** {@code locations} as {@code spring.web.resources.static-locations} gives them, e.g. {@code classpath:/static/}. */
    public DesignerPages(ResourceLoader resources, List<String> locations) {
        this.resources = resources;
        this.locations = List.copyOf(locations);
    }

    public RouterFunction<ServerResponse> routes() {
        RequestPredicate page = PATHS.stream().map(p -> GET(p)).reduce(RequestPredicate::or).orElseThrow()
                .and(accept(MediaType.TEXT_HTML));
        return RouterFunctions.route(page, this::index);
    }

    Mono<ServerResponse> index(ServerRequest request) {
        Resource index = index();
        if (index == null) {
            return ServerResponse.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN).bodyValue(NOT_BUILT);
        }
        return ServerResponse.ok().contentType(MediaType.TEXT_HTML).cacheControl(CacheControl.noCache()).bodyValue(index);
    }

    private Resource index() {
        for (String location : locations) {
            Resource r = resources.getResource((location.endsWith("/") ? location : location + "/") + "index.html");
            if (r.exists() && r.isReadable()) return r;
        }
        return null;
    }
}
