package dev.ivrflow.esl.inbound;

/** FreeSWITCH answered {@code auth} with {@code -ERR invalid}: the password in our configuration is not its own. */
public class EslAuthenticationException extends EslException {
    public EslAuthenticationException(String message) {
        super(message);
    }
}
