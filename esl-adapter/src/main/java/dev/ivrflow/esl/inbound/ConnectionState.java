package dev.ivrflow.esl.inbound;

/** Where the inbound connection stands, as the application's health endpoint reports it. */
public enum ConnectionState {
    /** A TCP connection or the {@code auth} handshake is under way. */
    CONNECTING,
    /** Authenticated, and the event subscriptions and filters are in place: api and bgapi can be sent. */
    CONNECTED,
    /**
     * FreeSWITCH refused us: a wrong password ({@code -ERR invalid}) or its ACL ({@code text/rude-rejection}).
     * Retrying quickly cannot help, so what happens next is the {@link AuthFailurePolicy}.
     */
    AUTH_FAILED,
    /** Not connected: not started yet, refused, timed out, or dropped; a reconnect is scheduled unless disabled. */
    DISCONNECTED,
    /** {@link InboundClient#close()} was called; nothing will be tried again. */
    CLOSED
}
