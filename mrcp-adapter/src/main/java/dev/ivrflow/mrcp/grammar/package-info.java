/** Recognition grammars as mod_unimrcp takes them: SRGS built from phrases and keys, builtins, URIs. */
package dev.ivrflow.mrcp.grammar;
