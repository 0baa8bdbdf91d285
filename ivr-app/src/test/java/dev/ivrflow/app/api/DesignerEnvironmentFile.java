package dev.ivrflow.app.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** An environment file for the designer's endpoints: two queues and a shared calendar, nothing else declared. */
final class DesignerEnvironmentFile {
    static final String JSON = """
            {
              "queues": {"vip": "vip@default", "sales": "sales@default"},
              "calendars": {
                "paris-office": {
                  "timeZone": "Europe/Paris",
                  "weekly": {"mon": ["09:00-12:00", "14:00-18:00"], "tue": ["09:00-18:00"]},
                  "holidays": {"country": "FR"}
                }
              }
            }
            """;

    private DesignerEnvironmentFile() {
    }

    /** Writes the file into {@code dir}; its path, for {@code ivr.runtime.environment}. */
    static String write(Path dir) {
        try {
            Path file = dir.resolve("test.env.json");
            if (!Files.exists(file)) Files.writeString(file, JSON);
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
