/**
 * Flow and environment documents as JSON: {@link dev.ivrflow.flow.json.FlowReader} and
 * {@link dev.ivrflow.flow.json.EnvironmentReader} turn bytes into records or into every
 * {@link dev.ivrflow.flow.json.DocumentError} at once; {@link dev.ivrflow.flow.json.FlowWriter} and
 * {@link dev.ivrflow.flow.json.FlowFormatter} give the one canonical text of a flow.
 */
package dev.ivrflow.flow.json;
