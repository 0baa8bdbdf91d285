package dev.ivrflow.app.journal;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JournalSpoolTest {
    @TempDir
    Path dir;

    private static Document event(int n) {
        return new Document("_id", JournalDocuments.id("call", n)).append("callId", "call").append("seq", (long) n)
                .append("at", new Date(1_000L * n)).append("detail", new Document("lengthMs", 5_000L)
                        .append("confidence", 0.8).append("text", "line\nbreak \"quoted\" ünïcode"));
    }

    private static List<Long> seqs(List<Document> docs) {
        return docs.stream().map(d -> d.getLong("seq")).toList();
    }

    @Test
    void shouldReplayInOrderWhileNewEventsGoToAFreshFile() throws Exception {
        JournalSpool spool = new JournalSpool(dir);
        spool.append(List.of(event(0), event(1), event(2)), true);

        List<Document> first = spool.next(2);
        spool.append(List.of(event(3)), true);                  // arrives while the replay runs
        spool.replayed(first.size());
        List<Document> second = spool.next(2);
        spool.replayed(second.size());
        List<Document> third = spool.next(2);
        spool.replayed(third.size());

        assertThat(seqs(first)).containsExactly(0L, 1L);
        assertThat(seqs(second)).containsExactly(2L);
        assertThat(seqs(third)).containsExactly(3L);
        assertThat(spool.next(2)).isEmpty();
        assertThat(spool.pending()).isZero();
        assertThat(dir.resolve("spool.jsonl")).doesNotExist();
        assertThat(dir.resolve("replaying.jsonl")).doesNotExist();
    }

    @Test
    void shouldKeepEveryBsonTypeAcrossTheRoundTrip() throws Exception {
        JournalSpool spool = new JournalSpool(dir);
        spool.append(List.of(event(7)), true);

        Document back = spool.next(10).getFirst();

        assertThat(back).isEqualTo(event(7));
        assertThat(back.get("detail", Document.class).get("lengthMs")).isInstanceOf(Long.class);
    }

    @Test
    void shouldCountWhatAPreviousRunLeftAndSetAsideATornLastLine() throws Exception {
        JournalSpool before = new JournalSpool(dir);
        before.append(List.of(event(0), event(1)), true);
        before.close();
        // A crash in the middle of a write leaves half a line.
        Files.writeString(dir.resolve("spool.jsonl"), "{\"_id\": \"call/000", StandardOpenOption.APPEND);

        JournalSpool after = new JournalSpool(dir);
        assertThat(after.pending()).isEqualTo(3);
        after.append(List.of(event(2)), true);                   // starts on a line of its own

        List<Document> replayed = new ArrayList<>();
        for (List<Document> chunk = after.next(10); !chunk.isEmpty(); chunk = after.next(10)) {
            replayed.addAll(chunk);
            after.replayed(chunk.size());
        }
        assertThat(seqs(replayed)).containsExactly(0L, 1L, 2L);
        assertThat(after.pending()).isZero();
        assertThat(Files.readString(dir.resolve("rejected.jsonl"), StandardCharsets.UTF_8)).startsWith("{\"_id\": \"call/000");
    }
}
