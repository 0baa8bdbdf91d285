package dev.ivrflow.esl.inbound;

/**
 * FreeSWITCH sent {@code text/rude-rejection} instead of {@code auth/request}: its {@code apply-inbound-acl} in
 * event_socket.conf does not list our address. No password can help; the message quotes FreeSWITCH's own text.
 */
public class EslAccessDeniedException extends EslException {
    private final String freeSwitchText;

    public EslAccessDeniedException(String message, String freeSwitchText) {
        super(message);
        this.freeSwitchText = freeSwitchText;
    }

    /** What FreeSWITCH said, such as {@code Access Denied, go away.} */
    public String freeSwitchText() {
        return freeSwitchText;
    }
}
