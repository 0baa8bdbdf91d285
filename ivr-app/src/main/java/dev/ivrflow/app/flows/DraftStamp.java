package dev.ivrflow.app.flows;

/** Which revision a draft is at, without its content. */
public record DraftStamp(String id, long revision) {
}
