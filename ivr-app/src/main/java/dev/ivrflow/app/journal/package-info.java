/**
 * The call journal: every event a call's session writes (call started, node entered, input, exit taken, node
 * failed, fallback, decision, limit reached, call ended) stored in MongoDB without ever holding a call up.
 *
 * <h2>Writing</h2>
 * {@link dev.ivrflow.app.journal.JournalWriter} is the runtime's {@code JournalSink} bean. {@code write} numbers the
 * event within its call ({@code seq} 0, 1, 2...), hands it to the live feed, and queues it in memory
 * ({@code ivr.journal.queue-capacity}); a full queue sends events straight to the disk spool. A background thread
 * inserts batches ({@code ivr.journal.batch-size}, at least every {@code ivr.journal.flush-interval}) unordered into
 * {@code journal}, each document keyed {@code <callId>/<seq, 8 digits>}: a batch written twice stores nothing twice
 * (duplicate keys count as written). Then it upserts one summary per call into {@code calls} from the call's
 * {@code CALL_STARTED} (flow, version, caller, called, startedAt) and {@code CALL_ENDED} (endedAt, endReason,
 * lastFlowId, lastNodeId, steps, pathLength).
 *
 * <h2>While the database is away</h2>
 * A write that fails or takes longer than {@code ivr.journal.write-timeout} sends its batch to
 * {@code <ivr.data-dir>/journal-spool/spool.jsonl} (one MongoDB Extended JSON line per event, forced to disk per
 * batch), and later batches follow until a retry succeeds (retries back off from 250 ms to
 * {@code ivr.journal.retry-max}). Then the spool is replayed in order, a chunk at a time before each live batch, and
 * deleted. A spool left by a previous run is replayed at start. A document the database refuses for itself (not a
 * duplicate) is tried three times and then kept in {@code journal-spool/rejected.jsonl}; nothing is dropped
 * silently.
 *
 * <h2>Watching it</h2>
 * The gauge {@code ivr_journal_backlog} is the events not yet in the database (queued plus spooled);
 * {@link dev.ivrflow.app.journal.JournalWriter#stats()} counts what was written, spooled, replayed, recognised as
 * duplicates and rejected.
 *
 * <h2>Indexes</h2>
 * {@code journal}: (callId, seq), (flowId, flowVersion, at, seq), (at), (kind, at); {@code calls}: (caller,
 * startedAt desc), (called, startedAt desc), (flowId, flowVersion, startedAt desc), (startedAt desc). The embedded
 * server accepts non-unique indexes but does not implement them (its queries scan); a real MongoDB uses them.
 */
package dev.ivrflow.app.journal;
