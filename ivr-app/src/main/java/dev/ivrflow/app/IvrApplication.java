package dev.ivrflow.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class IvrApplication {
    public static void main(String[] args) {
        SpringApplication.run(IvrApplication.class, args);
    }
}
