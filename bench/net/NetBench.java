import io.kbsh.net.mail.SmtpProbe;
import io.kbsh.net.probe.ProbeOptions;
import io.kbsh.net.probe.ProbeRequest;
import io.kbsh.net.probe.ProbeResult;
import io.kbsh.net.probe.ProbeRunner;
import io.kbsh.net.probe.ProbeTarget;
import io.kbsh.net.probe.TcpProbe;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * kb-net benchmark, all on loopback: (1) 2,000 SMTP greeting probes against servers that greet after 1 s
 * (total time, peak RSS); (2) a TCP connect sweep of 1,000 ports against nmap -sT over the same ports,
 * each timed as the tool itself reports it (no process start-up).
 *
 * usage: java NetBench.java SWEEP_START SWEEP_COUNT OPEN_PORTS NMAP|- GREETING_PORT...
 */
public final class NetBench {

    public static void main(String[] args) throws Exception {
        int sweepStart = Integer.parseInt(args[0]);
        int sweepCount = Integer.parseInt(args[1]);
        int expectedOpen = Integer.parseInt(args[2]);
        String nmap = args[3];
        int[] greetingPorts = Arrays.stream(args, 4, args.length).mapToInt(Integer::parseInt).toArray();

        greetings(greetingPorts, 2000);
        sweep(sweepStart, sweepCount, expectedOpen, nmap);
    }

    private static void greetings(int[] ports, int count) throws Exception {
        ProbeOptions options = ProbeOptions.defaults()
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10));
        List<ProbeRequest> requests = new ArrayList<>();
        SmtpProbe smtp = new SmtpProbe();
        for (int i = 0; i < count; i++) {
            requests.add(new ProbeRequest(smtp, ProbeTarget.of("127.0.0.1", ports[i % ports.length]), options));
        }
        ProbeRunner runner = new ProbeRunner(count, count); // the caps raised for the run
        long rssBefore = kib("VmRSS");
        for (int round = 1; round <= 3; round++) {
            long t0 = System.nanoTime();
            List<ProbeResult> results = runner.run(requests, Instant.now().plusSeconds(30));
            double seconds = (System.nanoTime() - t0) / 1e9;
            Instant first = results.stream().map(ProbeResult::observedAt).min(Instant::compareTo).orElseThrow();
            Instant last = results.stream().map(ProbeResult::observedAt).max(Instant::compareTo).orElseThrow();
            List<Long> latencies = results.stream().map(r -> r.latency().toMillis()).sorted().toList();
            System.out.printf("greeting round %d: %d probes in %.2f s; statuses %s; probe starts spread over %d ms,"
                    + " latency median %d ms, max %d ms%n", round, count, seconds, tally(results),
                    Duration.between(first, last).toMillis(), latencies.get(latencies.size() / 2),
                    latencies.get(latencies.size() - 1));
        }
        System.out.printf("greeting memory: RSS before %d MiB, peak RSS (VmHWM) %d MiB, peak threads %d%n",
                rssBefore / 1024, kib("VmHWM") / 1024, ManagementFactory.getThreadMXBean().getPeakThreadCount());
    }

    /**
     * kbsh and nmap sweep the same ports in alternation (so that both see the same load on this shared
     * machine); each time is what the tool itself measures: kbsh around ProbeRunner.run, nmap its own
     * "scanned in" figure. The first kbsh round (cold JIT) is reported apart.
     */
    private static void sweep(int start, int count, int expectedOpen, String nmap) throws Exception {
        ProbeOptions options = ProbeOptions.defaults()
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(2));
        List<ProbeRequest> requests = new ArrayList<>();
        TcpProbe tcp = new TcpProbe();
        for (int port = start; port < start + count; port++) {
            requests.add(new ProbeRequest(tcp, ProbeTarget.of("127.0.0.1", port), options));
        }
        int inFlight = 64;
        ProbeRunner runner = new ProbeRunner(inFlight, inFlight);
        long t0 = System.nanoTime();
        Map<String, Integer> statuses = tally(runner.run(requests, Instant.now().plusSeconds(10)));
        double cold = (System.nanoTime() - t0) / 1e9;
        List<Double> kbsh = new ArrayList<>();
        List<Double> nmapTimes = new ArrayList<>();
        int nmapOpen = -1;
        for (int round = 0; round < 11; round++) {
            t0 = System.nanoTime();
            statuses = tally(runner.run(requests, Instant.now().plusSeconds(10)));
            kbsh.add((System.nanoTime() - t0) / 1e9);
            if (!nmap.equals("-")) {
                String out = nmap(nmap, start, count);
                Matcher m = Pattern.compile("scanned in ([0-9.]+) seconds").matcher(out);
                if (!m.find()) {
                    System.out.println("nmap output not understood:\n" + out);
                    return;
                }
                nmapTimes.add(Double.parseDouble(m.group(1)));
                nmapOpen = (int) out.lines().filter(l -> l.matches("\\d+/tcp\\s+open.*")).count();
            }
        }
        kbsh.sort(null);
        System.out.printf("kbsh sweep (%d in flight): cold %.3f s; warm median %.3f s, best %.3f s; %s (expected %d OK)%n",
                inFlight, cold, kbsh.get(kbsh.size() / 2), kbsh.get(0), statuses, expectedOpen);
        if (nmap.equals("-")) {
            System.out.println("nmap: not installed; no baseline");
            return;
        }
        nmapTimes.sort(null);
        double nmapMedian = nmapTimes.get(nmapTimes.size() / 2);
        System.out.printf("nmap -sT -n -Pn sweep: median %.3f s, best %.3f s (as nmap reports it); %d open%n",
                nmapMedian, nmapTimes.get(0), nmapOpen);
        System.out.printf("sweep ratio kbsh/nmap: median %.2fx, cold kbsh %.2fx%n",
                kbsh.get(kbsh.size() / 2) / nmapMedian, cold / nmapMedian);
    }

    private static String nmap(String nmap, int start, int count) throws Exception {
        Process p = new ProcessBuilder(nmap, "-sT", "-n", "-Pn", "-p", start + "-" + (start + count - 1), "127.0.0.1")
                .redirectErrorStream(true).start();
        String out;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
            out = String.join("\n", r.lines().toList());
        }
        p.waitFor();
        return out;
    }

    private static Map<String, Integer> tally(List<ProbeResult> results) {
        Map<String, Integer> t = new TreeMap<>();
        for (ProbeResult r : results) {
            t.merge(r.status().name(), 1, Integer::sum);
        }
        return t;
    }

    private static long kib(String field) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

}
