/**
 * Speech through FreeSWITCH's mod_unimrcp: {@link dev.ivrflow.mrcp.UniMrcpSpeech} implements the
 * {@link dev.ivrflow.flow.port.SpeechCommands} port the ESL call channel runs: the {@code speak} and
 * {@code play_and_detect_speech} arguments (profiles, grammars, parameters, escaping) and the reading of the
 * results. Subpackages: {@code profile} (the registry and health of MRCP profiles), {@code command} (FreeSWITCH's
 * argument syntax), {@code grammar} (SRGS and builtin grammars), {@code result} (NLSML and completion causes).
 * Depends on flow-runtime only.
 */
package dev.ivrflow.mrcp;
