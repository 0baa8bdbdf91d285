package dev.ivrflow.esl.inbound;

/** Removes the listener it was returned for; closing twice is harmless. */
@FunctionalInterface
public interface ListenerRegistration extends AutoCloseable {
    @Override
    void close();
}
