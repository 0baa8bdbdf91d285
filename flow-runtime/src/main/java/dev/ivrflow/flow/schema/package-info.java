/**
 * The JSON Schemas of the documents we read: flows ({@link dev.ivrflow.flow.schema.FlowSchema}) and
 * environments ({@link dev.ivrflow.flow.schema.EnvironmentSchema}), assembled from resource files and compiled
 * once.
 */
package dev.ivrflow.flow.schema;
