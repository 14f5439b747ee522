package io.ecsforge.runner;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * One stack's output while it runs beside others: every line it prints to stdout or stderr is
 * held, in the order printed, and {@link #printTo} prints them all at once, so a stack's lines
 * stay together instead of interleaving with another stack's.
 */
final class HeldOutput {
    private record Line(boolean toErr, String text) {}

    private final List<Line> lines = new ArrayList<>();
    private final PrintWriter out = new PrintWriter(new LineWriter(false));
    private final PrintWriter err = new PrintWriter(new LineWriter(true));

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    /** Prints the held lines, each to the stream it was printed to, and forgets them. */
    void printTo(PrintWriter realOut, PrintWriter realErr) {
        out.flush();
        err.flush();
        List<Line> held;
        synchronized (lines) {
            held = List.copyOf(lines);
            lines.clear();
        }
        for (Line line : held) {
            PrintWriter target = line.toErr() ? realErr : realOut;
            synchronized (target) {
                target.println(line.text());
                target.flush();
            }
        }
    }

    /** Cuts what is written into lines; an unfinished last line is kept when flushed. */
    private final class LineWriter extends Writer {
        private final boolean toErr;
        private final StringBuilder partial = new StringBuilder();

        LineWriter(boolean toErr) {
            this.toErr = toErr;
        }

        @Override
        public synchronized void write(char[] chars, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                char c = chars[i];
                if (c == '\n') {
                    emit();
                } else if (c != '\r') {
                    partial.append(c);
                }
            }
        }

        @Override
        public synchronized void flush() {
            if (partial.length() > 0) {
                emit();
            }
        }

        @Override
        public void close() {
            flush();
        }

        private void emit() {
            synchronized (lines) {
                lines.add(new Line(toErr, partial.toString()));
            }
            partial.setLength(0);
        }
    }
}
