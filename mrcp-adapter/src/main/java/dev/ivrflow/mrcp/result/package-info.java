/** Recognition results: NLSML, MRCP completion causes, and how a recognition ended as a flow sees it. */
package dev.ivrflow.mrcp.result;
