package dev.telec.migrate.internal.adapter.out.manifest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/** {@code sha256:<hex>} of a step's definition; the prefix lets the algorithm change without false drift. */
final class Checksums {

    static final String SHA256 = "sha256:";
    /** The prefix of a checksum a step declares itself ({@code Migration.checksum()}). */
    static final String STEP = "step:";

    private Checksums() {
    }

    /**
     * A digest to copy: looking the algorithm up among the security providers costs more than hashing a step's
     * file, and a run hashes every applied step. Never used itself, only cloned, so it holds no state.
     */
    private static final MessageDigest PROTOTYPE;

    static {
        try {
            PROTOTYPE = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    static String sha256(byte[] bytes) {
        MessageDigest digest;
        try {
            digest = (MessageDigest) PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
        }
        return SHA256 + HexFormat.of().formatHex(digest.digest(bytes));
    }

    /** Of a script step's file (a Python module, an executable); empty when it cannot be read (the run says why). */
    static Optional<String> ofFile(Path file) {
        try {
            return Optional.of(sha256(Files.readAllBytes(file)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
