package dev.ivrflow.app.security;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import java.util.Map;

/**
 * Stand-ins for the API's controllers, so the authorization tests do not depend on them: any method on these paths
 * answers 200 with the method, the path and {@link CurrentUser#name()}. Registered only by the tests that import it
 * (a {@code @TestConfiguration} is not component-scanned).
 */
@TestConfiguration(proxyBeanMethods = false)
class ProbeEndpoints {
    static final String FLOW = "/api/flows/probe";

    @Bean
    RouterFunction<ServerResponse> securityProbes() {
        return RouterFunctions.route(
                RequestPredicates.path(FLOW + "/**")
                        .or(RequestPredicates.path("/api/import/probe/**"))
                        .or(RequestPredicates.path("/api/sim/probe/**"))
                        .or(RequestPredicates.path("/api/probe/**"))
                        .or(RequestPredicates.path("/api/validate")),
                request -> CurrentUser.name().flatMap(user -> ServerResponse.ok().bodyValue(Map.of(
                        "method", request.method().name(), "path", request.path(), "user", user))));
    }
}
