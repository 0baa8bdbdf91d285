/** How FreeSWITCH reads the arguments of its speech applications, and how to write them so they arrive intact. */
package dev.ivrflow.mrcp.command;
