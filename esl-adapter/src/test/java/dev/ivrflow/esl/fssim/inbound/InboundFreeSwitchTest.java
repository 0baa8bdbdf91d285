package dev.ivrflow.esl.fssim.inbound;

import dev.ivrflow.esl.codec.EslContentType;
import dev.ivrflow.esl.codec.EslEventReader;
import dev.ivrflow.esl.codec.EslFrame;
import dev.ivrflow.esl.codec.EslMessage;
import dev.ivrflow.esl.codec.EslParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

import static org.assertj.core.api.Assertions.assertThat;

/** What the simulator does beyond the captures: FreeSWITCH's source gives the frames, these tests pin them. */
class InboundFreeSwitchTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String DISCONNECT = "Content-Type: text/disconnect-notice\nContent-Length: 67\n\n"
            + "Disconnected, goodbye.\nSee you at ClueCon! http://www.cluecon.com/\n";

    private final InboundFreeSwitch fs = InboundFreeSwitch.start(InboundFreeSwitch.STOCK_PASSWORD);

    @AfterEach
    void stop() {
        fs.close();
    }

    @Test
    void shouldAnswerAWrongPasswordWithErrInvalidThenSayGoodbyeAndClose() throws IOException {
        try (Client client = new Client(fs)) {
            // when
            client.send("auth guess\n\n");

            // then
            assertThat(client.readAll()).isEqualTo("Content-Type: auth/request\n\n"
                    + "Content-Type: command/reply\nReply-Text: -ERR invalid\n\n" + DISCONNECT);
        }
    }

    @Test
    void shouldRejectByAclLikeFreeSwitchBeforeAskingForAuth() throws IOException {
        // given
        fs.rudeRejection(true);

        try (Client client = new Client(fs)) {
            // then
            assertThat(client.readAll()).isEqualTo("Content-Type: text/rude-rejection\nContent-Length: 24\n\n"
                    + "Access Denied, go away.\n" + DISCONNECT);
        }
    }

    @Test
    void shouldSendTheBackgroundJobBeforeTheReplyWhenToldToAndKeepTheClientsJobUuid() throws IOException {
        // given
        fs.backgroundJobTiming(BackgroundJobTiming.BEFORE_REPLY).onApi("originate", "+OK abc\n");

        try (Client client = new Client(fs)) {
            client.authenticate();
            client.send("event plain BACKGROUND_JOB\n\n");
            assertThat(client.next().replyText()).contains("+OK event listener enabled plain");

            // when
            client.send("bgapi originate loopback/1 &park()\nJob-UUID: my-job\n\n");

            // then
            EslMessage first = client.next();
            EslMessage second = client.next();
            assertThat(first.contentType()).isEqualTo(EslContentType.EVENT_PLAIN);
            assertThat(EslEventReader.read(first).asOptional().orElseThrow().jobUuid()).contains("my-job");
            assertThat(second.replyText()).contains("+OK Job-UUID: my-job");
            assertThat(second.jobUuid()).contains("my-job");
        }
    }

    @Test
    void shouldFanAnEventOutToEveryListenerInItsOwnFormat() throws IOException {
        try (Client plain = new Client(fs); Client json = new Client(fs)) {
            // given
            plain.authenticate();
            json.authenticate();
            plain.send("event plain DTMF\n\n");
            json.send("event json ALL\n\n");
            plain.next();
            json.next();

            // when
            fs.emit(CapturedEvents.dtmf("call-1", "4"));

            // then
            assertThat(plain.next().contentType()).isEqualTo(EslContentType.EVENT_PLAIN);
            EslMessage asJson = json.next();
            assertThat(asJson.contentType()).isEqualTo(EslContentType.EVENT_JSON);
            assertThat(EslEventReader.read(asJson).asOptional().orElseThrow().dtmfDigit()).contains("4");
        }
    }

    @Test
    void shouldCloseTheNextConnectionsAsSoonAsTheyAreAccepted() throws IOException {
        // given
        fs.dropNextConnections(1);

        try (Client dropped = new Client(fs)) {
            assertThat(dropped.readAll()).isEmpty();
        } catch (IOException reset) {
            // a reset is what a dropped connection may look like too
        }
        try (Client next = new Client(fs)) {
            next.authenticate();
        }
        assertThat(fs.connections()).hasSize(2);
    }

    @Test
    void shouldAnswerNoEventsAndFiltersWithFreeSwitchsTexts() throws IOException {
        try (Client client = new Client(fs)) {
            client.authenticate();

            client.send("noevents\n\n");
            assertThat(client.next().replyText()).contains("-ERR not listening for events");
            client.send("event json CHANNEL_ANSWER\n\n");
            client.next();
            client.send("filter Unique-ID abc\n\n");
            assertThat(client.next().replyText()).contains("+OK filter added. [Unique-ID]=[abc]");
            client.send("filter delete Unique-ID abc\n\n");
            assertThat(client.next().replyText()).contains("+OK filter deleted. [Unique-ID][abc]");
            client.send("noevents\n\n");
            assertThat(client.next().replyText()).contains("+OK no longer listening for events");
        }
    }

    /** A bare client on a socket, reading frames with the codec's parser. */
    private static final class Client implements AutoCloseable {
        private final Socket socket;
        private final InputStream in;
        private final EslParser parser = new EslParser();
        private final Deque<EslMessage> frames = new ArrayDeque<>();

        Client(InboundFreeSwitch fs) throws IOException {
            socket = new Socket(fs.host(), fs.port());
            socket.setSoTimeout((int) WAIT.toMillis());
            in = socket.getInputStream();
        }

        void send(String text) throws IOException {
            socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        }

        void authenticate() throws IOException {
            assertThat(next().contentType()).isEqualTo(EslContentType.AUTH_REQUEST);
            send("auth " + InboundFreeSwitch.STOCK_PASSWORD + "\n\n");
            assertThat(next().replyText()).contains("+OK accepted");
        }

        EslMessage next() throws IOException {
            while (frames.isEmpty()) {
                byte[] buffer = new byte[8192];
                int read = in.read(buffer);
                if (read < 0) {
                    throw new AssertionError("the simulator closed the connection");
                }
                for (EslFrame frame : parser.feed(buffer, 0, read)) {
                    frames.add((EslMessage) frame);
                }
            }
            return frames.poll();
        }

        String readAll() throws IOException {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            return all.toString(StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
