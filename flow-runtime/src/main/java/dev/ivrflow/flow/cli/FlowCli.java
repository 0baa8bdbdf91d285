package dev.ivrflow.flow.cli;

import dev.ivrflow.flow.FlowToolkit;
import dev.ivrflow.flow.flowtest.FlowTestRunner;
import dev.ivrflow.flow.flowtest.ScenarioResult;
import dev.ivrflow.flow.flowtest.SuiteResult;
import dev.ivrflow.flow.json.DocumentError;
import dev.ivrflow.flow.json.EnvironmentReader;
import dev.ivrflow.flow.json.ReadResult;
import dev.ivrflow.flow.model.Environment;
import dev.ivrflow.flow.model.Flow;
import dev.ivrflow.flow.schema.FlowSchema;
import dev.ivrflow.flow.validate.ValidationIssue;
import dev.ivrflow.flow.validate.ValidationOptions;
import dev.ivrflow.flow.validate.ValidationReport;
import dev.ivrflow.flow.workspace.FlowFile;
import dev.ivrflow.flow.workspace.FlowWorkspace;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The flow command line: {@code validate}, {@code test}, {@code fmt} and {@code schema}. Exit codes: 0 when all is
 * well, 1 when a flow has errors, a test fails or a file is not canonical, 2 for a usage error.
 */
public final class FlowCli {
    static final String USAGE = """
            usage: flow <command> [options] <files or folders>...
              validate [--json] [--env FILE.env.json]   check flows; exit 1 on any error
              test [--json]                             run every *.test.json; exit 1 on any failure
              fmt [--check]                             rewrite flows canonically; --check only lists the others
              schema                                    print the flow document's JSON Schema
            flow files are <id>.flow.json, tests <id>.test.json, environments <name>.env.json""";
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final FlowToolkit toolkit;
    private final PrintStream out;
    private final PrintStream err;

    public FlowCli(FlowToolkit toolkit, PrintStream out, PrintStream err) {
        this.toolkit = toolkit;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new FlowCli(new FlowToolkit(), System.out, System.err).run(args));
    }

    public int run(String... args) {
        if (args.length == 0) return usage("no command given");
        List<String> rest = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
        boolean json = rest.remove("--json");
        return switch (args[0]) {
            case "validate" -> validate(rest, json);
            case "test" -> test(rest, json);
            case "fmt" -> fmt(rest);
            case "schema" -> {
                out.println(FlowSchema.json());
                yield 0;
            }
            case "help", "--help", "-h" -> {
                out.println(USAGE);
                yield 0;
            }
            default -> usage("unknown command '" + args[0] + "'");
        };
    }

    private int validate(List<String> args, boolean json) {
        Environment env = Environment.PASS_THROUGH;
        int envAt = args.indexOf("--env");
        if (envAt >= 0) {
            if (envAt + 1 >= args.size()) return usage("--env needs a file");
            Path envFile = Path.of(args.remove(envAt + 1));
            args.remove(envAt);
            ReadResult<Environment> read = new EnvironmentReader().read(envFile);
            if (!read.isValid()) {
                read.errors().forEach(e -> err.println(envFile + ": " + pointerOf(e) + ": " + e.message()));
                return 1;
            }
            env = read.asOptional().orElseThrow();
        }
        List<Path> paths = paths(args);
        if (paths == null) return 2;
        FlowWorkspace workspace = FlowWorkspace.load(toolkit.reader(), paths);
        if (workspace.files().isEmpty()) return usage("no *" + FlowWorkspace.FLOW_SUFFIX + " files in " + paths);
        ValidationOptions options = new ValidationOptions(workspace.catalog(), env);
        boolean anyError = false;
        List<Map<String, Object>> report = new ArrayList<>();
        for (FlowFile f : workspace.files()) {
            ValidationReport r = f.readable() ? toolkit.validate(f.flow(), options) : new ValidationReport(List.of());
            boolean bad = !f.errors().isEmpty() || r.hasErrors();
            anyError |= bad;
            if (json) {
                report.add(fileReport(f, r, bad));
            } else {
                printHuman(f, r, bad);
            }
        }
        if (json) out.println(JSON.writeValueAsString(Map.of("valid", !anyError, "files", report)));
        return anyError ? 1 : 0;
    }

    private void printHuman(FlowFile f, ValidationReport r, boolean bad) {
        String summary = bad ? "INVALID" : "ok";
        int warnings = r.warnings().size();
        out.println(f.path() + ": " + summary + (warnings > 0 ? " (" + warnings + " warning" + (warnings > 1 ? "s" : "") + ")" : ""));
        for (DocumentError e : f.errors()) {
            out.println("  ERROR " + pointerOf(e) + ": " + e.message());
        }
        for (ValidationIssue i : r.issues()) {
            out.println("  " + i.severity() + " " + i.code() + " " + i.pointer()
                    + (i.nodeId() != null ? " node '" + i.nodeId() + "'" : "")
                    + (i.exit() != null ? " exit '" + i.exit() + "'" : "") + ": " + i.message());
        }
    }

    private static Map<String, Object> fileReport(FlowFile f, ValidationReport r, boolean bad) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", f.path().toString());
        m.put("flowId", f.readable() ? f.flow().id() : null);
        m.put("valid", !bad);
        m.put("documentErrors", f.errors());
        m.put("issues", r.issues());
        return m;
    }

    private int test(List<String> args, boolean json) {
        List<Path> paths = paths(args);
        if (paths == null) return 2;
        List<Path> testFiles = FlowWorkspace.expand(paths, FlowWorkspace.TEST_SUFFIX);
        if (testFiles.isEmpty()) return usage("no *" + FlowWorkspace.TEST_SUFFIX + " files in " + paths);
        List<Path> roots = new ArrayList<>(paths);
        testFiles.forEach(t -> roots.add(t.toAbsolutePath().getParent()));
        FlowWorkspace workspace = FlowWorkspace.load(toolkit.reader(), roots.stream().distinct().toList());
        FlowTestRunner runner = new FlowTestRunner(toolkit);
        int passed = 0;
        int failed = 0;
        List<Map<String, Object>> report = new ArrayList<>();
        for (Path t : testFiles) {
            SuiteResult suite = runner.run(t, workspace);
            if (!suite.errors().isEmpty()) failed++;
            for (ScenarioResult s : suite.scenarios()) {
                if (s.passed()) passed++;
                else failed++;
            }
            if (json) report.add(suiteReport(suite));
            else printSuite(suite);
        }
        if (json) {
            out.println(JSON.writeValueAsString(Map.of("passed", passed, "failed", failed, "suites", report)));
        } else {
            out.println(passed + " passed, " + failed + " failed");
        }
        return failed > 0 ? 1 : 0;
    }

    private void printSuite(SuiteResult suite) {
        out.println(suite.file() + (suite.flowId() != null ? " (" + suite.flowId() + ")" : ""));
        suite.errors().forEach(e -> out.println("  ERROR " + e));
        for (ScenarioResult s : suite.scenarios()) {
            out.println("  " + (s.passed() ? "PASS " : "FAIL ") + s.name());
            s.failures().forEach(f -> out.println("       " + f));
        }
        if (suite.coverage() != null) {
            var c = suite.coverage();
            out.println("  exits covered: " + c.taken().size() + "/" + c.wired().size()
                    + (c.complete() ? "" : "; not taken: " + String.join(", ", c.untaken())));
        }
    }

    private static Map<String, Object> suiteReport(SuiteResult suite) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", suite.file().toString());
        m.put("flowId", suite.flowId());
        m.put("passed", suite.passed());
        m.put("errors", suite.errors());
        List<Map<String, Object>> scenarios = new ArrayList<>();
        for (ScenarioResult s : suite.scenarios()) {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("name", s.name());
            sm.put("passed", s.passed());
            sm.put("failures", s.failures());
            if (s.result() != null) sm.put("path", s.result().path());
            scenarios.add(sm);
        }
        m.put("scenarios", scenarios);
        if (suite.coverage() != null) m.put("exitsNotTaken", suite.coverage().untaken());
        return m;
    }

    private int fmt(List<String> args) {
        boolean check = args.remove("--check");
        List<Path> paths = paths(args);
        if (paths == null) return 2;
        List<Path> files = FlowWorkspace.expand(paths, FlowWorkspace.FLOW_SUFFIX);
        if (files.isEmpty()) return usage("no *" + FlowWorkspace.FLOW_SUFFIX + " files in " + paths);
        int bad = 0;
        for (Path p : files) {
            try {
                byte[] before = Files.readAllBytes(p);
                ReadResult<Flow> read = toolkit.reader().read(before);
                if (!read.isValid()) {
                    bad++;
                    read.errors().forEach(e -> err.println(p + ": " + pointerOf(e) + ": " + e.message()));
                    continue;
                }
                byte[] canonical = toolkit.writer().write(read.asOptional().orElseThrow());
                if (Arrays.equals(before, canonical)) continue;
                if (check) {
                    bad++;
                    out.println("not canonical: " + p);
                } else {
                    Files.write(p, canonical);
                    out.println("formatted: " + p);
                }
            } catch (IOException e) {
                bad++;
                err.println(p + ": " + e.getMessage());
            }
        }
        if (check && bad == 0) out.println(files.size() + " flow files are canonical");
        return bad > 0 ? 1 : 0;
    }

    private List<Path> paths(List<String> args) {
        for (String a : args) {
            if (a.startsWith("--")) {
                usage("unknown option " + a);
                return null;
            }
        }
        if (args.isEmpty()) {
            usage("no files or folders given");
            return null;
        }
        List<Path> paths = new ArrayList<>();
        for (String a : args) {
            Path p = Path.of(a);
            if (!Files.exists(p)) {
                usage("no such file or folder: " + a);
                return null;
            }
            paths.add(p);
        }
        return paths;
    }

    private static String pointerOf(DocumentError e) {
        return e.pointer() == null || e.pointer().isEmpty() ? "/" : e.pointer();
    }

    private int usage(String problem) {
        err.println("flow: " + problem);
        err.println(USAGE);
        return 2;
    }
}
