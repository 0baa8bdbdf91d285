package dev.ivrflow.esl.inbound;

/** Base of the inbound client's own failures; every message names the FreeSWITCH address involved. */
public class EslException extends RuntimeException {
    public EslException(String message) {
        super(message);
    }

    public EslException(String message, Throwable cause) {
        super(message, cause);
    }
}
