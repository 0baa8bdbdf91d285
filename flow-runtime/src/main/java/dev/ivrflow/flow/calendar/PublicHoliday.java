package dev.ivrflow.flow.calendar;

import java.time.LocalDate;

/** A day off from Jollyday, with its English name. {@code date} is the day it is observed on. */
public record PublicHoliday(LocalDate date, String name) {
}
