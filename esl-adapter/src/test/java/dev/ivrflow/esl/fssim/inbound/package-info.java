/**
 * The FreeSWITCH simulator, inbound side: port 8021 as FreeSWITCH 1.10.12 serves it, for the inbound client's tests
 * and for benchmarks. {@link dev.ivrflow.esl.fssim.inbound.InboundFreeSwitch} is the server;
 * {@link dev.ivrflow.esl.fssim.inbound.CapturedEvents} holds real captured events to use as templates;
 * {@link dev.ivrflow.esl.fssim.inbound.EventWire} writes events in plain or json exactly as FreeSWITCH does.
 * Tests in this package replay every inbound capture against it, so it cannot drift from the real thing.
 */
package dev.ivrflow.esl.fssim.inbound;
