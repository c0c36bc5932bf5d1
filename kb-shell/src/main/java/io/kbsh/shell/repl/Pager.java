package io.kbsh.shell.repl;

import java.io.IOError;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import org.jline.keymap.BindingReader;
import org.jline.keymap.KeyMap;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.jline.utils.Display;
import org.jline.utils.InfoCmp.Capability;

/**
 * A pager for listings whose first lines are a header (search results, bugs, related articles): the header
 * stays at the top of every screen while the rest scrolls beneath it, as {@code less --header} and psql's
 * pspg keep column titles in view. The keys are less's: Space, {@code f}, PgDn a screen on, {@code b}, PgUp
 * one back, Enter, {@code j}, Down a line on, {@code k}, Up one back, {@code d}/{@code u} half a screen,
 * {@code g}/{@code G} the start and the end, {@code /} searches (case-insensitive; {@code n}, {@code N}
 * again), {@code q} or Ctrl-C leaves. Built on JLine's own parts (Display, BindingReader, KeyMap); JLine's
 * {@code Less} cannot keep lines fixed. A resized window is laid out again at its new width.
 *
 * <p>Not thread-safe: one {@link #page} at a time, on the thread that reads the terminal.
 */
final class Pager {

    /** The header and body lines as they are shown at one width (already wrapped and coloured, ANSI). */
    record Layout(List<String> header, List<String> body) {
        Layout {
            header = List.copyOf(header);
            body = List.copyOf(body);
        }
    }

    private enum Op {
        LINE_ON,
        LINE_BACK,
        PAGE_ON,
        PAGE_BACK,
        HALF_ON,
        HALF_BACK,
        FIRST,
        LAST,
        SEARCH,
        NEXT,
        PREVIOUS,
        QUIT,
        KEYS,
        NONE
    }

    private static final String KEYS = "Space/b: page  j/k: line  d/u: half  g/G: start/end  /: search  n/N  q: quit";

    private final Terminal terminal;
    private final IntFunction<Layout> layout;
    private final Display display;
    private List<AttributedString> header = List.of();
    private List<AttributedString> body = List.of();
    private int top;
    private int width;
    private int height;
    private String pattern = "";
    private String message = "";

    /** A pager on {@code terminal} for the text {@code layout} lays out at a given width. */
    Pager(Terminal terminal, IntFunction<Layout> layout) {
        this.terminal = terminal;
        this.layout = layout;
        this.display = new Display(terminal, true);
    }

    /** Lines of the body that fit beneath the header, above the status line. */
    private int window() {
        return Math.max(1, height - header.size() - 1);
    }

    /**
     * Shows the text until the person leaves it. Ctrl-C (SIGINT, which the terminal keeps on) interrupts
     * this thread; it leaves the pager like {@code q}, and the interrupt is cleared.
     */
    void page() {
        Thread self = Thread.currentThread();
        Terminal.SignalHandler previousInt = terminal.handle(Terminal.Signal.INT, signal -> self.interrupt());
        Terminal.SignalHandler previousWinch = terminal.handle(Terminal.Signal.WINCH, signal -> resized());
        Attributes attributes = terminal.enterRawMode();
        try {
            terminal.puts(Capability.enter_ca_mode);
            terminal.puts(Capability.keypad_xmit);
            terminal.writer().flush();
            relayout();
            display.clear();
            draw();
            BindingReader keys = new BindingReader(terminal.reader());
            KeyMap<Op> map = keyMap();
            while (!Thread.currentThread().isInterrupted()) {
                Op op = keys.readBinding(map, null, true);
                if (op == null || op == Op.QUIT) {
                    return;
                }
                synchronized (this) {
                    message = "";
                    move(op, keys);
                    draw();
                }
            }
        } catch (IOError e) {
            if (!interrupted(e)) {
                throw e;
            }
        } finally {
            terminal.setAttributes(attributes);
            terminal.puts(Capability.keypad_local);
            terminal.puts(Capability.exit_ca_mode);
            terminal.writer().flush();
            terminal.handle(Terminal.Signal.WINCH, previousWinch);
            terminal.handle(Terminal.Signal.INT, previousInt);
            // Leaving the pager with Ctrl-C is not a request to stop the command that paged.
            Thread.interrupted();
        }
    }

    private void move(Op op, BindingReader keys) {
        int last = Math.max(0, body.size() - window());
        switch (op) {
            case LINE_ON -> top = Math.min(last, top + 1);
            case LINE_BACK -> top = Math.max(0, top - 1);
            case PAGE_ON -> top = Math.min(last, top + window());
            case PAGE_BACK -> top = Math.max(0, top - window());
            case HALF_ON -> top = Math.min(last, top + Math.max(1, window() / 2));
            case HALF_BACK -> top = Math.max(0, top - Math.max(1, window() / 2));
            case FIRST -> top = 0;
            case LAST -> top = last;
            case SEARCH -> {
                String typed = readPattern(keys);
                if (!typed.isEmpty()) {
                    pattern = typed;
                    find(top + 1, 1);
                }
            }
            case NEXT -> find(top + 1, 1);
            case PREVIOUS -> find(top - 1, -1);
            case KEYS -> message = KEYS;
            case QUIT, NONE -> {
                // QUIT never gets here; an unbound key does nothing, as in less.
            }
        }
    }

    /** Moves the next body line from {@code from} (in {@code step}'s direction) holding the pattern to the top. */
    private void find(int from, int step) {
        if (pattern.isEmpty()) {
            message = "no pattern yet: / to search";
            return;
        }
        String wanted = pattern.toLowerCase(Locale.ROOT);
        for (int i = Math.max(0, Math.min(from, body.size() - 1)); i >= 0 && i < body.size(); i += step) {
            if (body.get(i).toString().toLowerCase(Locale.ROOT).contains(wanted)) {
                top = Math.min(i, Math.max(0, body.size() - window()));
                if (top != i) {
                    message = "found on line " + (i + 1);
                }
                return;
            }
        }
        message = "not found: " + pattern;
    }

    /** Reads a search pattern on the status line; Enter takes it, Escape or an empty line gives up. */
    private String readPattern(BindingReader keys) {
        StringBuilder typed = new StringBuilder();
        while (true) {
            message = "/" + typed;
            draw();
            int c = keys.readCharacter();
            if (c == '\r' || c == '\n') {
                message = "";
                return typed.toString();
            }
            if (c == 27 || c == 3 || c < 0) {
                message = "";
                return "";
            }
            if (c == 127 || c == 8) {
                if (typed.isEmpty()) {
                    message = "";
                    return "";
                }
                typed.setLength(typed.length() - 1);
            } else if (c >= ' ') {
                typed.appendCodePoint(c);
            }
        }
    }

    private synchronized void resized() {
        relayout();
        draw();
    }

    /** Lays the text out at the terminal's width now, keeping the first body line shown in view. */
    private synchronized void relayout() {
        Size size = terminal.getSize();
        int newWidth = size.getColumns() > 0 ? size.getColumns() : 80;
        height = size.getRows() > 0 ? size.getRows() : 24;
        display.resize(height, newWidth);
        if (newWidth == width && !body.isEmpty()) {
            top = Math.min(top, Math.max(0, body.size() - window()));
            return;
        }
        double at = body.isEmpty() ? 0 : (double) top / body.size();
        width = newWidth;
        Layout laid = layout.apply(width);
        header = laid.header().stream().map(AttributedString::fromAnsi).toList();
        body = laid.body().stream().map(AttributedString::fromAnsi).toList();
        top = Math.min((int) Math.round(at * body.size()), Math.max(0, body.size() - window()));
    }

    private synchronized void draw() {
        List<AttributedString> screen = new ArrayList<>(height);
        header.forEach(screen::add);
        int shown = Math.min(window(), body.size() - top);
        for (int i = 0; i < window(); i++) {
            screen.add(i < shown ? body.get(top + i) : new AttributedString("~"));
        }
        String where = body.isEmpty() ? "" : "lines " + (top + 1) + "-" + (top + shown) + " of " + body.size();
        boolean end = top + shown >= body.size();
        String status = !message.isEmpty()
                ? message
                : (end ? "(END) " : "") + where + (end ? "  q to leave" : "  Space for more, q to leave, h for keys");
        if (status.length() > width - 1) {
            status = status.substring(0, Math.max(0, width - 1));
        }
        AttributedString statusLine = message.startsWith("/")
                ? new AttributedString(status)
                : new AttributedStringBuilder()
                        .style(AttributedStyle.INVERSE)
                        .append(status)
                        .toAttributedString();
        screen.add(statusLine);
        display.update(screen, terminal.getSize().cursorPos(height - 1, statusLine.columnLength()));
        terminal.flush();
    }

    private KeyMap<Op> keyMap() {
        KeyMap<Op> map = new KeyMap<>();
        map.setNomatch(Op.NONE);
        map.setAmbiguousTimeout(100);
        bind(map, Op.QUIT, "q", "Q", ":q", "ZZ", KeyMap.ctrl('C'));
        bind(map, Op.PAGE_ON, " ", "f", KeyMap.ctrl('F'), KeyMap.ctrl('V'), key(Capability.key_npage), "\u001b[6~");
        bind(map, Op.PAGE_BACK, "b", KeyMap.ctrl('B'), KeyMap.alt('v'), key(Capability.key_ppage), "\u001b[5~");
        bind(
                map,
                Op.LINE_ON,
                "\r",
                "\n",
                "j",
                "e",
                KeyMap.ctrl('E'),
                KeyMap.ctrl('N'),
                key(Capability.key_down),
                "\u001b[B",
                "\u001bOB");
        bind(
                map,
                Op.LINE_BACK,
                "k",
                "y",
                KeyMap.ctrl('Y'),
                KeyMap.ctrl('P'),
                KeyMap.ctrl('K'),
                key(Capability.key_up),
                "\u001b[A",
                "\u001bOA");
        bind(map, Op.HALF_ON, "d", KeyMap.ctrl('D'));
        bind(map, Op.HALF_BACK, "u", KeyMap.ctrl('U'));
        bind(map, Op.FIRST, "g", "<", key(Capability.key_home), "\u001b[H", "\u001bOH");
        bind(map, Op.LAST, "G", ">", key(Capability.key_end), "\u001b[F", "\u001bOF");
        bind(map, Op.SEARCH, "/");
        bind(map, Op.NEXT, "n");
        bind(map, Op.PREVIOUS, "N");
        bind(map, Op.KEYS, "h", "H", "?");
        return map;
    }

    /** The terminal's sequence for a key, or null when its terminfo has none. */
    private String key(Capability capability) {
        return KeyMap.key(terminal, capability);
    }

    private static void bind(KeyMap<Op> map, Op op, String... sequences) {
        for (String sequence : sequences) {
            // A key the terminal's description lacks (null) or cannot send (empty) is left out.
            if (sequence != null && !sequence.isEmpty()) {
                map.bind(op, sequence);
            }
        }
    }

    private static boolean interrupted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InterruptedIOException || t instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }
}
