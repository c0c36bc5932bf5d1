package io.kbsh.shell.output;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The writer every command's output goes through on its way to a person: each line is escaped
 * ({@link ControlChars}), coloured ({@link Highlighter}, only when the {@link Screen} shows colour) and
 * wrapped at word boundaries to the screen's width ({@link TextWrap}).
 *
 * <p>Text is held until its line ends or the writer is flushed. A carriage return at the start or the end
 * of one write (how a progress line redraws itself) moves to the start of the line; one inside a write
 * comes from data and is shown as {@code ^M}; before a newline it is dropped. On a terminal (a screen with
 * a width) the line is cleared after such a return, so that a shorter progress line leaves nothing behind.
 */
public final class ScreenWriter extends Writer {

    /** ECMA-48 EL: erase from the cursor to the end of the line. */
    private static final String ERASE_LINE = "\u001b[K";

    private final Writer out;
    private final Screen screen;
    private final Highlighter highlighter = new Highlighter();
    private final StringBuilder pending = new StringBuilder();
    /** Columns already on the screen's current line from text flushed before its line ended. */
    private int column;

    public ScreenWriter(Writer out, Screen screen) {
        super(out);
        this.out = out;
        this.screen = screen;
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        synchronized (lock) {
            int end = off + len;
            for (int i = off; i < end; i++) {
                char c = cbuf[i];
                if (c == '\n') {
                    emitLine();
                } else if (c == '\r' && i + 1 < end && cbuf[i + 1] == '\n') {
                    continue;
                } else if (c == '\r' && (i == off || i == end - 1)) {
                    emitPartial();
                    out.write('\r');
                    if (screen.width().getAsInt() > 0) {
                        out.write(ERASE_LINE);
                    }
                    column = 0;
                } else {
                    pending.append(c);
                }
            }
        }
    }

    /**
     * Writes {@code text} as it is but escaped: never wrapped nor coloured (a JSON document wrapped at the
     * screen's edge would no longer parse when copied). Text held for the current line goes first.
     */
    public void writeVerbatim(String text) throws IOException {
        synchronized (lock) {
            emitPartial();
            String escaped = ControlChars.escape(text);
            out.write(escaped);
            int newline = escaped.lastIndexOf('\n');
            column = newline < 0 ? column + TextWrap.width(escaped) : TextWrap.width(escaped.substring(newline + 1));
            out.flush();
        }
    }

    /** {@code text} as this layer would show it on {@code screen}, for a pager that draws it itself. */
    public static String format(String text, Screen screen) {
        java.io.StringWriter result = new java.io.StringWriter(text.length() + 64);
        try (ScreenWriter w = new ScreenWriter(result, screen)) {
            w.write(text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return result.toString();
    }

    @Override
    public void flush() throws IOException {
        synchronized (lock) {
            emitPartial();
            out.flush();
        }
    }

    @Override
    public void close() throws IOException {
        flush();
    }

    private void emitLine() throws IOException {
        String escaped = ControlChars.escape(pending);
        pending.setLength(0);
        String line = highlighter.highlight(escaped);
        List<String> lines = TextWrap.wrap(line, screen.width().getAsInt(), column);
        column = 0;
        Style open = null;
        for (String l : lines) {
            open = render(l, open);
            if (open != null && screen.colour()) {
                out.write(Style.RESET);
            }
            out.write('\n');
        }
    }

    private void emitPartial() throws IOException {
        if (pending.length() == 0) {
            return;
        }
        String text = ControlChars.escape(pending);
        pending.setLength(0);
        out.write(text);
        column += TextWrap.width(text);
    }

    /** Writes {@code line}, marks turned into colours or dropped; returns the style still open at its end. */
    private Style render(String line, Style open) throws IOException {
        boolean colour = screen.colour();
        if (open != null && colour) {
            out.write(open.ansi());
        }
        StringBuilder sb = new StringBuilder(line.length() + 16);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == Style.END_MARK) {
                if (colour && open != null) {
                    sb.append(Style.RESET);
                }
                open = null;
            } else if (c >= Style.FIRST_MARK && c < Style.END_MARK) {
                open = Style.of(c);
                if (colour && open != null) {
                    sb.append(open.ansi());
                }
            } else {
                sb.append(c);
            }
        }
        out.write(sb.toString());
        return open;
    }
}
