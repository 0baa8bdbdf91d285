package dev.ivrflow.flow.port;

import java.time.Duration;

/**
 * Enter {@code queue} (the real queue name the environment bound) for at most {@code maxWait}. A non-null
 * {@code callbackDigit} offers a callback; a non-null {@code exitDigit} lets the caller leave the queue.
 */
public record QueueRequest(String queue, Duration maxWait, boolean announcePosition, boolean announceEstimatedWait,
                           Duration announceEvery, String callbackDigit, String exitDigit) {
}
