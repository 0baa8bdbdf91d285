package dev.ivrflow.esl.fssim.inbound;

import dev.ivrflow.esl.codec.EslEvent;
import dev.ivrflow.esl.codec.EslEventReader;
import dev.ivrflow.esl.codec.EslFrame;
import dev.ivrflow.esl.codec.EslHeaders;
import dev.ivrflow.esl.codec.EslMessage;
import dev.ivrflow.esl.codec.EslParser;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Events exactly as FreeSWITCH 1.10.12 sent them (the first of each name in capture
 * {@code 03_inbound_events_plain_ALL_loopback}, as the plain body on the wire), used as templates by the simulator
 * and by tests: change the headers that matter and keep everything else real. {@code CapturedEventsTest} checks
 * every template against the capture, so they cannot drift.
 */
public final class CapturedEvents {
    /** The capture the templates were copied from. */
    public static final String SOURCE = "03_inbound_events_plain_ALL_loopback";

    static final String BACKGROUND_JOB_PLAIN = """
            Event-Name: BACKGROUND_JOB
            Core-UUID: 94c4fead-8ac7-427c-a5da-6eb1e12ff06a
            FreeSWITCH-Hostname: vm
            FreeSWITCH-Switchname: vm
            FreeSWITCH-IPv4: 192.0.2.9
            FreeSWITCH-IPv6: fd00%3A%3A2
            Event-Date-Local: 2026-11-22%2000%3A42%3A58
            Event-Date-GMT: Sun,%2022%20Nov%202026%2000%3A42%3A58%20GMT
            Event-Date-Timestamp: 1795308178814715
            Event-Calling-File: mod_event_socket.c
            Event-Calling-Function: api_exec
            Event-Calling-Line-Number: 1572
            Event-Sequence: 624
            Job-UUID: a2150e59-ba61-4a92-b957-7c50ccbf26bb
            Job-Command: originate
            Job-Command-Arg: %7Borigination_caller_id_number%3D5552000%7Dloopback/7001%20%26park()
            Content-Length: 41

            +OK c1a6a04a-8424-453b-a8ee-22133e812403
            """;

    static final String API_PLAIN = """
            Event-Name: API
            Core-UUID: 94c4fead-8ac7-427c-a5da-6eb1e12ff06a
            FreeSWITCH-Hostname: vm
            FreeSWITCH-Switchname: vm
            FreeSWITCH-IPv4: 192.0.2.9
            FreeSWITCH-IPv6: fd00%3A%3A2
            Event-Date-Local: 2026-11-22%2000%3A42%3A58
            Event-Date-GMT: Sun,%2022%20Nov%202026%2000%3A42%3A58%20GMT
            Event-Date-Timestamp: 1795308178814715
            Event-Calling-File: switch_loadable_module.c
            Event-Calling-Function: switch_api_execute
            Event-Calling-Line-Number: 2954
            Event-Sequence: 598
            API-Command: originate
            API-Command-Argument: %7Borigination_caller_id_number%3D5552000%7Dloopback/7001%20%26park()

            """;

    static final String CHANNEL_CREATE_PLAIN = """
            Event-Name: CHANNEL_CREATE
            Core-UUID: 94c4fead-8ac7-427c-a5da-6eb1e12ff06a
            FreeSWITCH-Hostname: vm
            FreeSWITCH-Switchname: vm
            FreeSWITCH-IPv4: 192.0.2.9
            FreeSWITCH-IPv6: fd00%3A%3A2
            Event-Date-Local: 2026-11-22%2000%3A42%3A58
            Event-Date-GMT: Sun,%2022%20Nov%202026%2000%3A42%3A58%20GMT
            Event-Date-Timestamp: 1795308178814715
            Event-Calling-File: switch_core_state_machine.c
            Event-Calling-Function: switch_core_session_run
            Event-Calling-Line-Number: 626
            Event-Sequence: 605
            Channel-State: CS_INIT
            Channel-Call-State: DOWN
            Channel-State-Number: 2
            Channel-Name: loopback/7001-a
            Unique-ID: c1a6a04a-8424-453b-a8ee-22133e812403
            Call-Direction: outbound
            Presence-Call-Direction: outbound
            Channel-HIT-Dialplan: false
            Channel-Call-UUID: c1a6a04a-8424-453b-a8ee-22133e812403
            Answer-State: ringing
            Channel-Read-Codec-Name: L16
            Channel-Read-Codec-Rate: 8000
            Channel-Read-Codec-Bit-Rate: 128000
            Channel-Write-Codec-Name: L16
            Channel-Write-Codec-Rate: 8000
            Channel-Write-Codec-Bit-Rate: 128000
            Caller-Direction: outbound
            Caller-Logical-Direction: outbound
            Caller-Dialplan: xml
            Caller-Caller-ID-Number: 5552000
            Caller-Orig-Caller-ID-Number: 5552000
            Caller-Callee-ID-Name: Outbound%20Call
            Caller-Callee-ID-Number: 7001
            Caller-ANI: 5552000
            Caller-Destination-Number: 7001
            Caller-Unique-ID: c1a6a04a-8424-453b-a8ee-22133e812403
            Caller-Source: mod_loopback
            Caller-Context: default
            Caller-Channel-Name: loopback/7001-a
            Caller-Profile-Index: 1
            Caller-Profile-Created-Time: 1795308178814715
            Caller-Channel-Created-Time: 1795308178814715
            Caller-Channel-Answered-Time: 0
            Caller-Channel-Progress-Time: 0
            Caller-Channel-Progress-Media-Time: 0
            Caller-Channel-Hangup-Time: 0
            Caller-Channel-Transfer-Time: 0
            Caller-Channel-Resurrect-Time: 0
            Caller-Channel-Bridged-Time: 0
            Caller-Channel-Last-Hold: 0
            Caller-Channel-Hold-Accum: 0
            Caller-Screen-Bit: true
            Caller-Privacy-Hide-Name: false
            Caller-Privacy-Hide-Number: false
            variable_direction: outbound
            variable_is_outbound: true
            variable_uuid: c1a6a04a-8424-453b-a8ee-22133e812403
            variable_call_uuid: c1a6a04a-8424-453b-a8ee-22133e812403
            variable_session_id: 3
            variable_read_codec: L16
            variable_read_rate: 8000
            variable_write_codec: L16
            variable_write_rate: 8000
            variable_channel_name: loopback/7001-a
            variable_origination_caller_id_number: 5552000
            variable_originate_early_media: true
            variable_originate_endpoint: loopback
            variable_other_loopback_leg_uuid: e5c64ded-f673-4475-ad6c-a2251106d7ad
            variable_loopback_leg: A

            """;

    static final String CHANNEL_ANSWER_PLAIN = """
            Event-Name: CHANNEL_ANSWER
            Core-UUID: 94c4fead-8ac7-427c-a5da-6eb1e12ff06a
            FreeSWITCH-Hostname: vm
            FreeSWITCH-Switchname: vm
            FreeSWITCH-IPv4: 192.0.2.9
            FreeSWITCH-IPv6: fd00%3A%3A2
            Event-Date-Local: 2026-11-22%2000%3A42%3A58
            Event-Date-GMT: Sun,%2022%20Nov%202026%2000%3A42%3A58%20GMT
            Event-Date-Timestamp: 1795308178814715
            Event-Calling-File: switch_channel.c
            Event-Calling-Function: switch_channel_perform_mark_answered
            Event-Calling-Line-Number: 3846
            Event-Sequence: 616
            Channel-State: CS_CONSUME_MEDIA
            Channel-Call-State: DOWN
            Channel-State-Number: 7
            Channel-Name: loopback/7001-a
            Unique-ID: c1a6a04a-8424-453b-a8ee-22133e812403
            Call-Direction: outbound
            Presence-Call-Direction: outbound
            Channel-HIT-Dialplan: false
            Channel-Call-UUID: c1a6a04a-8424-453b-a8ee-22133e812403
            Answer-State: answered
            Channel-Read-Codec-Name: L16
            Channel-Read-Codec-Rate: 8000
            Channel-Read-Codec-Bit-Rate: 128000
            Channel-Write-Codec-Name: L16
            Channel-Write-Codec-Rate: 8000
            Channel-Write-Codec-Bit-Rate: 128000
            Caller-Direction: outbound
            Caller-Logical-Direction: outbound
            Caller-Dialplan: xml
            Caller-Caller-ID-Number: 5552000
            Caller-Orig-Caller-ID-Number: 5552000
            Caller-Callee-ID-Name: Outbound%20Call
            Caller-Callee-ID-Number: 7001
            Caller-ANI: 5552000
            Caller-Destination-Number: 7001
            Caller-Unique-ID: c1a6a04a-8424-453b-a8ee-22133e812403
            Caller-Source: mod_loopback
            Caller-Context: default
            Caller-Channel-Name: loopback/7001-a
            Caller-Profile-Index: 1
            Caller-Profile-Created-Time: 1795308178814715
            Caller-Channel-Created-Time: 1795308178814715
            Caller-Channel-Answered-Time: 1795308178814715
            Caller-Channel-Progress-Time: 0
            Caller-Channel-Progress-Media-Time: 0
            Caller-Channel-Hangup-Time: 0
            Caller-Channel-Transfer-Time: 0
            Caller-Channel-Resurrect-Time: 0
            Caller-Channel-Bridged-Time: 0
            Caller-Channel-Last-Hold: 0
            Caller-Channel-Hold-Accum: 0
            Caller-Screen-Bit: true
            Caller-Privacy-Hide-Name: false
            Caller-Privacy-Hide-Number: false
            variable_direction: outbound
            variable_is_outbound: true
            variable_uuid: c1a6a04a-8424-453b-a8ee-22133e812403
            variable_call_uuid: c1a6a04a-8424-453b-a8ee-22133e812403
            variable_session_id: 3
            variable_read_codec: L16
            variable_read_rate: 8000
            variable_write_codec: L16
            variable_write_rate: 8000
            variable_channel_name: loopback/7001-a
            variable_origination_caller_id_number: 5552000
            variable_originate_early_media: true
            variable_originate_endpoint: loopback
            variable_other_loopback_leg_uuid: e5c64ded-f673-4475-ad6c-a2251106d7ad
            variable_loopback_leg: A

            """;

    static final String DTMF_PLAIN = """
            Event-Name: DTMF
            Core-UUID: 94c4fead-8ac7-427c-a5da-6eb1e12ff06a
            FreeSWITCH-Hostname: vm
            FreeSWITCH-Switchname: vm
            FreeSWITCH-IPv4: 192.0.2.9
            FreeSWITCH-IPv6: fd00%3A%3A2
            Event-Date-Local: 2026-11-22%2000%3A43%3A01
            Event-Date-GMT: Sun,%2022%20Nov%202026%2000%3A43%3A01%20GMT
            Event-Date-Timestamp: 1795308181834711
            Event-Calling-File: switch_channel.c
            Event-Calling-Function: switch_channel_dequeue_dtmf
            Event-Calling-Line-Number: 677
            Event-Sequence: 629
            Channel-State: CS_EXECUTE
            Channel-Call-State: ACTIVE
            Channel-State-Number: 4
            Channel-Name: loopback/7001-b
            Unique-ID: e5c64ded-f673-4475-ad6c-a2251106d7ad
            Call-Direction: inbound
            Presence-Call-Direction: inbound
            Channel-HIT-Dialplan: true
            Channel-Call-UUID: e5c64ded-f673-4475-ad6c-a2251106d7ad
            Answer-State: answered
            Channel-Read-Codec-Name: L16
            Channel-Read-Codec-Rate: 8000
            Channel-Read-Codec-Bit-Rate: 128000
            Channel-Write-Codec-Name: L16
            Channel-Write-Codec-Rate: 8000
            Channel-Write-Codec-Bit-Rate: 128000
            Caller-Direction: inbound
            Caller-Logical-Direction: inbound
            Caller-Dialplan: xml
            Caller-Caller-ID-Number: 5552000
            Caller-Orig-Caller-ID-Number: 5552000
            Caller-Callee-ID-Name: Outbound%20Call
            Caller-Callee-ID-Number: 7001
            Caller-ANI: 5552000
            Caller-Destination-Number: 7001
            Caller-Unique-ID: e5c64ded-f673-4475-ad6c-a2251106d7ad
            Caller-Source: mod_loopback
            Caller-Context: default
            Caller-Channel-Name: loopback/7001-b
            Caller-Profile-Index: 1
            Caller-Profile-Created-Time: 1795308178814715
            Caller-Channel-Created-Time: 1795308178814715
            Caller-Channel-Answered-Time: 1795308178814715
            Caller-Channel-Progress-Time: 0
            Caller-Channel-Progress-Media-Time: 0
            Caller-Channel-Hangup-Time: 0
            Caller-Channel-Transfer-Time: 0
            Caller-Channel-Resurrect-Time: 0
            Caller-Channel-Bridged-Time: 0
            Caller-Channel-Last-Hold: 0
            Caller-Channel-Hold-Accum: 0
            Caller-Screen-Bit: true
            Caller-Privacy-Hide-Name: false
            Caller-Privacy-Hide-Number: false
            DTMF-Digit: 5
            DTMF-Duration: 2000
            DTMF-Source: UNKNOWN

            """;

    static final String CHANNEL_HANGUP_PLAIN = """
            Event-Name: CHANNEL_HANGUP
            Core-UUID: 94c4fead-8ac7-427c-a5da-6eb1e12ff06a
            FreeSWITCH-Hostname: vm
            FreeSWITCH-Switchname: vm
            FreeSWITCH-IPv4: 192.0.2.9
            FreeSWITCH-IPv6: fd00%3A%3A2
            Event-Date-Local: 2026-11-22%2000%3A43%3A03
            Event-Date-GMT: Sun,%2022%20Nov%202026%2000%3A43%3A03%20GMT
            Event-Date-Timestamp: 1795308183334706
            Event-Calling-File: switch_channel.c
            Event-Calling-Function: switch_channel_perform_hangup
            Event-Calling-Line-Number: 3445
            Event-Sequence: 631
            Channel-State: CS_EXECUTE
            Channel-Call-State: ACTIVE
            Channel-State-Number: 10
            Channel-Name: loopback/7001-a
            Unique-ID: c1a6a04a-8424-453b-a8ee-22133e812403
            Call-Direction: outbound
            Presence-Call-Direction: outbound
            Channel-HIT-Dialplan: true
            Channel-Call-UUID: c1a6a04a-8424-453b-a8ee-22133e812403
            Answer-State: hangup
            Hangup-Cause: NORMAL_CLEARING
            Channel-Read-Codec-Name: L16
            Channel-Read-Codec-Rate: 8000
            Channel-Read-Codec-Bit-Rate: 128000
            Channel-Write-Codec-Name: L16
            Channel-Write-Codec-Rate: 8000
            Channel-Write-Codec-Bit-Rate: 128000
            Caller-Direction: outbound
            Caller-Logical-Direction: outbound
            Caller-Dialplan: xml
            Caller-Caller-ID-Name: Outbound%20Call
            Caller-Caller-ID-Number: 7001
            Caller-Orig-Caller-ID-Number: 5552000
            Caller-Callee-ID-Number: 5552000
            Caller-ANI: 5552000
            Caller-Destination-Number: 7001
            Caller-Unique-ID: c1a6a04a-8424-453b-a8ee-22133e812403
            Caller-Source: mod_loopback
            Caller-Context: default
            Caller-Channel-Name: loopback/7001-a
            Caller-Profile-Index: 1
            Caller-Profile-Created-Time: 1795308178814715
            Caller-Channel-Created-Time: 1795308178814715
            Caller-Channel-Answered-Time: 1795308178814715
            Caller-Channel-Progress-Time: 0
            Caller-Channel-Progress-Media-Time: 0
            Caller-Channel-Hangup-Time: 0
            Caller-Channel-Transfer-Time: 0
            Caller-Channel-Resurrect-Time: 0
            Caller-Channel-Bridged-Time: 0
            Caller-Channel-Last-Hold: 0
            Caller-Channel-Hold-Accum: 0
            Caller-Screen-Bit: true
            Caller-Privacy-Hide-Name: false
            Caller-Privacy-Hide-Number: false
            variable_direction: outbound
            variable_is_outbound: true
            variable_uuid: c1a6a04a-8424-453b-a8ee-22133e812403
            variable_session_id: 3
            variable_read_codec: L16
            variable_read_rate: 8000
            variable_write_codec: L16
            variable_write_rate: 8000
            variable_channel_name: loopback/7001-a
            variable_origination_caller_id_number: 5552000
            variable_originate_early_media: true
            variable_originate_endpoint: loopback
            variable_other_loopback_leg_uuid: e5c64ded-f673-4475-ad6c-a2251106d7ad
            variable_loopback_leg: A
            variable_endpoint_disposition: ANSWER
            variable_pre_transfer_caller_id_number: 5552000
            variable_channel_cid_flipped: yes
            variable_call_uuid: c1a6a04a-8424-453b-a8ee-22133e812403
            variable_current_application: park
            variable_last_dtmf_duration: 500

            """;

    private static final Map<String, String> BY_NAME = Map.of(
            "BACKGROUND_JOB", BACKGROUND_JOB_PLAIN,
            "API", API_PLAIN,
            "CHANNEL_CREATE", CHANNEL_CREATE_PLAIN,
            "CHANNEL_ANSWER", CHANNEL_ANSWER_PLAIN,
            "DTMF", DTMF_PLAIN,
            "CHANNEL_HANGUP", CHANNEL_HANGUP_PLAIN);

    private CapturedEvents() {
    }

    /** The names there is a template for. */
    public static List<String> names() {
        return BY_NAME.keySet().stream().sorted().toList();
    }

    /** The captured event of that name, decoded. */
    public static EslEvent named(String eventName) {
        String plain = BY_NAME.get(eventName);
        if (plain == null) {
            throw new IllegalArgumentException("no captured template for " + eventName + "; there are " + names());
        }
        return decodePlain(plain);
    }

    public static EslEvent backgroundJob() {
        return named("BACKGROUND_JOB");
    }

    public static EslEvent api() {
        return named("API");
    }

    public static EslEvent channelCreate() {
        return named("CHANNEL_CREATE");
    }

    public static EslEvent channelAnswer() {
        return named("CHANNEL_ANSWER");
    }

    public static EslEvent dtmf() {
        return named("DTMF");
    }

    public static EslEvent channelHangup() {
        return named("CHANNEL_HANGUP");
    }

    /** A DTMF event of a channel, as FreeSWITCH sends one per digit. */
    public static EslEvent dtmf(String channelUuid, String digit) {
        return with(dtmf(), "Unique-ID", channelUuid, "Caller-Unique-ID", channelUuid, "Channel-Call-UUID", channelUuid,
                "DTMF-Digit", digit);
    }

    /** CHANNEL_ANSWER of a channel. */
    public static EslEvent channelAnswer(String channelUuid) {
        return with(channelAnswer(), "Unique-ID", channelUuid, "Caller-Unique-ID", channelUuid, "Channel-Call-UUID",
                channelUuid);
    }

    /**
     * The template with some header values replaced in place (a header it lacks is appended), so the header order
     * stays FreeSWITCH's. A null value removes the header.
     */
    public static EslEvent with(EslEvent template, String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("expected name/value pairs, got " + namesAndValues.length + " strings");
        }
        EslHeaders.Builder headers = EslHeaders.builder();
        for (EslHeaders.Header header : template.headers()) {
            String value = header.value();
            boolean removed = false;
            for (int i = 0; i < namesAndValues.length; i += 2) {
                if (namesAndValues[i].equalsIgnoreCase(header.name())) {
                    value = namesAndValues[i + 1];
                    removed = value == null;
                }
            }
            if (!removed) {
                headers.add(header.name(), value);
            }
        }
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null && !template.headers().contains(namesAndValues[i])) {
                headers.add(namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        EslHeaders built = headers.build();
        return new EslEvent(built.get("Event-Name").orElse(template.name()), built, template.body().orElse(null));
    }

    /** The template with another nested body (null for none); Content-Length follows the body when written. */
    public static EslEvent withBody(EslEvent template, String body) {
        EslHeaders.Builder headers = EslHeaders.builder();
        template.headers().forEach(h -> {
            if (!h.name().equalsIgnoreCase(EslMessage.CONTENT_LENGTH)) {
                headers.add(h.name(), h.value());
            }
        });
        if (body != null) {
            headers.add(EslMessage.CONTENT_LENGTH, Integer.toString(body.getBytes(StandardCharsets.UTF_8).length));
        }
        return new EslEvent(template.name(), headers.build(), body);
    }

    static EslEvent decodePlain(String plainBody) {
        byte[] body = plainBody.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("Content-Length: " + body.length + "\nContent-Type: text/event-plain\n\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[head.length + body.length];
        System.arraycopy(head, 0, frame, 0, head.length);
        System.arraycopy(body, 0, frame, head.length, body.length);
        List<EslFrame> frames = new EslParser().feed(frame);
        EslMessage message = (EslMessage) Objects.requireNonNull(frames.getFirst());
        return EslEventReader.read(message).asOptional()
                .orElseThrow(() -> new IllegalStateException("a captured template does not decode"));
    }
}
