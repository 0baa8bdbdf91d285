package dev.ivrflow.esl.inbound;

/**
 * FreeSWITCH answered a command the client relies on (bgapi, event, filter) with {@code -ERR ...}. An {@code api}
 * whose output starts with {@code -ERR} is not this: that output is the command's result and is returned as is.
 */
public class EslCommandException extends EslException {
    private final String replyText;

    public EslCommandException(String message, String replyText) {
        super(message);
        this.replyText = replyText;
    }

    /** FreeSWITCH's Reply-Text, such as {@code -ERR no keywords supplied}. */
    public String replyText() {
        return replyText;
    }
}
