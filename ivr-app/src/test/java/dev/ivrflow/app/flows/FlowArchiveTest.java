package dev.ivrflow.app.flows;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class FlowArchiveTest {
    private static final FlowArchive.Limits SMALL = new FlowArchive.Limits(10, 1_000, 3_000);

    private static byte[] zip(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (var f : files.entrySet()) {
                out.putNextEntry(new ZipEntry(f.getKey()));
                out.write(f.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldReadFlowFilesInFoldersAndSkipTheRest() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("flows/", new byte[0]);
        files.put("flows/main-line.flow.json", text("{\"id\":\"main-line\"}"));
        files.put("flows/main-line.test.json", text("{}"));
        files.put("README.md", text("hi"));
        files.put("__MACOSX/flows/._main-line.flow.json", text("x"));

        FlowArchive.Contents c = FlowArchive.read(zip(files), SMALL);

        assertThat(c.problems()).isEmpty();
        assertThat(c.flows()).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo("flows/main-line.flow.json");
            assertThat(e.idFromName()).isEqualTo("main-line");
            assertThat(new String(e.content(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"main-line\"}");
        });
        assertThat(c.skipped()).containsExactly("flows/main-line.test.json", "README.md", "__MACOSX/flows/._main-line.flow.json");
    }

    @Test
    void shouldRefuseNamesThatEscapeTheFolder() throws IOException {
        for (String name : new String[]{"../evil.flow.json", "a/../../evil.flow.json", "/etc/evil.flow.json",
                "C:/evil.flow.json", "a\\..\\evil.flow.json"}) {
            FlowArchive.Contents c = FlowArchive.read(zip(Map.of(name, text("{}"))), SMALL);
            assertThat(c.ok()).as(name).isFalse();
            assertThat(c.problems()).as(name).singleElement().satisfies(p -> {
                assertThat(p.entry()).isEqualTo(name);
                assertThat(p.message()).startsWith("unsafe entry name");
            });
        }
    }

    @Test
    void shouldStopAtTooManyEntries() throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        for (int i = 0; i < 11; i++) files.put("f" + i + ".flow.json", text("{}"));

        FlowArchive.Contents c = FlowArchive.read(zip(files), SMALL);

        assertThat(c.problems()).extracting(FlowArchive.Problem::message).containsExactly("the archive holds more than 10 entries");
    }

    @Test
    void shouldStopAtAFileTooLargeOnceInflatedWhateverItsCompressedSize() throws IOException {
        byte[] zeros = new byte[1_001];
        byte[] zip = zip(Map.of("bomb.flow.json", zeros));
        assertThat(zip.length).isLessThan(300);

        FlowArchive.Contents c = FlowArchive.read(zip, SMALL);

        assertThat(c.problems()).singleElement().satisfies(p -> {
            assertThat(p.entry()).isEqualTo("bomb.flow.json");
            assertThat(p.message()).contains("larger than 1000 bytes");
        });
    }

    @Test
    void shouldStopAtTooManyBytesInAll() throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        for (int i = 0; i < 4; i++) files.put("f" + i + ".flow.json", new byte[900]);
        files.put("notes.txt", new byte[900]);

        FlowArchive.Contents c = FlowArchive.read(zip(files), SMALL);

        assertThat(c.problems()).extracting(FlowArchive.Problem::message)
                .containsExactly("the archive's files are larger than 3000 bytes in total once uncompressed");
    }

    @Test
    void shouldRefuseWhatIsNotAZipOrHoldsNoFlows() throws IOException {
        assertThat(FlowArchive.read(text("{\"id\": \"x\"}"), SMALL).problems()).extracting(FlowArchive.Problem::message)
                .containsExactly("not a zip archive (it does not start with a zip header)");
        assertThat(FlowArchive.read(zip(Map.of("README.md", text("x"))), SMALL).problems())
                .extracting(FlowArchive.Problem::message).containsExactly("the archive holds no *.flow.json files");
        byte[] truncated = Arrays.copyOf(zip(Map.of("a.flow.json", new byte[500])), 40);
        assertThat(FlowArchive.read(truncated, SMALL).ok()).isFalse();
    }

    @Test
    void shouldRefuseTwoFilesWithTheSameName() throws IOException {
        FlowArchive.Contents c = FlowArchive.read(zip(Map.of("a/x.flow.json", text("{}"), "b/x.flow.json", text("{}"))), SMALL);

        assertThat(c.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("also named x.flow.json"));
    }

    @Test
    void shouldWriteTheSameBytesForTheSameFiles() {
        TreeMap<String, byte[]> files = new TreeMap<>(Map.of("b.flow.json", text("{}\n"), "a.flow.json", text("[]\n")));

        byte[] once = FlowArchive.write(files);
        byte[] again = FlowArchive.write(new TreeMap<>(files));

        assertThat(once).isEqualTo(again);
        FlowArchive.Contents read = FlowArchive.read(once, SMALL);
        assertThat(read.flows()).extracting(FlowArchive.Entry::name).containsExactly("a.flow.json", "b.flow.json");
    }
}
