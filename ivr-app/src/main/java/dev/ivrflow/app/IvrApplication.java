package dev.ivrflow.app;

import dev.ivrflow.app.cli.RemoteFlows;
import dev.ivrflow.flow.FlowToolkit;
import dev.ivrflow.flow.cli.FlowCli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import java.util.Arrays;

/**
 * The application. {@code java -jar ivr-app.jar} serves the designer, the API and the runtime;
 * {@code java -jar ivr-app.jar flow <command> ...} runs the flow command line without starting a server
 * ({@code import} and {@code export} talk to a running one).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IvrApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("flow")) {
            String[] rest = Arrays.copyOfRange(args, 1, args.length);
            if (rest.length > 0 && RemoteFlows.handles(rest[0])) {
                System.exit(new RemoteFlows(System.out, System.err, System.getenv()).run(rest));
            }
            System.exit(new FlowCli(new FlowToolkit(), System.out, System.err).run(rest));
        }
        SpringApplication.run(IvrApplication.class, args);
    }

    @Bean
    FlowToolkit flowToolkit() {
        return new FlowToolkit();
    }
}
