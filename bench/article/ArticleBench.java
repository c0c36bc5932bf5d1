import io.kbsh.model.article.Article;
import io.kbsh.shell.article.parse.ArticleParser;
import io.kbsh.shell.store.ImportProgress;
import io.kbsh.shell.store.ImportReport;
import io.kbsh.shell.store.LuceneArticleStore;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Article benchmarks over kbarchive-txt.zip: parse throughput (straight from the zip, against Java's own
 * inflation of the same entries), full import time, index open time, search latency p50/p99 over 1,000
 * mixed queries. The shell script times `unzip -p` in the same run for the baseline ratio.
 */
public class ArticleBench {

    public static void main(String[] args) throws Exception {
        if (args[0].equals("--open")) {
            // A fresh JVM: what the first article command of a new shell pays to open the index.
            long start = System.nanoTime();
            try (LuceneArticleStore store = new LuceneArticleStore(Path.of(args[1]).resolve("index"), () -> List.of())) {
                int n = store.size();
                long first = System.nanoTime() - start;
                long s2 = System.nanoTime();
                store.search("proxy product:exchange", 20);
                System.out.printf("index open in a fresh JVM: %.0f ms to the first answer (%d articles), first search %.1f ms%n",
                        first / 1e6, n, (System.nanoTime() - s2) / 1e6);
            }
            return;
        }
        Path zip = Path.of(args[0]);
        Path home = Path.of(args[1]);
        int threads = Runtime.getRuntime().availableProcessors();

        for (int round = 0; round < 2; round++) { // the first round warms the JIT
            long inflate = time(() -> forEachEntry(zip, 1, bytes -> { }));
            long parse1 = time(() -> forEachEntry(zip, 1, ArticleBench::parse));
            long parseN = time(() -> forEachEntry(zip, threads, ArticleBench::parse));
            if (round == 1) {
                System.out.printf("inflate-only (java, 1 thread): %.2f s%n", inflate / 1e9);
                System.out.printf("inflate+parse (1 thread):      %.2f s%n", parse1 / 1e9);
                System.out.printf("inflate+parse (%d threads):     %.2f s%n", threads, parseN / 1e9);
                System.out.printf("PARSE_SECONDS %.2f %.2f%n", parse1 / 1e9, parseN / 1e9);
            }
        }

        {
            ImportReport report;
            long start = System.nanoTime();
            try (LuceneArticleStore store = new LuceneArticleStore(home.resolve("index"), () -> List.of())) {
                report = store.importArchive(zip, ImportProgress.NONE);
            }
            long importNanos = System.nanoTime() - start;
            System.out.printf("full import: %d articles, %d rejected, %.1f s%n", report.imported(),
                    report.rejected().size(), importNanos / 1e9);
            report.fixListsByProduct().forEach((p, c) -> System.out.printf("  fix lists %-12s %3d lists %5d pairs%n", p, c[0], c[1]));
            System.out.printf("index size: %.0f MB%n", size(home) / 1e6);

            long openStart = System.nanoTime();
            try (LuceneArticleStore store = new LuceneArticleStore(home.resolve("index"), () -> List.of())) {
                int n = store.size();
                long openNanos = System.nanoTime() - openStart;
                System.out.printf("index open (new store instance in the same JVM, first query): %.0f ms for %d articles%n", openNanos / 1e6, n);

                List<String> queries = queries();
                for (int i = 0; i < 300; i++) {
                    store.search(queries.get(i % queries.size()), 20);
                }
                long[] lat = new long[queries.size()];
                int hits = 0;
                for (int i = 0; i < queries.size(); i++) {
                    long s = System.nanoTime();
                    hits += store.search(queries.get(i), 20).size();
                    lat[i] = System.nanoTime() - s;
                }
                java.util.Arrays.sort(lat);
                System.out.printf("search: %d queries, %d hits, p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", lat.length, hits,
                        lat[lat.length / 2] / 1e6, lat[(int) (lat.length * 0.99)] / 1e6, lat[lat.length - 1] / 1e6);
            }
        }
    }

    private static final AtomicLong SINK = new AtomicLong();

    private static void parse(byte[] bytes) {
        try {
            Article a = ArticleParser.parse("bench", bytes);
            SINK.addAndGet(a.sections().size());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    interface BytesConsumer {
        void accept(byte[] bytes) throws Exception;
    }

    interface Task {
        void run() throws Exception;
    }

    private static long time(Task t) throws Exception {
        long s = System.nanoTime();
        t.run();
        return System.nanoTime() - s;
    }

    private static void forEachEntry(Path zip, int threads, BytesConsumer consumer) throws Exception {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            List<ZipEntry> entries = new ArrayList<>();
            for (ZipEntry e : Collections.list(z.entries())) {
                if (!e.isDirectory()) {
                    entries.add(e);
                }
            }
            AtomicInteger next = new AtomicInteger();
            List<Thread> workers = new ArrayList<>();
            List<Exception> failures = Collections.synchronizedList(new ArrayList<>());
            for (int t = 0; t < threads; t++) {
                Thread w = new Thread(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < entries.size()) {
                        try (InputStream in = z.getInputStream(entries.get(i))) {
                            consumer.accept(in.readAllBytes());
                        } catch (Exception e) {
                            failures.add(e);
                            return;
                        }
                    }
                });
                w.start();
                workers.add(w);
            }
            for (Thread w : workers) {
                w.join();
            }
            if (!failures.isEmpty()) {
                throw failures.get(0);
            }
        }
    }

    /** 1,000 mixed queries: single words, two words, phrases, filters, ids, and queries with no hits. */
    private static List<String> queries() {
        String[] words = {"exchange", "proxy", "mta", "x.400", "connector", "winsock", "printer", "setup", "error",
                "registry", "outlook", "ntfs", "dhcp", "wins", "smtp", "excel", "macro", "driver", "modem", "cluster",
                "backup", "password", "font", "memory", "network", "service", "dns", "access", "foxpro", "odbc"};
        String[] phrases = {"\"second MX record\"", "\"internet mail service\"", "\"access violation\"",
                "\"service pack\"", "\"blue screen\"", "\"general protection fault\""};
        String[] filters = {"product:exchange", "product:winnt", "type:bug", "type:prb", "tag:xfor", "tag:xcon",
                "category:exchange", "category:winnt", "tag:xadm"};
        String[] ids = {"Q166604", "Q187225", "Q178532", "Q165057", "Q254909", "Q242221"};
        Random r = new Random(42);
        List<String> q = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            switch (i % 6) {
                case 0 -> q.add(words[r.nextInt(words.length)]);
                case 1 -> q.add(words[r.nextInt(words.length)] + " " + words[r.nextInt(words.length)]);
                case 2 -> q.add(phrases[r.nextInt(phrases.length)]);
                case 3 -> q.add(words[r.nextInt(words.length)] + " " + filters[r.nextInt(filters.length)]);
                case 4 -> q.add(ids[r.nextInt(ids.length)]);
                default -> q.add("zzqx" + i);
            }
        }
        return q;
    }

    private static long size(Path dir) throws Exception {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
