package dev.ivrflow.benchmarks.load;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The load switch as a process of its own, started by {@link OutboundLoadHarness} ({@code --switch process}): reads
 * commands on stdin, one a line, and answers on stdout with a JSON result; ends on {@code QUIT} or when stdin closes
 * (the harness ended), so it never outlives the harness.
 * <pre>
 * OPEN &lt;calls&gt; &lt;round&gt; &lt;concurrency&gt; &lt;timeout ms&gt;   → SETUP {...}
 * PRESS &lt;rate per second&gt; &lt;timeout ms&gt;                    → PRESSED {...}
 * QUIT
 * </pre>
 */
public final class LoadClientMain {
    private LoadClientMain() {
    }

    public static void main(String[] args) throws Exception {
        InetSocketAddress runtime = new InetSocketAddress(args[0], Integer.parseInt(args[1]));
        if (!runtime.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("the load switch only connects to loopback addresses, not " + runtime);
        }
        try (LoadSwitch loadSwitch = new LoadSwitch(runtime);
             BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            System.out.println("ready, " + OutboundLoadHarness.openFilesLimit());
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] words = line.strip().split(" ");
                switch (words[0]) {
                    case "OPEN" -> {
                        var result = loadSwitch.open(Integer.parseInt(words[1]), Integer.parseInt(words[2]),
                                Integer.parseInt(words[3]), Duration.ofMillis(Long.parseLong(words[4])));
                        System.out.println("SETUP " + SwitchDriver.JSON.writeValueAsString(result));
                    }
                    case "PRESS" -> {
                        var result = loadSwitch.press(Double.parseDouble(words[1]),
                                Duration.ofMillis(Long.parseLong(words[2])));
                        System.out.println("PRESSED " + SwitchDriver.JSON.writeValueAsString(result));
                    }
                    case "QUIT" -> {
                        return;
                    }
                    default -> System.out.println("unknown command: " + line);
                }
                System.out.flush();
            }
        } finally {
            System.exit(0); // virtual threads of calls still open must not keep the process
        }
    }
}
