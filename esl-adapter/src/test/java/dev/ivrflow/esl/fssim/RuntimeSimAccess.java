package dev.ivrflow.esl.fssim;

import dev.ivrflow.flow.port.HttpPort;
import dev.ivrflow.flow.port.SpeechRequest;
import dev.ivrflow.flow.port.SpeechResult;
import dev.ivrflow.flow.sim.SimAction;
import dev.ivrflow.flow.sim.SimWorld;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.function.Consumer;

/**
 * A stop-gap adapter to two package-private classes of flow-runtime's in-memory simulator, so the FreeSWITCH
 * simulator answers exactly as it does instead of keeping a copy that could drift:
 * {@code dev.ivrflow.flow.sim.SpeechMatcher} (what a recogniser makes of an utterance against grammars) and
 * {@code dev.ivrflow.flow.sim.ScriptedHttp} (the scripted replies of the http node). Both should become public in
 * flow-runtime (asked for in the hand-over); this class then shrinks to two direct calls.
 */
public final class RuntimeSimAccess {
    private static final Constructor<?> MATCHER;
    private static final Method MATCH;
    private static final Constructor<?> HTTP;

    static {
        try {
            Class<?> matcher = Class.forName("dev.ivrflow.flow.sim.SpeechMatcher");
            MATCHER = matcher.getDeclaredConstructor();
            MATCHER.setAccessible(true);
            MATCH = matcher.getDeclaredMethod("match", String.class, Double.class, List.class);
            MATCH.setAccessible(true);
            Class<?> http = Class.forName("dev.ivrflow.flow.sim.ScriptedHttp");
            HTTP = http.getDeclaredConstructor(List.class, Consumer.class);
            HTTP.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private RuntimeSimAccess() {
    }

    /** What the in-memory simulator's recogniser makes of {@code said}. */
    public static SpeechResult match(String said, Double confidence, List<SpeechRequest.GrammarSpec> grammars) {
        try {
            return (SpeechResult) MATCH.invoke(MATCHER.newInstance(), said, confidence, grammars);
        } catch (InvocationTargetException e) {
            throw rethrow(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The in-memory simulator's http port: the scripted replies in order, each request recorded. */
    public static HttpPort scriptedHttp(List<SimWorld.HttpReply> replies, Consumer<SimAction> record) {
        try {
            return (HttpPort) HTTP.newInstance(replies, record);
        } catch (InvocationTargetException e) {
            throw rethrow(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RuntimeException rethrow(InvocationTargetException e) {
        return e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }
}
