package dev.ivrflow.esl.codec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** The ways a stream is cut before it is fed: whole, in seeded random small chunks, or one byte at a time. */
enum Chunking {
    WHOLE,
    RANDOM_SMALL_CHUNKS,
    BYTE_BY_BYTE;

    static final long SEED = 20261122L;

    List<byte[]> split(byte[] bytes) {
        return switch (this) {
            case WHOLE -> List.of(bytes);
            case BYTE_BY_BYTE -> singleBytes(bytes);
            case RANDOM_SMALL_CHUNKS -> {
                Random random = new Random(SEED ^ bytes.length);
                List<byte[]> parts = new ArrayList<>();
                for (int at = 0; at < bytes.length; ) {
                    int size = Math.min(bytes.length - at, 1 + random.nextInt(97));
                    parts.add(Arrays.copyOfRange(bytes, at, at + size));
                    at += size;
                }
                yield parts;
            }
        };
    }

    List<EslFrame> feed(EslParser parser, byte[] bytes) {
        List<EslFrame> frames = new ArrayList<>();
        for (byte[] part : split(bytes)) {
            frames.addAll(parser.feed(part));
        }
        return frames;
    }

    private static List<byte[]> singleBytes(byte[] bytes) {
        List<byte[]> parts = new ArrayList<>(bytes.length);
        for (byte b : bytes) {
            parts.add(new byte[] {b});
        }
        return parts;
    }
}
