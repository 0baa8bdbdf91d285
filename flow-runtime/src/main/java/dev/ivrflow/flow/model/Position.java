package dev.ivrflow.flow.model;

/** A node's place on the canvas. Integer coordinates keep the canonical form stable. */
public record Position(int x, int y) {
}
