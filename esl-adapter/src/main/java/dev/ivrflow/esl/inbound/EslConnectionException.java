package dev.ivrflow.esl.inbound;

/**
 * No usable connection: refused, timed out, dropped, or the client is closed. A command that fails this way may or
 * may not have reached FreeSWITCH; the message says which command was caught.
 */
public class EslConnectionException extends EslException {
    public EslConnectionException(String message) {
        super(message);
    }

    public EslConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
