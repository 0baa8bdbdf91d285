package dev.ivrflow.esl.codec;

/** Reads a Content-Length value strictly: decimal digits only, so "-1", "+5", "0x10" or "12abc" never pass. */
final class ContentLength {
    static final long INVALID = -1;

    private static final int MAX_DIGITS = 18;

    private ContentLength() {
    }

    /** The length, {@link #INVALID} when the value is not a plain decimal, or {@link Long#MAX_VALUE} when huge. */
    static long parse(String value) {
        String digits = value.strip();
        if (digits.isEmpty()) {
            return INVALID;
        }
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return INVALID;
            }
        }
        return digits.length() > MAX_DIGITS ? Long.MAX_VALUE : Long.parseLong(digits);
    }
}
