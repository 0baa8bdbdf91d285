/**
 * The simulator over HTTP, for the designer's "call this flow" panel: simulated calls of a draft or a published
 * version, run by the real interpreter (flow-runtime's {@code Simulator} in interactive mode) on a manual clock.
 * Every route needs a login (any role); a call belongs to the user who started it.
 *
 * <h2>Routes</h2>
 * <ul>
 *   <li>{@code POST /api/sim/calls} {@code {flowId, version?: n|"draft", callerNumber?, calledNumber?, callerName?,
 *       variables?: {name: text}, at?: "2026-03-04T10:00:00-05:00", world?: {bridge?, queue?, http?, recordSeconds?,
 *       speechFails?}}} → 201 {@link dev.ivrflow.app.sim.CallView} (with {@code Location}), once the flow first waits
 *       for the caller or ends. {@code version} defaults to the draft, {@code at} to now. 400 (bad body, with JSON
 *       Pointers), 404 (no such flow or version), 422 (the flow does not validate: {@code errors} with pointers into
 *       the flow document), 429 (too many calls in progress).</li>
 *   <li>{@code GET /api/sim/calls/{id}/events} → {@code text/event-stream}; see below. 204 when the call has ended
 *       and {@code Last-Event-ID} is its last event (an EventSource then stops reconnecting).</li>
 *   <li>{@code POST /api/sim/calls/{id}/input} exactly one of {@code {digits: "12#"}}, {@code {speech: "billing
 *       please", confidence?: 0.9}}, {@code {silence: true}} → 200 CallView once the flow waits again or ends; 409
 *       when the call has ended.</li>
 *   <li>{@code POST /api/sim/calls/{id}/hangup} → 200 CallView (an ended call is left as it is).</li>
 *   <li>{@code GET /api/sim/calls/{id}} → 200 CallView.</li>
 * </ul>
 *
 * <h2>Events</h2>
 * Each event has an {@code id} (1, 2, 3... within the call), a name and JSON data. The stream replays what already
 * happened (the last {@code ivr.sim.replay-events}) or what came after {@code Last-Event-ID}, then follows the call
 * live, and ends after {@code ended}. Comments ({@code :keep-alive}) come every 15 s.
 * <ul>
 *   <li>{@code started} {callId, flowId, version, at, callerNumber, calledNumber, callerName, language}</li>
 *   <li>{@code node} {nodeId, type, label, flowId, subflow, at}: a node entered (in a subflow: its flow's id and
 *       {@code subflow: true})</li>
 *   <li>{@code exit} {nodeId, exit, target, via?, flowId}: the exit taken ({@code via}: the wired exit an unwired
 *       one fell back to)</li>
 *   <li>{@code heard} {text}: TTS text, {@code file:...} or {@code tone:...}</li>
 *   <li>{@code action} {action, detail}: play, collectDigits, detectSpeech, bridge, queue, http, voicemail, record,
 *       hangup, callerHangup...</li>
 *   <li>{@code caller} {digits} | {speech, confidence?} | {silence: true} | {hangup: true}: what was sent</li>
 *   <li>{@code input}, {@code decision}, {@code failed}, {@code fallback}, {@code limit} {nodeId, flowId, detail}:
 *       the journal's lines (digits or transcript received, calendar decision, failure reason...)</li>
 *   <li>{@code variables} {name: value...}: the flow's variables, after each step</li>
 *   <li>{@code language} {language}: when the call's language changed</li>
 *   <li>{@code waiting} {node, flowId, expecting: "digits"|"speech", minDigits?, maxDigits?, terminators?,
 *       digitsToo?, language?}: the flow waits for the caller (the last event of a step that did not end the
 *       call)</li>
 *   <li>{@code ended} {reason, path, duration (ISO-8601), durationSeconds}: the last event</li>
 * </ul>
 */
package dev.ivrflow.app.sim;
