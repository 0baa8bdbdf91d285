package dev.ivrflow.flow.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The JSON Schema (draft 2020-12) fragment for a calendar object. It has no {@code $id} and no {@code $ref},
 * so the whole-document schema can embed it as is under {@code $defs/calendar}.
 */
public final class CalendarSchema {

    public static final String RESOURCE = "/dev/ivrflow/flow/calendar/calendar.schema.json";

    private CalendarSchema() {
    }

    /** The fragment's JSON text. */
    public static String json() {
        try (InputStream in = CalendarSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
