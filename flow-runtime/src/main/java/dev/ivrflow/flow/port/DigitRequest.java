package dev.ivrflow.flow.port;

import java.time.Duration;

/**
 * Digits to collect after (or while) the prompt plays: between {@code minDigits} and {@code maxDigits}, ended
 * early by one of {@code terminators}, waiting {@code firstDigitTimeout} for the first and
 * {@code interDigitTimeout} between the others.
 */
public record DigitRequest(int minDigits, int maxDigits, String terminators, Duration firstDigitTimeout,
                           Duration interDigitTimeout, boolean bargeIn) {
}
