package dev.telec.migrate.adapter.out.backup;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

/** A saved pre-image's content, read back from the log that holds it. */
final class PreImageContent {

    private PreImageContent() {
    }

    static byte[] bytes(HomeRestorer.Saved saved) throws IOException {
        PreImage image = saved.image();
        if (image.size() > Integer.MAX_VALUE - 16) throw new IOException(image.path() + " is too large to compare");
        ByteBuffer buffer = ByteBuffer.allocate((int) image.size());
        try (FileChannel in = FileChannel.open(saved.log(), StandardOpenOption.READ)) {
            long at = image.offset();
            while (buffer.hasRemaining()) {
                int n = in.read(buffer, at);
                if (n < 0) throw new IOException(saved.log() + " is shorter than it should be");
                at += n;
            }
        }
        return buffer.array();
    }
}
