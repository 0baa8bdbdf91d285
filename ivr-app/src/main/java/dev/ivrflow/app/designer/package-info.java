/**
 * The server side of the browser designer beyond the flow API: its single-page app's routes, the symbolic names its
 * pickers offer, and the calendar node's preview.
 */
package dev.ivrflow.app.designer;
