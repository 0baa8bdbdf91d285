package dev.ivrflow.flow.workspace;

import dev.ivrflow.flow.FlowToolkit;
import dev.ivrflow.flow.json.FlowReader;
import dev.ivrflow.flow.json.ReadResult;
import dev.ivrflow.flow.model.Flow;
import dev.ivrflow.flow.port.FlowResolver;
import dev.ivrflow.flow.runtime.CompiledFlow;
import dev.ivrflow.flow.validate.FlowCatalog;
import dev.ivrflow.flow.validate.ValidationOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The flow files under some folders, as a developer keeps them in git: {@code <id>.flow.json}, tests in
 * {@code <id>.test.json}, environments in {@code <name>.env.json}. Locally a flow file stands in for every
 * published version of its id, so subflows resolve without a server.
 */
public final class FlowWorkspace {
    public static final String FLOW_SUFFIX = ".flow.json";
    public static final String TEST_SUFFIX = ".test.json";
    public static final String ENV_SUFFIX = ".env.json";

    private final List<FlowFile> files;
    private final Map<String, Flow> byId = new LinkedHashMap<>();

    private FlowWorkspace(List<FlowFile> files) {
        this.files = List.copyOf(files);
        for (FlowFile f : files) if (f.readable()) byId.putIfAbsent(f.flow().id(), f.flow());
    }

    /** Reads every flow file under the given files or folders (folders recursively). */
    public static FlowWorkspace load(FlowReader reader, List<Path> roots) {
        List<FlowFile> files = new ArrayList<>();
        for (Path p : expand(roots, FLOW_SUFFIX)) {
            ReadResult<Flow> r = reader.read(p);
            files.add(new FlowFile(p, r.asOptional().orElse(null), r.errors()));
        }
        return new FlowWorkspace(files);
    }

    /** The files with this suffix among the given paths: files as given, folders searched recursively, sorted. */
    public static List<Path> expand(List<Path> roots, String suffix) {
        List<Path> out = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(suffix))
                            .sorted().forEach(out::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else if (root.getFileName().toString().endsWith(suffix)) {
                out.add(root);
            }
        }
        return Collections.unmodifiableList(out);
    }

    public List<FlowFile> files() {
        return files;
    }

    public Optional<Flow> flow(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * Subflows for simulations of this workspace's flows: each file stands in for every version of its id, and
     * compiles on first use with these options. Thread-safe.
     */
    public FlowResolver resolver(FlowToolkit toolkit, ValidationOptions options) {
        Map<String, Optional<CompiledFlow>> compiled = new java.util.concurrent.ConcurrentHashMap<>();
        return (flowId, version) -> compiled.computeIfAbsent(flowId, id -> flow(id)
                .flatMap(f -> toolkit.compile(f, version, options).compiled()));
    }

    /** Every version of a flow id resolves to its file. */
    public FlowCatalog catalog() {
        return new FlowCatalog() {
            @Override
            public boolean exists(String flowId, Integer version) {
                return flowId != null && byId.containsKey(flowId);
            }

            @Override
            public Optional<Flow> find(String flowId, Integer version) {
                return Optional.ofNullable(flowId == null ? null : byId.get(flowId));
            }
        };
    }
}
