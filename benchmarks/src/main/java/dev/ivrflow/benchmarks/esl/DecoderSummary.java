package dev.ivrflow.benchmarks.esl;

import dev.ivrflow.esl.codec.EslContentType;
import dev.ivrflow.esl.codec.EslFrame;
import dev.ivrflow.esl.codec.EslMessage;
import dev.ivrflow.esl.codec.EslParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the JSON results of {@link EslDecodeBenchmark} ({@code -rf json -rff <file>}) and prints messages per second
 * for every decoder, with the ratios ours/theirs, per corpus and read size; and what each corpus holds.
 *
 * <pre>{@code java -cp benchmarks/target/benchmarks.jar dev.ivrflow.benchmarks.esl.DecoderSummary target/esl-decode.json}</pre>
 */
public final class DecoderSummary {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    /** Ratios printed: ours over theirs, like for like (framing alone; framing and events). */
    private static final List<String[]> RATIOS = List.of(
            new String[]{"oursNetty", "theirsFrames"},
            new String[]{"oursParser", "theirsFrames"},
            new String[]{"oursNettyEvents", "theirsEvents"},
            new String[]{"oursParserEvents", "theirsEvents"});

    private DecoderSummary() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: DecoderSummary <JMH results as JSON (-rf json -rff file)>");
            System.exit(2);
        }
        JsonNode results = JSON.readTree(Files.readAllBytes(Path.of(args[0])));
        // corpus -> read -> decoder -> {score, error}
        Map<String, Map<Integer, Map<String, double[]>>> table = new TreeMap<>();
        for (JsonNode result : results) {
            if (!result.path("benchmark").asString().endsWith("EslDecodeBenchmark.decode")) {
                continue;
            }
            JsonNode params = result.path("params");
            JsonNode messages = result.path("secondaryMetrics").path("messages");
            table.computeIfAbsent(params.path("corpus").asString(), k -> new TreeMap<>())
                    .computeIfAbsent(Integer.parseInt(params.path("read").asString()), k -> new TreeMap<>())
                    .put(params.path("decoder").asString(),
                            new double[]{messages.path("score").asDouble(), messages.path("scoreError").asDouble()});
        }
        if (table.isEmpty()) {
            System.err.println("no EslDecodeBenchmark.decode result in " + args[0]);
            System.exit(1);
        }
        for (var byCorpus : table.entrySet()) {
            String corpus = byCorpus.getKey();
            System.out.println("corpus " + corpus + ": " + contents(corpus));
            for (var byRead : byCorpus.getValue().entrySet()) {
                System.out.printf(Locale.ROOT, "  reads of %,d bytes, messages per second (± 99.9%% interval):%n",
                        byRead.getKey());
                Map<String, double[]> scores = byRead.getValue();
                for (String name : StreamDecoders.names()) {
                    double[] s = scores.get(name);
                    if (s != null) {
                        System.out.printf(Locale.ROOT, "    %-17s %,13.0f ± %,.0f%n", name, s[0], s[1]);
                    }
                }
                for (String[] ratio : RATIOS) {
                    double[] ours = scores.get(ratio[0]);
                    double[] theirs = scores.get(ratio[1]);
                    if (ours != null && theirs != null) {
                        System.out.printf(Locale.ROOT, "    %s / %s = %.2f%n", ratio[0], ratio[1], ours[0] / theirs[0]);
                    }
                }
            }
        }
    }

    /** What a corpus holds: bytes, messages, and messages by content type. */
    static String contents(String corpus) {
        byte[] stream = CapturedStreams.bytes(corpus);
        Map<String, Integer> byType = new TreeMap<>();
        List<EslFrame> frames = new EslParser().feed(stream);
        for (EslFrame frame : frames) {
            String type = frame instanceof EslMessage m ? m.contentType().value() : "malformed";
            byType.merge(type, 1, Integer::sum);
        }
        long events = frames.stream().filter(f -> f instanceof EslMessage m && m.contentType().isEvent()).count();
        return String.format(Locale.ROOT, "%d files, %,d bytes, %,d messages (%,d events; %s); %s",
                CapturedStreams.files(corpus).size(), stream.length, frames.size(), events, byType,
                byType.containsKey(EslContentType.EVENT_JSON.value())
                        ? "theirsEvents leaves text/event-json bodies as raw lines (its client drops them)" : "");
    }
}
