package dev.ivrflow.app.cli;

import dev.ivrflow.flow.workspace.FlowWorkspace;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Deploying flows from git: {@code flow import} sends every {@code *.flow.json} under some folders to a running
 * server as one zip (all checked before any is saved; with {@code --publish}, published too), and
 * {@code flow export} writes the server's flows into a folder, byte for byte as saved. Authenticates with an API
 * token ({@code --token} or {@code IVR_TOKEN}); the server is {@code --server} or {@code IVR_SERVER}.
 */
public final class RemoteFlows {
    static final String USAGE = """
            usage: flow import [--server URL] [--token TOKEN] [--publish --comment TEXT] <folders or files>...
                   flow export [--server URL] [--token TOKEN] [--published] <folder>
              the server defaults to $IVR_SERVER or http://127.0.0.1:8080, the token to $IVR_TOKEN
              import needs an editor token (a publisher token with --publish); export a viewer token""";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public RemoteFlows(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    public static boolean handles(String command) {
        return command.equals("import") || command.equals("export");
    }

    public int run(String... args) {
        Options o = Options.parse(args, env);
        if (o.problem != null) return usage(o.problem);
        try {
            return args[0].equals("import") ? importFlows(o) : exportFlows(o);
        } catch (IOException e) {
            err.println("flow " + args[0] + ": cannot reach " + o.server + ": " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private int importFlows(Options o) throws IOException, InterruptedException {
        List<Path> files = FlowWorkspace.expand(o.paths, FlowWorkspace.FLOW_SUFFIX);
        if (files.isEmpty()) return usage("no *" + FlowWorkspace.FLOW_SUFFIX + " files in " + o.paths);
        String query = o.publish ? "?publish=true&comment=" + URLEncoder.encode(o.comment, StandardCharsets.UTF_8) : "";
        HttpRequest request = request(o, "/api/import/zip" + query)
                .header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(zip(files))).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) return refused(response);
        JsonNode body = JSON.readTree(response.body());
        int count = 0;
        for (JsonNode f : body.path("flows")) {
            count++;
            JsonNode published = f.path("published");
            String version = published.isObject() ? published.path("version").asString("?")
                    : published.isMissingNode() || published.isNull() || published.isBoolean() ? null : published.asString();
            out.println(f.path("file").asString() + ": " + f.path("status").asString()
                    + (version == null ? "" : ", published as version " + version));
        }
        out.println(count + " flows imported into " + o.server);
        return 0;
    }

    private int exportFlows(Options o) throws IOException, InterruptedException {
        if (o.paths.size() != 1) return usage("export writes into exactly one folder");
        Path folder = o.paths.getFirst();
        HttpRequest request = request(o, "/api/export" + (o.published ? "?published=true" : "")).GET().build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() / 100 != 2) {
            return refused(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        }
        Files.createDirectories(folder);
        int count = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(response.body()))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                String name = e.getName();
                // Only plain <id>.flow.json names: an archive must never write outside the folder.
                if (e.isDirectory() || !name.matches("[a-z0-9][a-z0-9-]{0,63}\\.flow\\.json")) continue;
                Files.write(folder.resolve(name), zip.readAllBytes());
                out.println("exported: " + folder.resolve(name));
                count++;
            }
        }
        out.println(count + " flows exported from " + o.server);
        return 0;
    }

    private HttpRequest.Builder request(Options o, String path) {
        return HttpRequest.newBuilder(URI.create(o.server + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + o.token);
    }

    private static byte[] zip(List<Path> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Path f : files) {
                zip.putNextEntry(new ZipEntry(f.getFileName().toString()));
                zip.write(Files.readAllBytes(f));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private int refused(HttpResponse<String> response) {
        return refused(response.statusCode(), response.body());
    }

    /** The server's problem+json, printed with every pointer it names. */
    private int refused(int status, String body) {
        err.println("the server refused (" + status + ")" + (status == 401 ? ": check the token" : ""));
        try {
            JsonNode problem = JSON.readTree(body);
            if (problem.has("detail")) err.println("  " + problem.get("detail").asString());
            for (JsonNode e : problem.path("errors")) {
                err.println("  " + e.path("pointer").asString("") + ": " + e.path("message").asString(""));
            }
            for (JsonNode i : problem.path("issues")) {
                err.println("  " + i.path("pointer").asString("") + ": " + i.path("code").asString("") + ": "
                        + i.path("message").asString(""));
            }
        } catch (RuntimeException notJson) {
            if (!body.isBlank()) err.println("  " + body.lines().findFirst().orElse(""));
        }
        return 1;
    }

    private int usage(String problem) {
        err.println("flow: " + problem);
        err.println(USAGE);
        return 2;
    }

    /** The command line's options, or the problem with them. */
    private record Options(String server, String token, boolean publish, String comment, boolean published,
                           List<Path> paths, String problem) {

        static Options parse(String[] args, Map<String, String> env) {
            String server = env.getOrDefault("IVR_SERVER", "http://127.0.0.1:8080");
            String token = env.get("IVR_TOKEN");
            boolean publish = false;
            boolean published = false;
            String comment = null;
            List<Path> paths = new ArrayList<>();
            for (int i = 1; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--server", "--token", "--comment" -> {
                        if (i + 1 >= args.length) return problem(a + " needs a value");
                        String v = args[++i];
                        if (a.equals("--server")) server = v;
                        else if (a.equals("--token")) token = v;
                        else comment = v;
                    }
                    case "--publish" -> publish = true;
                    case "--published" -> published = true;
                    default -> {
                        if (a.startsWith("--")) return problem("unknown option " + a);
                        paths.add(Path.of(a));
                    }
                }
            }
            if (token == null || token.isBlank()) return problem("no API token: pass --token or set IVR_TOKEN");
            if (publish && (comment == null || comment.isBlank())) return problem("--publish needs a --comment");
            if (paths.isEmpty()) return problem("no files or folders given");
            server = server.endsWith("/") ? server.substring(0, server.length() - 1) : server;
            return new Options(server, token, publish, comment, published, List.copyOf(paths), null);
        }

        private static Options problem(String why) {
            return new Options(null, null, false, null, false, List.of(), why);
        }
    }
}
