package dev.ivrflow.flow.port;

/** The digits collected (without the terminator) and why collection ended. */
public record DigitResult(String digits, Ending ending) {
    public enum Ending { COMPLETE, TERMINATOR, TIMEOUT }

    public static DigitResult timeout() {
        return new DigitResult("", Ending.TIMEOUT);
    }

    public boolean empty() {
        return digits == null || digits.isEmpty();
    }
}
