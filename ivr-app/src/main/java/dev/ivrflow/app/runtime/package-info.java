/**
 * The call runtime inside the application: what {@code ivr start} runs besides the HTTP API.
 *
 * <ul>
 *   <li><b>Taking calls.</b> {@link dev.ivrflow.app.runtime.EslOutboundService} runs the ESL outbound server
 *       ({@code ivr.esl.outbound.*}, 127.0.0.1:8084 by default) as a lifecycle bean; stopping drains it.
 *       {@link dev.ivrflow.app.runtime.EslInboundService} keeps the optional inbound connection to FreeSWITCH
 *       ({@code ivr.esl.inbound.*}, password from {@code IVR_ESL_PASSWORD}).</li>
 *   <li><b>Which flow.</b> {@link dev.ivrflow.app.runtime.FlowCallRouter}: the dialplan's {@code ivr_flow}, else
 *       the called number's route ({@link dev.ivrflow.app.runtime.NumberRoutes}, collection {@code routes}, managed
 *       through {@link dev.ivrflow.app.runtime.NumbersController}), then the flow's latest published version as
 *       {@link dev.ivrflow.app.runtime.PublishWatcher} knows it, compiled by
 *       {@link dev.ivrflow.app.runtime.PublishedFlowLoader} into a {@code CompiledFlowCache}. A call stays on the
 *       compiled version it started on.</li>
 *   <li><b>Scaling out.</b> Every instance polls the database for publishes (250 ms), so a publish anywhere is live
 *       everywhere within a second; routes are read from the database at each call.</li>
 *   <li><b>Ports.</b> {@link dev.ivrflow.app.runtime.SystemRuntimeClock}, {@link dev.ivrflow.app.runtime.WebClientHttpPort},
 *       {@link dev.ivrflow.app.runtime.MongoRecordingStore}, and fallbacks for ports other packages provide
 *       ({@link dev.ivrflow.app.runtime.PortFallbacks}); the journal is the journal package's writer.</li>
 *   <li><b>Operations.</b> Health {@code esl}, {@code mongo} and {@code flows}; metrics {@code ivr_calls_active},
 *       {@code ivr_calls_total{flow}}, {@code ivr_calls_unrouted_total} and {@code ivr_node_latency}
 *       ({@link dev.ivrflow.app.runtime.MeteredJournalSink} says what it measures).</li>
 * </ul>
 */
package dev.ivrflow.app.runtime;
