package dev.ivrflow.app.designer;

import dev.ivrflow.app.flows.FlowStore;
import dev.ivrflow.flow.FlowToolkit;
import dev.ivrflow.flow.model.Environment;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import java.util.List;

/** What the designer needs from the server besides the flow API: its pages, the names it offers, calendar previews. */
@Configuration(proxyBeanMethods = false)
public class DesignerConfig {

    /** Ahead of Spring Boot's welcome page, which would answer {@code /} from the same file, but cacheable. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    RouterFunction<ServerResponse> designerPages(ResourceLoader resources, WebProperties web) {
        return new DesignerPages(resources, List.of(web.getResources().getStaticLocations())).routes();
    }

    @Bean
    SymbolNames symbolNames(FlowStore store, FlowToolkit toolkit, Environment environment) {
        return new SymbolNames(store, toolkit.reader(), environment, SymbolNames.MAX_DRAFTS);
    }

    @Bean
    CalendarPreview calendarPreview(FlowToolkit toolkit, Environment environment) {
        return new CalendarPreview(toolkit.reader(), environment);
    }
}
