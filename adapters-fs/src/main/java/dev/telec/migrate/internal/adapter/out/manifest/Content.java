package dev.telec.migrate.internal.adapter.out.manifest;

import java.io.IOException;
import java.io.InputStream;

/** How to read an entry's document when it is resolved; never holds a file system open. */
@FunctionalInterface
interface Content {
    InputStream open() throws IOException;
}
