package dev.ivrflow.esl.fssim.inbound;

/** Scripts one api command of the simulator, for {@code api} and {@code bgapi} alike. */
@FunctionalInterface
public interface ApiHandler {
    /**
     * The command's output, written as FreeSWITCH would ({@code "+OK ...\n"}, {@code "-ERR ...\n"} or data); an empty
     * string becomes FreeSWITCH's {@code -ERR no reply}. Null means no answer ever: the connection stays stuck on it,
     * as FreeSWITCH is while an api runs, until it is dropped.
     */
    String answer(ApiCall call) throws Exception;

    /**
     * @param name       the first word of the command, such as {@code uuid_kill}
     * @param argument   the rest, or "" when there is none
     * @param connection where it came from
     * @param background true for bgapi
     */
    record ApiCall(String name, String argument, SimulatedConnection connection, boolean background) {
    }
}
