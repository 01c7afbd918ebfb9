package dev.telec.migrate.internal.adapter.out.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
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

    /** The content as a stream, read from the log as it is consumed (a large file is not held in memory). */
    static InputStream stream(HomeRestorer.Saved saved) throws IOException {
        PreImage image = saved.image();
        FileChannel channel = FileChannel.open(saved.log(), StandardOpenOption.READ);
        try {
            channel.position(image.offset());
            return new Slice(Channels.newInputStream(channel), image.size(), saved);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The next {@code size} bytes of a log; shorter is an error, not the end of the content. */
    private static final class Slice extends InputStream {
        private final InputStream in;
        private final HomeRestorer.Saved saved;
        private long left;

        Slice(InputStream in, long size, HomeRestorer.Saved saved) {
            this.in = in;
            this.left = size;
            this.saved = saved;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) return -1;
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n < 0) throw new IOException(saved.log() + " is shorter than it should be");
            left -= n;
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
