package dev.ivrflow.esl.outbound;

/**
 * What happens to a call no flow serves (the router found nothing, or failed). Either way the reason is logged
 * with the call's uuid and numbers.
 */
public enum UnroutedCallPolicy {
    /**
     * Send {@code resume} then {@code exit}: FreeSWITCH goes on with the dialplan after the {@code socket} action,
     * which is where the README's extension transfers the caller to the operator. The default: the caller reaches
     * a person instead of a dead line.
     */
    RESUME_DIALPLAN,
    /**
     * Hang up with a cause the caller's side can show: {@code UNALLOCATED_NUMBER} when no flow serves the number,
     * {@code NORMAL_TEMPORARY_FAILURE} when routing failed.
     */
    HANG_UP
}
