package dev.telec.migrate.internal.adapter.out.manifest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An entry's document read once in a run that resolves the entry and then records its checksum: the bytes the
 * parse read serve the checksum, which lets them go. A checksum asked without a parse before it (a no-op's
 * drift check) reads the document itself and nothing is kept.
 */
final class ReadOnce {
    private final Content source;
    private byte[] kept; // read by the parse, not yet taken by the checksum; guarded by "this"

    ReadOnce(Content source) {
        this.source = source;
    }

    /** For the parse: reads the document and keeps its bytes for {@link #taking()}. */
    Content keeping() {
        return () -> {
            byte[] bytes;
            try (InputStream in = source.open()) {
                bytes = in.readAllBytes();
            }
            synchronized (this) {
                kept = bytes;
            }
            return new ByteArrayInputStream(bytes);
        };
    }

    /** For the checksum: the bytes the parse read, once; else the document as it is now. */
    Content taking() {
        return () -> {
            byte[] bytes;
            synchronized (this) {
                bytes = kept;
                kept = null;
            }
            return bytes != null ? new ByteArrayInputStream(bytes) : source.open();
        };
    }
}
