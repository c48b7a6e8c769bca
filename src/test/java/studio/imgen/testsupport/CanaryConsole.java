package studio.imgen.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Puts a scanner between the JVM and the console once per run: every log line (logback's console appender writes to
 * whatever {@code System.out} is at the time) and every printed stack trace passes through it, line by line.
 */
final class CanaryConsole {

    private static boolean installed;

    private CanaryConsole() {
    }

    static synchronized void install() {
        if (installed) {
            return;
        }
        System.setOut(new PrintStream(new Scanning(System.out, "console (stdout)"), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Scanning(System.err, "console (stderr)"), true, StandardCharsets.UTF_8));
        installed = true;
    }

    /** Forwards every byte and checks each completed line (long lines in slices that overlap by a canary's length). */
    private static final class Scanning extends OutputStream {

        private static final int SLICE = 64 * 1024;

        private final OutputStream target;
        private final String where;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        Scanning(OutputStream target, String where) {
            this.target = target;
            this.where = where;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            target.write(b);
            collect(b);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
            target.write(bytes, offset, length);
            for (int i = offset; i < offset + length; i++) {
                collect(bytes[i]);
            }
        }

        @Override
        public void flush() throws IOException {
            target.flush();
        }

        private void collect(int b) {
            if (b == '\n') {
                check(0);
            } else {
                line.write(b);
                if (line.size() >= SLICE) {
                    check(Canaries.longest());
                }
            }
        }

        /** Scans what was collected and keeps its last {@code keep} bytes for the next slice. */
        private void check(int keep) {
            byte[] bytes = line.toByteArray();
            Canaries.scanWithShapes(where, new String(bytes, StandardCharsets.ISO_8859_1));
            line.reset();
            if (keep > 0) {
                line.write(bytes, Math.max(0, bytes.length - keep), Math.min(keep, bytes.length));
            }
        }
    }
}
