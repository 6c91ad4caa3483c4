package dev.payback.report;

import dev.payback.analysis.Analysis;
import dev.payback.analysis.Summary;
import dev.payback.engine.Engine;
import dev.payback.engine.SimulationResult;
import dev.payback.scenario.Scenario;
import dev.payback.scenario.ScenarioLoader;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Scenario strings with markup in them are shown as text, never run, in the HTML and in every SVG. */
class HostileNamesTest {
    static final String NAME = "Acme <script>alert(\"name\")</script> & Sons 'Q' <img src=x onerror=alert(1)>";
    static final String LABEL = "<script>alert('label')</script> \"Route\" & <b>Ship</b>";

    @Test
    void markupInNamesIsNeverLive(@TempDir Path dir) throws Exception {
        String yaml = Files.readString(dev.payback.Shipped.path("b_consumer_goods_multichannel.yaml"))
                .replaceFirst("(?m)^name: .*$", "name: " + yamlQuote(NAME))
                .replaceFirst("(?m)^    label: .*$", "    label: " + yamlQuote(LABEL));
        Scenario s = ScenarioLoader.parse(yaml, "hostile.yaml", List.of(), null).withRun(1500, 3);
        assertThat(s.name()).isEqualTo(NAME);
        assertThat(s.options().get(0).label()).isEqualTo(LABEL);
        SimulationResult r = Engine.run(s, Engine.Options.defaults());
        Summary summary = Analysis.summarize(r);
        Outputs.write(dir, r, summary, EnumSet.of(OutputFormat.HTML, OutputFormat.CHARTS));

        String raw = Files.readString(dir.resolve("report.html"));
        assertThat(raw.toLowerCase(Locale.ROOT)).doesNotContain("<script", "<img", "<b>");
        Document html = Jsoup.parse(raw);
        assertThat(html.select("script, img, b")).isEmpty();
        for (Element e : html.getAllElements()) {
            for (Attribute a : e.attributes()) {
                assertThat(a.getKey().toLowerCase(Locale.ROOT)).doesNotStartWith("on");
            }
        }
        // shown to the reader as text: in the page title, the heading, the options table and inside the charts
        assertThat(html.title()).contains(NAME);
        assertThat(html.select("h1").text()).isEqualTo(NAME);
        assertThat(html.select("#options thead").text()).contains(LABEL);
        assertThat(html.select("figure svg text").eachText()).anyMatch(t -> t.contains(NAME));
        assertThat(html.select("figure svg text").eachText()).anyMatch(t -> t.contains(LABEL));

        List<Path> svgs;
        try (Stream<Path> files = Files.list(dir.resolve("charts"))) {
            svgs = files.filter(p -> p.toString().endsWith(".svg")).toList();
        }
        // 6 shared charts, a fan and a tornado per strategy, one "pilot first" chart per staged strategy,
        // 5 KPI charts and the vendor chart (scenario B's two options both have a scorecard)
        long staged = summary.options().stream().filter(Summary.OptionSummary::staged).count();
        assertThat(svgs).hasSize((int) (6 + 2 * summary.options().size() + staged + 5 + 1));
        assertThat(svgs).contains(dir.resolve("charts/evppi.svg"),
                dir.resolve("charts/tornado-" + summary.options().get(0).id() + ".svg"));
        boolean labelShown = false;
        for (Path svg : svgs) {
            String text = Files.readString(svg);
            assertThat(text.toLowerCase(Locale.ROOT)).as(svg.toString()).doesNotContain("<script", "<img", "<b>");
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            org.w3c.dom.Document doc = f.newDocumentBuilder().parse(svg.toFile());
            NodeList scripts = doc.getElementsByTagNameNS("*", "script");
            assertThat(scripts.getLength()).isZero();
            assertThat(doc.getElementsByTagNameNS("*", "img").getLength()).isZero();
            String shown = doc.getDocumentElement().getTextContent();
            assertThat(shown).as(svg.toString()).contains(NAME);
            labelShown |= shown.contains(LABEL);
        }
        assertThat(labelShown).isTrue();
        // the option's tornado names it by its label, shown as text
        DocumentBuilderFactory tf = DocumentBuilderFactory.newInstance();
        tf.setNamespaceAware(true);
        assertThat(tf.newDocumentBuilder().parse(dir.resolve("charts/tornado-" + summary.options().get(0).id()
                + ".svg").toFile()).getDocumentElement().getTextContent()).contains(LABEL);
        assertThat(html.select("#drivers figure svg text").eachText()).anyMatch(t -> t.contains(LABEL));
        assertThat(html.select("#measure figure svg text").eachText()).anyMatch(t -> t.contains(NAME));
    }

    private static String yamlQuote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
