/** Per-call serial execution on a shared executor: the events of one call in order, no thread held while it waits. */
package dev.ivrflow.esl.concurrent;
