package cn.perfledger.cli.output;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The progress line of an upload on stderr: a bar while the file's bytes go out, then a spinner with the
 * seconds waited until the server answers (a large import is checked and written in one transaction, which
 * takes a while after the last byte). Redrawn in place with {@code \r}, at most every 100 ms; cleared when
 * done. A disabled instance prints nothing (--quiet, or stderr is not a terminal: a log file should not fill
 * up with carriage returns).
 */
public final class Progress implements AutoCloseable {

    private static final char[] SPINNER = {'|', '/', '-', '\\'};
    private static final int BAR = 30;

    private final PrintWriter err;
    private final boolean enabled;
    private final long total;
    private final String label;
    private long lastDraw;
    private int lastWidth;
    private volatile Thread waiting;

    public Progress(PrintWriter err, boolean enabled, String label, long totalBytes) {
        this.err = err;
        this.enabled = enabled;
        this.label = label;
        this.total = totalBytes;
    }

    /** Called (from the HTTP client's thread) with the bytes handed to the connection so far. */
    public synchronized void uploaded(long bytesSoFar) {
        long now = System.nanoTime();
        if (!enabled || now - lastDraw < 100_000_000L && bytesSoFar < total) {
            return;
        }
        lastDraw = now;
        draw(bar(bytesSoFar));
    }

    /** The last byte is out: show how long the server has been working on it, until {@link #close()}. */
    public void awaitingAnswer() {
        if (!enabled || waiting != null) {
            return;
        }
        long start = System.nanoTime();
        Thread thread = new Thread(() -> {
            int tick = 0;
            while (!Thread.currentThread().isInterrupted()) {
                long seconds = (System.nanoTime() - start) / 1_000_000_000L;
                synchronized (this) {
                    draw(bar(total) + "  等待服务器处理 " + SPINNER[tick++ % SPINNER.length] + " " + seconds + " 秒");
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "ledger-progress");
        thread.setDaemon(true);
        waiting = thread;
        thread.start();
    }

    /** Stops the spinner and clears the line. */
    @Override
    public void close() {
        Thread thread = waiting;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            if (enabled && lastWidth > 0) {
                err.print("\r" + " ".repeat(lastWidth) + "\r");
                err.flush();
                lastWidth = 0;
            }
        }
    }

    /** {@code 上传 [###############...............]  50%  1.2 MB / 2.4 MB} */
    String bar(long bytes) {
        long shown = Math.min(bytes, total);
        int percent = total <= 0 ? 100 : (int) (shown * 100 / total);
        int filled = total <= 0 ? BAR : (int) (shown * BAR / total);
        return label + " [" + "#".repeat(filled) + ".".repeat(BAR - filled) + "] "
                + String.format(Locale.ROOT, "%3d%%  %s / %s", percent, size(shown), size(total));
    }

    private void draw(String line) {
        int width = DisplayWidth.of(line);
        String padding = width < lastWidth ? " ".repeat(lastWidth - width) : "";
        err.print("\r" + line + padding);
        err.flush();
        lastWidth = Math.max(width, lastWidth);
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
