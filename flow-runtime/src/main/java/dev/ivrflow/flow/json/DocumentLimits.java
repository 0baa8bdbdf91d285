package dev.ivrflow.flow.json;

/**
 * How big and how deep a document may be. A flow is a few hundred kilobytes at most and about ten levels
 * deep; the limits stop a hostile upload from costing memory or stack long before validation.
 */
public record DocumentLimits(int maxBytes, int maxDepth) {
    public static final DocumentLimits DEFAULT = new DocumentLimits(5 * 1024 * 1024, 64);
}
