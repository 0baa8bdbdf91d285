package dev.ivrflow.benchmarks.load;

import dev.ivrflow.benchmarks.load.LoadSwitch.PressResult;
import dev.ivrflow.benchmarks.load.LoadSwitch.SetupResult;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs the load switch for the harness: in this JVM (small runs, the smoke test), or in a child JVM, which is what
 * a real switch is (another process) and what a big run needs: each process then holds one socket per call, not two,
 * and the heap measured is the runtime's alone.
 */
interface SwitchDriver extends AutoCloseable {
    ObjectMapper JSON = JsonMapper.builder().build();

    SetupResult open(int n, int round, int concurrency, Duration timeout) throws Exception;

    PressResult press(double rate, Duration timeout) throws Exception;

    String describe();

    @Override
    void close();

    static SwitchDriver inProcess(InetSocketAddress runtime) {
        return new InProcess(runtime);
    }

    static SwitchDriver childProcess(InetSocketAddress runtime, List<String> jvmArgs, PrintStream log) throws IOException {
        return new ChildProcess(runtime, jvmArgs, log);
    }

    final class InProcess implements SwitchDriver {
        private final LoadSwitch loadSwitch;

        InProcess(InetSocketAddress runtime) {
            loadSwitch = new LoadSwitch(runtime);
        }

        @Override
        public SetupResult open(int n, int round, int concurrency, Duration timeout) throws InterruptedException {
            return loadSwitch.open(n, round, concurrency, timeout);
        }

        @Override
        public PressResult press(double rate, Duration timeout) throws InterruptedException {
            return loadSwitch.press(rate, timeout);
        }

        @Override
        public String describe() {
            return "in this JVM (its heap and sockets count with the runtime's)";
        }

        @Override
        public void close() {
            loadSwitch.close();
        }
    }

    /** {@link LoadClientMain} in a child JVM, driven by lines on its stdin and answering on its stdout. */
    final class ChildProcess implements SwitchDriver {
        private final Process process;
        private final Writer commands;
        private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
        private final String description;

        ChildProcess(InetSocketAddress runtime, List<String> jvmArgs, PrintStream log) throws IOException {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmArgs);
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(LoadClientMain.class.getName());
            command.add(runtime.getHostString());
            command.add(Integer.toString(runtime.getPort()));
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            commands = process.outputWriter(StandardCharsets.UTF_8);
            Thread.ofPlatform().daemon().name("load-switch-stdout").start(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        if (line.startsWith("SETUP ") || line.startsWith("PRESSED ")) {
                            answers.add(line);
                        } else {
                            log.println("  [switch] " + line);
                        }
                    }
                } catch (IOException e) {
                    // the child ended
                } finally {
                    answers.add("EOF");
                }
            });
            description = "in a child JVM, pid " + process.pid() + ", flags " + String.join(" ", jvmArgs);
        }

        @Override
        public SetupResult open(int n, int round, int concurrency, Duration timeout) throws Exception {
            String answer = ask("OPEN " + n + " " + round + " " + concurrency + " " + timeout.toMillis(), "SETUP ", timeout);
            return JSON.readValue(answer, SetupResult.class);
        }

        @Override
        public PressResult press(double rate, Duration timeout) throws Exception {
            String answer = ask("PRESS " + rate + " " + timeout.toMillis(), "PRESSED ", timeout);
            return JSON.readValue(answer, PressResult.class);
        }

        private String ask(String line, String prefix, Duration timeout) throws Exception {
            commands.write(line + "\n");
            commands.flush();
            String answer = answers.poll(timeout.toMillis() + 30_000, TimeUnit.MILLISECONDS);
            if (answer == null || !answer.startsWith(prefix)) {
                throw new IllegalStateException("the load switch did not answer '" + line + "' (got " + answer + ")");
            }
            return answer.substring(prefix.length());
        }

        @Override
        public String describe() {
            return description;
        }

        @Override
        public void close() {
            try {
                commands.write("QUIT\n");
                commands.flush();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (IOException | InterruptedException e) {
                process.destroyForcibly();
            }
        }
    }
}
