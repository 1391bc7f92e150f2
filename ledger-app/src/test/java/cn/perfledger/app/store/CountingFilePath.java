package cn.perfledger.app.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * An H2 file system ({@code jdbc:h2:counted:/path/db}) that passes everything to the disk and counts what H2 does to
 * its files: writes, forces ({@code fsync}), and writes not yet followed by a force. Lets a test see whether a
 * commit reached the file and the device before {@code commit()} returned — without cutting the power.
 */
public final class CountingFilePath extends FilePathWrapper {

    static final AtomicLong WRITES = new AtomicLong();
    static final AtomicLong FORCES = new AtomicLong();
    static final AtomicLong UNFORCED_WRITES = new AtomicLong();

    private static final CountingFilePath INSTANCE = new CountingFilePath();

    /** H2 creates one instance per path by reflection. */
    public CountingFilePath() {
    }

    static void register() {
        FilePath.register(INSTANCE);
    }

    @Override
    public String getScheme() {
        return "counted";
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        FileChannel base = getBase().open(mode);
        return new FileBase() {
            @Override
            public int read(ByteBuffer dst, long position) throws IOException {
                return base.read(dst, position);
            }

            @Override
            public int read(ByteBuffer dst) throws IOException {
                return base.read(dst);
            }

            @Override
            public int write(ByteBuffer src, long position) throws IOException {
                return counted(base.write(src, position));
            }

            @Override
            public int write(ByteBuffer src) throws IOException {
                return counted(base.write(src));
            }

            private int counted(int bytes) {
                WRITES.incrementAndGet();
                UNFORCED_WRITES.incrementAndGet();
                return bytes;
            }

            @Override
            public void force(boolean metaData) throws IOException {
                // counted before the call: a write racing with this force is not taken as forced
                UNFORCED_WRITES.set(0);
                base.force(metaData);
                FORCES.incrementAndGet();
            }

            @Override
            public long position() throws IOException {
                return base.position();
            }

            @Override
            public FileChannel position(long newPosition) throws IOException {
                base.position(newPosition);
                return this;
            }

            @Override
            public long size() throws IOException {
                return base.size();
            }

            @Override
            public FileChannel truncate(long size) throws IOException {
                base.truncate(size);
                return this;
            }

            @Override
            public FileLock tryLock(long position, long size, boolean shared) throws IOException {
                return base.tryLock(position, size, shared);
            }

            @Override
            protected void implCloseChannel() throws IOException {
                base.close();
            }
        };
    }
}
