package dev.ivrflow.app.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * What a password must be: at least {@value #MIN_LENGTH} characters, at most {@value #MAX_BYTES} bytes in UTF-8
 * (bcrypt ignores what follows, and Spring's encoder refuses it), and not the username. Length is what makes a
 * password strong; no composition rules.
 */
final class PasswordPolicy {
    static final int MIN_LENGTH = 12;
    static final int MAX_BYTES = 72;
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordPolicy() {
    }

    /** Why the password is refused, if it is. Never repeats the password. */
    static Optional<String> problem(String password, String username) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("the password must have at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("the password must have at most " + MAX_BYTES + " bytes in UTF-8");
        }
        if (username != null && password.equalsIgnoreCase(username)) {
            return Optional.of("the password must not be the username");
        }
        return Optional.empty();
    }

    /** The expected value, for a 400 answer. */
    static String expected() {
        return "a string of at least " + MIN_LENGTH + " characters and at most " + MAX_BYTES + " bytes, not the username";
    }

    /** Whether bcrypt can check it at all (longer input would be refused by the encoder). */
    static boolean checkable(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }

    /** A random password of 24 characters from 57 unambiguous ones (about 140 bits). */
    static String generate() {
        StringBuilder sb = new StringBuilder(24);
        for (int i = 0; i < 24; i++) sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        return sb.toString();
    }
}
