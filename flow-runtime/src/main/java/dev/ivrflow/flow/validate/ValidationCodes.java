package dev.ivrflow.flow.validate;

/**
 * The codes of {@link ValidationIssue}. Stable strings: the designer, the CLI and flow tests key on them.
 * Calendar problems keep the calendar's own codes ({@code CALENDAR_BAD_TIME}, ...; see
 * {@code dev.ivrflow.flow.calendar.CalendarProblemCode}).
 */
public final class ValidationCodes {
    private ValidationCodes() {
    }

    // The flow as a whole.
    public static final String FLOW_MISSING = "FLOW_MISSING";
    public static final String FLOW_ID_MISSING = "FLOW_ID_MISSING";
    public static final String LANGUAGE_DEFAULT_MISSING = "LANGUAGE_DEFAULT_MISSING";
    public static final String START_MISSING = "START_MISSING";
    public static final String FALLBACK_UNKNOWN = "FALLBACK_UNKNOWN";
    /** INFO: with no fallback, a failure the flow does not handle ends the call politely. */
    public static final String FALLBACK_MISSING = "FALLBACK_MISSING";
    /** WARNING: a canvas position for a node that no longer exists. */
    public static final String LAYOUT_UNKNOWN_NODE = "LAYOUT_UNKNOWN_NODE";

    // Nodes.
    public static final String NODE_ID_INVALID = "NODE_ID_INVALID";
    public static final String NODE_ID_DUPLICATE = "NODE_ID_DUPLICATE";
    public static final String NODE_TYPE_MISSING = "NODE_TYPE_MISSING";
    public static final String NODE_SETTINGS_MISSING = "NODE_SETTINGS_MISSING";
    public static final String NODE_SETTINGS_MISMATCH = "NODE_SETTINGS_MISMATCH";
    public static final String NODE_SETTINGS_INVALID = "NODE_SETTINGS_INVALID";
    /** WARNING: neither the start nor the fallback leads to the node. */
    public static final String NODE_UNREACHABLE = "NODE_UNREACHABLE";

    // Exits.
    public static final String EXIT_TARGET_UNKNOWN = "EXIT_TARGET_UNKNOWN";
    public static final String EXIT_UNKNOWN = "EXIT_UNKNOWN";
    public static final String EXIT_UNWIRED = "EXIT_UNWIRED";
    public static final String EXIT_NAME_DUPLICATE = "EXIT_NAME_DUPLICATE";
    public static final String EXIT_NAME_MISSING = "EXIT_NAME_MISSING";

    // Loops: one issue per loop (strongly connected component), on its first node.
    /** ERROR: a loop in which nothing waits for the caller and no loop node counts: it spins until the step limit. */
    public static final String LOOP_WITHOUT_WAIT = "LOOP_WITHOUT_WAIT";
    /** ERROR: a loop a caller who stays silent goes round forever, with no loop node's body on it. */
    public static final String LOOP_UNBOUNDED = "LOOP_UNBOUNDED";

    // Variables and expressions.
    public static final String VARIABLE_UNDECLARED = "VARIABLE_UNDECLARED";
    public static final String VARIABLE_RESERVED = "VARIABLE_RESERVED";
    public static final String VARIABLE_NAME_INVALID = "VARIABLE_NAME_INVALID";
    public static final String VARIABLE_TYPE_MISSING = "VARIABLE_TYPE_MISSING";
    public static final String VARIABLE_INITIAL_INVALID = "VARIABLE_INITIAL_INVALID";
    public static final String EXPRESSION_INVALID = "EXPRESSION_INVALID";

    // Prompts.
    /** WARNING: callers in that language hear the default language's version. */
    public static final String PROMPT_LANGUAGE_MISSING = "PROMPT_LANGUAGE_MISSING";
    /** ERROR: callers in the default language (and every uncovered one) would hear nothing. */
    public static final String PROMPT_DEFAULT_MISSING = "PROMPT_DEFAULT_MISSING";
    /** WARNING: a version in a language the flow does not declare is never played. */
    public static final String PROMPT_LANGUAGE_UNDECLARED = "PROMPT_LANGUAGE_UNDECLARED";
    public static final String PROMPT_VARIANT_INVALID = "PROMPT_VARIANT_INVALID";

    // Names bound by the environment.
    public static final String SYMBOL_UNKNOWN = "SYMBOL_UNKNOWN";
    public static final String CALENDAR_REF_UNKNOWN = "CALENDAR_REF_UNKNOWN";

    // Settings fields, for every node type.
    public static final String SETTING_MISSING = "SETTING_MISSING";
    public static final String SETTING_INVALID = "SETTING_INVALID";
    public static final String SETTING_OUT_OF_RANGE = "SETTING_OUT_OF_RANGE";

    // Node types.
    public static final String MENU_OPTIONS_EMPTY = "MENU_OPTIONS_EMPTY";
    public static final String MENU_OPTION_EMPTY = "MENU_OPTION_EMPTY";
    public static final String MENU_DIGITS_INVALID = "MENU_DIGITS_INVALID";
    public static final String MENU_DIGITS_DUPLICATE = "MENU_DIGITS_DUPLICATE";
    /** WARNING: the shorter choice is only taken after the inter-digit timeout. */
    public static final String MENU_DIGITS_OVERLAP = "MENU_DIGITS_OVERLAP";
    public static final String MENU_PHRASE_DUPLICATE = "MENU_PHRASE_DUPLICATE";
    public static final String INPUT_PATTERN_INVALID = "INPUT_PATTERN_INVALID";
    public static final String INPUT_PATTERN_MATCHES_TERMINATOR = "INPUT_PATTERN_MATCHES_TERMINATOR";
    public static final String INTENT_LIST_EMPTY = "INTENT_LIST_EMPTY";
    /** WARNING: the classifier has only the intent's name to go on. */
    public static final String INTENT_DESCRIPTION_MISSING = "INTENT_DESCRIPTION_MISSING";
    /** ERROR: the confirm threshold is above the accept threshold. */
    public static final String INTENT_THRESHOLDS_CROSSED = "INTENT_THRESHOLDS_CROSSED";
    /** WARNING: the built-in "Did you mean …?" and reprompt phrases are not in the flow's language. */
    public static final String INTENT_PHRASE_LANGUAGE = "INTENT_PHRASE_LANGUAGE";
    public static final String CONDITION_CASES_EMPTY = "CONDITION_CASES_EMPTY";
    public static final String SET_ASSIGNMENTS_EMPTY = "SET_ASSIGNMENTS_EMPTY";
    /** WARNING: switching to a language the flow has no prompts for plays the default language. */
    public static final String SET_LANGUAGE_UNDECLARED = "SET_LANGUAGE_UNDECLARED";
    public static final String GOTO_TARGET_UNKNOWN = "GOTO_TARGET_UNKNOWN";
    public static final String GOTO_TARGET_MISSING = "GOTO_TARGET_MISSING";
    public static final String SUBFLOW_UNKNOWN = "SUBFLOW_UNKNOWN";
    public static final String SUBFLOW_SELF = "SUBFLOW_SELF";
    public static final String SUBFLOW_INPUT_UNKNOWN = "SUBFLOW_INPUT_UNKNOWN";
    public static final String SUBFLOW_OUTPUT_UNKNOWN = "SUBFLOW_OUTPUT_UNKNOWN";
    public static final String HTTP_URL_INVALID = "HTTP_URL_INVALID";
    public static final String HTTP_MAP_POINTER_INVALID = "HTTP_MAP_POINTER_INVALID";
    public static final String CALENDAR_SPEC_MISSING = "CALENDAR_SPEC_MISSING";
    public static final String SAY_TEXT_MISSING = "SAY_TEXT_MISSING";

    /** ERROR: a check itself failed on this flow; the flow is not trusted until that is fixed. */
    public static final String VALIDATOR_FAILED = "VALIDATOR_FAILED";
}
