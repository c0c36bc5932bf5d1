import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a schema-version-1 environment of N servers (default 200) in N/20 sites, with X.400 connectors
 * between neighbours, one Internet Mail Service per site behind a proxy or a firewall, WinSock Proxy
 * clients, publications and domains with two MX hosts: the "large site" of bench/report.sh.
 */
public class SiteGenerator {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int servers = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Random r = new Random(20261201);
        String[] exchange = {"5.5", "5.5 SP1", "5.5 SP3", "5.0 SP2", "4.0 SP4"};
        int sites = Math.max(1, servers / 20);
        List<String> siteList = new ArrayList<>();
        List<String> serverList = new ArrayList<>();
        List<String> connectors = new ArrayList<>();
        List<String> proxies = new ArrayList<>();
        List<String> firewalls = new ArrayList<>();
        List<String> publications = new ArrayList<>();
        List<String> domains = new ArrayList<>();
        for (int s = 0; s < sites; s++) {
            siteList.add("{\"id\": \"site%d\", \"name\": \"Site %d\"}".formatted(s, s));
            proxies.add(("{\"id\": \"proxy%d\", \"version\": \"2.0\", \"internalAddress\": \"10.%d.0.1\","
                    + " \"externalAddress\": \"192.0.2.%d\"}").formatted(s, s, s + 1));
            firewalls.add("{\"id\": \"fw%d\", \"name\": \"Firewall %d\", \"protects\": [\"EX%d-0\"]}".formatted(s, s, s));
            domains.add(("{\"name\": \"site%d.example\", \"mx\": [{\"preference\": 10, \"host\": \"mx1.site%d.example\"},"
                    + " {\"preference\": 20, \"host\": \"mx2.site%d.example\"}]}").formatted(s, s, s));
        }
        for (int i = 0; i < servers; i++) {
            int site = i % sites;
            String id = "EX" + site + "-" + (i / sites);
            boolean wsp = r.nextInt(4) == 0;
            serverList.add(("{\"id\": \"%s\", \"site\": \"site%d\", \"addresses\": [\"10.%d.1.%d\"], \"windowsNt\": \"4.0 SP%d\","
                    + " \"exchange\": \"%s\", \"components\": [\"mta\", \"information-store\", \"directory\"%s],"
                    + " \"winsockProxyClient\": %s}").formatted(id, site, site, i / sites + 10, 3 + r.nextInt(4),
                    exchange[r.nextInt(exchange.length)], i / sites == 0 ? ", \"internet-mail\"" : "", wsp));
            if (i / sites > 0) {
                connectors.add(("{\"id\": \"x400-%s\", \"type\": \"x400\", \"server\": \"%s\", \"transport\": \"tcpip\","
                        + " \"remoteMta\": \"EX%d-%d\"}").formatted(id, id, site, i / sites - 1));
            } else {
                connectors.add(("{\"id\": \"ims-%d\", \"type\": \"internet-mail\", \"server\": \"%s\","
                        + " \"domains\": [\"site%d.example\"], \"path\": [\"%s\"]}").formatted(site, id, site,
                        r.nextBoolean() ? "proxy" + site : "fw" + site));
                publications.add("{\"proxy\": \"proxy%d\", \"server\": \"%s\", \"protocol\": \"pop3\", \"ssl\": true}"
                        .formatted(site, id));
            }
        }
        String json = "{\n\"schemaVersion\": 1,\n\"organisation\": \"Generated, " + servers + " servers\",\n"
                + "\"sites\": [" + String.join(",\n", siteList) + "],\n"
                + "\"servers\": [" + String.join(",\n", serverList) + "],\n"
                + "\"connectors\": [" + String.join(",\n", connectors) + "],\n"
                + "\"proxies\": [" + String.join(",\n", proxies) + "],\n"
                + "\"publications\": [" + String.join(",\n", publications) + "],\n"
                + "\"firewalls\": [" + String.join(",\n", firewalls) + "],\n"
                + "\"domains\": [" + String.join(",\n", domains) + "]\n}\n";
        Files.writeString(out, json);
    }
}
