/** MRCP profiles: which one serves a call (by name, tenant and language), and whether each one works. */
package dev.ivrflow.mrcp.profile;
