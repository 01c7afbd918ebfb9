package dev.telec.migrate.adapter.out.backup;

import dev.telec.migrate.adapter.out.sandbox.ChangeDiffs;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

/** A saved pre-image's content, read back from the log that holds it: to compare, and to diff. */
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

    /** What the pre-image holds, for a diff: a file's content read from the log. */
    static ChangeDiffs.Side side(HomeRestorer.Saved saved) throws IOException {
        PreImage image = saved.image();
        switch (image.kind()) {
            case FILE:
                try (InputStream in = new BoundedInputStream(Channels.newInputStream(
                        FileChannel.open(saved.log(), StandardOpenOption.READ).position(image.offset())), image.size())) {
                    return ChangeDiffs.Side.file(in);
                }
            case LINK:
                return ChangeDiffs.Side.link(image.link());
            case DIRECTORY:
                return ChangeDiffs.Side.directory();
            default:
                return ChangeDiffs.Side.absent();
        }
    }

    /** At most {@code left} bytes of a stream. */
    private static final class BoundedInputStream extends FilterInputStream {
        private long left;

        BoundedInputStream(InputStream in, long left) {
            super(in);
            this.left = left;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) return -1;
            int b = super.read();
            if (b >= 0) left--;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) return -1;
            int n = super.read(b, off, (int) Math.min(len, left));
            if (n > 0) left -= n;
            return n;
        }
    }
}
