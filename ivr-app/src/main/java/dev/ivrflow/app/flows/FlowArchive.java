package dev.ivrflow.app.flows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Zip archives of flow files ({@code <id>.flow.json}), as a developer would zip the flows folder of a git
 * repository. Reading is defensive, since an upload may be hostile: the number of entries, each entry's size and
 * the total uncompressed size are limited (counted while inflating, not taken from the headers, so a zip bomb
 * stops early), and names that could escape a folder ({@code ..}, absolute paths, backslashes, drive letters) are
 * refused. Files that are not flow files (tests, environments, a README) are skipped and listed. Writing is
 * deterministic: entries sorted by name with a fixed timestamp, so the same flows always give the same bytes.
 *
 * <p>Pure: works on bytes in memory, no files.
 */
public final class FlowArchive {
    public static final String SUFFIX = ".flow.json";
    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    private FlowArchive() {
    }

    /**
     * @param maxEntries    how many entries (of any kind, folders included) an archive may hold
     * @param maxEntryBytes how large one flow file may be once inflated
     * @param maxTotalBytes how large all files together may be once inflated
     */
    public record Limits(int maxEntries, long maxEntryBytes, long maxTotalBytes) {
        public static final Limits DEFAULT = new Limits(1_000, 5L * 1024 * 1024, 64L * 1024 * 1024);
    }

    /** A flow file: its name in the archive, and its content. */
    public record Entry(String name, byte[] content) {
        /** The file name without folders: {@code flows/main-line.flow.json} gives {@code main-line.flow.json}. */
        public String fileName() {
            return name.substring(name.lastIndexOf('/') + 1);
        }

        /** The flow id the file name promises ({@code main-line} for {@code main-line.flow.json}). */
        public String idFromName() {
            String f = fileName();
            return f.substring(0, f.length() - SUFFIX.length());
        }
    }

    /** Something wrong with the archive itself or one of its entries ({@code entry} null for the archive). */
    public record Problem(String entry, String message) {
    }

    /** An archive read: its flow files and the names it skipped, or what was wrong with it. */
    public record Contents(List<Entry> flows, List<String> skipped, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    public static Contents read(byte[] zip, Limits limits) {
        List<Entry> flows = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        if (!looksLikeZip(zip)) {
            problems.add(new Problem(null, "not a zip archive (it does not start with a zip header)"));
            return new Contents(flows, skipped, problems);
        }
        Set<String> fileNames = new HashSet<>();
        long total = 0;
        int count = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (++count > limits.maxEntries()) {
                    problems.add(new Problem(null, "the archive holds more than " + limits.maxEntries() + " entries"));
                    break;
                }
                String name = e.getName();
                if (e.isDirectory() && unsafe(name) == null) continue;
                // Every entry is inflated through the same counter, the ones skipped too: the total limit
                // bounds the work, whatever the headers claim.
                boolean flowFile = name.endsWith(SUFFIX) && !name.startsWith("__MACOSX/") && !fileName(name).startsWith(".");
                long leftInTotal = limits.maxTotalBytes() - total;
                byte[] content = readAtMost(in, flowFile ? Math.min(limits.maxEntryBytes(), leftInTotal) : leftInTotal);
                if (content == null) {
                    // Stop at once: going on to the next entry would inflate the rest of this one.
                    problems.add(!flowFile || leftInTotal < limits.maxEntryBytes()
                            ? new Problem(null, "the archive's files are larger than " + limits.maxTotalBytes()
                                    + " bytes in total once uncompressed")
                            : new Problem(name, "the file is larger than " + limits.maxEntryBytes()
                                    + " bytes once uncompressed"));
                    break;
                }
                total += content.length;
                String unsafe = unsafe(name);
                if (unsafe != null) {
                    problems.add(new Problem(name, "unsafe entry name: " + unsafe));
                    continue;
                }
                if (!flowFile) {
                    skipped.add(name);
                    continue;
                }
                if (!fileNames.add(fileName(name))) {
                    problems.add(new Problem(name, "another entry is also named " + fileName(name)));
                    continue;
                }
                flows.add(new Entry(name, content));
            }
        } catch (IOException | IllegalArgumentException e) {
            // ZipException for corrupt data; IllegalArgumentException for a name that is not valid UTF-8.
            problems.add(new Problem(null, "not a readable zip archive: " + e.getMessage()));
        }
        if (problems.isEmpty() && flows.isEmpty()) {
            problems.add(new Problem(null, "the archive holds no *" + SUFFIX + " files"));
        }
        return new Contents(List.copyOf(flows), List.copyOf(skipped), List.copyOf(problems));
    }

    /** A zip of these files (name to content), sorted by name, with a fixed timestamp. */
    public static byte[] write(SortedMap<String, byte[]> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                ZipEntry e = new ZipEntry(f.getKey());
                e.setTimeLocal(FIXED_TIME);
                out.putNextEntry(e);
                out.write(f.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static boolean looksLikeZip(byte[] zip) {
        // A local file header (PK\3\4), or the end record of an empty archive (PK\5\6).
        return zip.length >= 4 && zip[0] == 'P' && zip[1] == 'K'
                && ((zip[2] == 3 && zip[3] == 4) || (zip[2] == 5 && zip[3] == 6));
    }

    /** Why a name could write outside a folder if someone unzipped it, or null when it is safe. */
    static String unsafe(String name) {
        if (name.isEmpty()) return "it is empty";
        if (name.indexOf('\0') >= 0) return "it contains a NUL character";
        if (name.indexOf('\\') >= 0) return "it contains a backslash";
        if (name.startsWith("/")) return "it is an absolute path";
        if (name.length() >= 2 && name.charAt(1) == ':') return "it starts with a drive letter";
        for (String segment : name.split("/", -1)) {
            if (segment.equals("..")) return "it goes up a folder (..)";
        }
        return null;
    }

    private static String fileName(String name) {
        return name.substring(name.lastIndexOf('/') + 1);
    }

    /** The stream's rest, or null when it is longer than {@code max} bytes. */
    private static byte[] readAtMost(InputStream in, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long read = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            read += n;
            if (read > max) return null;
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
