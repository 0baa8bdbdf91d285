package dev.ivrflow.esl.inbound;

/**
 * What the client does after FreeSWITCH refuses its credentials (wrong password) or its address (ACL).
 *
 * <p>Neither ever retries on the fast, growing backoff used for dropped connections: the same password sent again a
 * moment later fails again, fills FreeSWITCH's log, and can trip a fail2ban rule on the FreeSWITCH host.
 */
public enum AuthFailurePolicy {
    /**
     * The default: stay {@link ConnectionState#AUTH_FAILED} and try once per maximum backoff interval (30 s unless
     * configured). The usual fix is on the FreeSWITCH side (event_socket.conf corrected and the module reloaded), and
     * then the runtime recovers by itself without a restart, at the cost of one refused attempt per interval.
     */
    RETRY_AT_MAX_BACKOFF,
    /** Stay {@link ConnectionState#AUTH_FAILED} and never try again; the application must build a new client. */
    STOP
}
