package io.kbsh.plugin.q166604.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.model.article.ArticleStore;
import io.kbsh.model.env.Component;
import io.kbsh.model.env.Connector;
import io.kbsh.model.env.ConnectorType;
import io.kbsh.model.env.DnsDomain;
import io.kbsh.model.env.Environment;
import io.kbsh.model.env.Firewall;
import io.kbsh.model.env.MxRecord;
import io.kbsh.model.env.Server;
import io.kbsh.model.fact.Facts;
import io.kbsh.model.fact.MxFact;
import io.kbsh.model.fact.ProbeStatus;
import io.kbsh.model.finding.Action;
import io.kbsh.model.finding.Finding;
import io.kbsh.model.finding.ObjectRef;
import io.kbsh.model.finding.Severity;
import io.kbsh.model.version.ReleaseLevel;
import io.kbsh.testkit.FindingAssert;
import io.kbsh.testkit.TestFacts;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class Q166604CheckTest {

    static final List<MxRecord> TWO_MX =
            List.of(new MxRecord(10, "mx1.partner.test"), new MxRecord(20, "mx2.partner.test"));
    static final List<MxRecord> ONE_MX = List.of(new MxRecord(10, "mx1.partner.test"));

    static Environment env(String exchange, boolean behindFirewall, List<MxRecord> mx) {
        return Environment.builder()
                .server(Server.builder("EXCH1", ReleaseLevel.parse(exchange))
                        .components(Component.INTERNET_MAIL)
                        .build())
                .firewall(new Firewall("fw", null, behindFirewall ? List.of("EXCH1") : List.of()))
                .connector(Connector.builder("ims", ConnectorType.INTERNET_MAIL, "EXCH1")
                        .domain("partner.test")
                        .build())
                .domain(new DnsDomain("partner.test", mx))
                .build();
    }

    static List<Finding> run(Environment env, Facts facts) {
        return new Q166604Check().evaluate(env, facts, ArticleStore.empty());
    }

    /** What the MX probe would report for the two hosts (the kit computes the verdicts as the probe does). */
    static MxFact mx(ProbeStatus first, ProbeStatus second) {
        TestFacts.MxBuilder mx = TestFacts.mx("partner.test");
        host(mx, "mx1.partner.test", 10, "192.0.2.1", first);
        host(mx, "mx2.partner.test", 20, "192.0.2.2", second);
        return mx.build();
    }

    private static void host(TestFacts.MxBuilder mx, String name, int preference, String address, ProbeStatus status) {
        if (status == ProbeStatus.OK) {
            mx.up(name, preference, address);
        } else {
            mx.down(name, preference, address, status);
        }
    }

    @Test
    void eachReleaseLineHasItsOwnFixingPack() {
        assertEquals(1, run(env("4.0 SP4", true, TWO_MX), Facts.none()).size());
        assertTrue(run(env("4.0 SP5", true, TWO_MX), Facts.none()).isEmpty());
        assertEquals(
                1, run(env("5.0", true, TWO_MX), Facts.none()).size(), "5.0 without a pack is not fixed by 4.0 SP5");
        assertTrue(run(env("5.0 SP1", true, TWO_MX), Facts.none()).isEmpty());
        assertTrue(run(env("5.0 SP2", true, TWO_MX), Facts.none()).isEmpty());
    }

    @Test
    void findingNamesTheFixAndAsksForTheMxProbe() {
        FindingAssert f = FindingAssert.assertThat(run(env("5.0", true, TWO_MX), Facts.none()))
                .single()
                .hasSeverity(Severity.WARNING)
                .affects(ObjectRef.domain("partner.test"))
                .hasSummary("Internet Mail Service");
        assertEquals(
                ReleaseLevel.parse("5.0 SP1"),
                f.action(Action.InstallServicePack.class).level());
        Finding finding = f.finding();
        assertEquals("mx", finding.probes().get(0).probe());
        assertEquals("partner.test", finding.probes().get(0).host());
        assertTrue(run(env("4.0", true, TWO_MX), Facts.none()).get(0).summary().contains("Internet Mail Connector"));
    }

    @Test
    void firstHostDownSecondUpMakesItStronger() {
        Finding strong = run(
                        env("5.0", true, TWO_MX), Facts.none().with(List.of(mx(ProbeStatus.TIMEOUT, ProbeStatus.OK))))
                .get(0);
        assertEquals(Severity.ERROR, strong.severity());
        assertTrue(
                strong.evidence().stream().anyMatch(e -> e.contains("first host down")),
                strong.evidence().toString());
        Finding calm = run(env("5.0", true, TWO_MX), Facts.none().with(List.of(mx(ProbeStatus.OK, ProbeStatus.OK))))
                .get(0);
        assertEquals(Severity.WARNING, calm.severity());
    }

    /**
     * Two MX hosts of equal preference, one dead: the probe shuffles them, as senders do, so the facts come in
     * either order. The finding is the same every time: a warning that says the sender's pick decides.
     */
    @Test
    void equalPreferencesOneDeadDecideTheSameWayInEveryOrder() {
        List<MxFact.Host> hosts = new java.util.ArrayList<>(List.of(
                new MxFact.Host("mx1.partner.test", 10, "192.0.2.1", ProbeStatus.REFUSED, "resolve"),
                new MxFact.Host("mx2.partner.test", 10, "192.0.2.2", ProbeStatus.OK, "ehlo"),
                new MxFact.Host("mx3.partner.test", 20, "192.0.2.3", ProbeStatus.OK, "ehlo")));
        java.util.Set<List<String>> orders = new java.util.HashSet<>();
        java.util.Set<String> outcomes = new java.util.HashSet<>();
        for (int seed = 0; seed < 50; seed++) {
            List<MxFact.Host> equal = new java.util.ArrayList<>(hosts.subList(0, 2));
            java.util.Collections.shuffle(equal, new java.util.Random(seed * 0x9E3779B97F4A7C15L));
            List<MxFact.Host> order = new java.util.ArrayList<>(equal);
            order.add(hosts.get(2));
            orders.add(order.stream().map(MxFact.Host::name).toList());
            boolean firstFails = MxFact.FirstHostOnly.of(order) == MxFact.FirstHostOnly.FAILS;
            MxFact fact = new MxFact("partner.test", "OK", order, true, firstFails, Instant.EPOCH);
            Finding f = run(env("5.0", true, TWO_MX), Facts.none().with(List.of(fact)))
                    .get(0);
            outcomes.add(f.severity() + " "
                    + f.evidence().stream()
                            .filter(e -> e.contains("indeterminate"))
                            .count());
        }
        assertEquals(2, orders.size(), "both orders were tried");
        assertEquals(
                java.util.Set.of("WARNING 1"), outcomes, "one severity and one indeterminate line whatever the order");
    }

    @Test
    void probeCanRevealASecondMxTheEnvironmentDidNotDescribe() {
        assertTrue(run(env("5.0", true, ONE_MX), Facts.none()).isEmpty());
        assertEquals(
                1,
                run(env("5.0", true, ONE_MX), Facts.none().with(List.of(mx(ProbeStatus.REFUSED, ProbeStatus.OK))))
                        .size());
    }

    @Test
    void anUndescribedMxSetAsksTheMxProbeAndItsAnswerDecides() {
        Environment undescribed = env("5.0", true, List.of());
        Finding unknown = run(undescribed, Facts.none()).get(0);
        assertEquals(Severity.INFO, unknown.severity());
        assertEquals("mx", unknown.probes().get(0).probe(), "diagnose must be asked to look the MX set up");
        assertEquals("partner.test", unknown.probes().get(0).host());
        assertEquals(
                Severity.ERROR,
                run(undescribed, Facts.none().with(List.of(mx(ProbeStatus.TIMEOUT, ProbeStatus.OK))))
                        .get(0)
                        .severity(),
                "the probe found two hosts, the first down");
        MxFact oneHost = new MxFact(
                "partner.test",
                "OK",
                List.of(new MxFact.Host("mx1.partner.test", 10, "192.0.2.1", ProbeStatus.OK, "greeting")),
                true,
                false,
                Instant.EPOCH);
        assertTrue(
                run(undescribed, Facts.none().with(List.of(oneHost))).isEmpty(),
                "the probe found one host: not affected");
        MxFact servfail = new MxFact("partner.test", "SERVFAIL", List.of(), false, false, Instant.EPOCH);
        Finding stillUnknown =
                run(undescribed, Facts.none().with(List.of(servfail))).get(0);
        assertEquals(Severity.INFO, stillUnknown.severity(), "a look-up that failed settles nothing");
        assertTrue(run(env("5.0 SP1", true, List.of()), Facts.none()).isEmpty(), "fixed: nothing to ask");
    }

    @Test
    void notAffected() {
        assertTrue(run(env("5.0", false, TWO_MX), Facts.none()).isEmpty(), "not behind a firewall");
        assertTrue(run(env("5.0", true, ONE_MX), Facts.none()).isEmpty(), "no second MX record");
        assertTrue(run(env("5.5", true, TWO_MX), Facts.none()).isEmpty(), "the article names 4.0 and 5.0 only");
    }
}
